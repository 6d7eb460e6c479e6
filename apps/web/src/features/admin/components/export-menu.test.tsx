import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../lib/i18n';
import { logInAsStaff } from '../../../test/admin';
import { fail, fakeApi, stubFetch } from '../../../test/fake-api';
import { renderRoute } from '../../../test/render-route';
import { filenameOf } from '../api/export-file';
import { ExportMenu, type ExportMenuProps } from './export-menu';

const encoder = new TextEncoder();

/** A file the test writes part by part, as a slow export arrives. */
function streamedFile(rows: number, type = 'text/csv; charset=utf-8') {
  let push!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (push = c) });
  const requests: { url: URL; headers: Headers; signal: AbortSignal }[] = [];
  const fetchMock = stubFetch(async (input, init) => {
    const signal = init!.signal!;
    requests.push({
      url: new URL(String(input), 'http://localhost'),
      headers: new Headers(init?.headers),
      signal,
    });
    signal.addEventListener('abort', () => push.error(new DOMException('aborted', 'AbortError')));
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': type,
        'content-disposition':
          'attachment; filename="folio-users-2026-12-04.csv"; filename*=UTF-8\'\'folio-users-2026-12-04.csv',
        'x-export-rows': String(rows),
      },
    });
  });
  return {
    fetchMock,
    requests,
    write: (text: string) => act(async () => push.enqueue(encoder.encode(text))),
    end: () => act(async () => push.close()),
  };
}

/** A blob's bytes, the byte order mark included (jsdom's Blob has no `bytes()`). */
function bytesOf(blob: Blob): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve([...new Uint8Array(reader.result as ArrayBuffer)]);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

function renderMenu(props: Partial<ExportMenuProps> = {}) {
  renderRoute(
    [
      {
        path: '/',
        element: (
          <ExportMenu kind="users" query={{ status: 'active', sort: '-createdAt' }} {...props} />
        ),
      },
    ],
    '/',
  );
}

describe('<ExportMenu>', () => {
  let saved: { name: string; href: string }[];

  beforeEach(() => {
    setLocale('en');
    logInAsStaff(['users.read', 'exports.run']);
    saved = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: vi.fn(() => 'blob:export'),
        revokeObjectURL: vi.fn(),
      }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, href: this.href });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('downloads the filtered list with the token, shows its progress and saves the file', async () => {
    const file = streamedFile(3);
    renderMenu({ total: 3 });
    expect(screen.getByRole('group', { name: 'Export all 3 matching as' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    await waitFor(() => expect(file.requests).toHaveLength(1));
    const { url, headers } = file.requests[0]!;
    expect(url.pathname).toBe('/api/v1/admin/exports/users');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'active',
      sort: '-createdAt',
      format: 'csv',
    });
    expect(headers.get('authorization')).toBe('Bearer access-1');
    expect(headers.get('accept-language')).toBe('en');

    await file.write('\uFEFFID,Nickname\r\n1,Ann\r\n');
    const bar = await screen.findByRole('progressbar', { name: 'Exporting as CSV' });
    expect(bar).toHaveAttribute('aria-valuenow', '33');
    expect(screen.getByText('1 of 3 rows')).toBeInTheDocument();
    await file.write('2,"Bo, ""B"""\r\n3,陈\r\n');
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '100'));
    await file.end();

    expect(
      await screen.findByText('folio-users-2026-12-04.csv is saved: 3 rows.'),
    ).toBeInTheDocument();
    expect(saved).toEqual([{ name: 'folio-users-2026-12-04.csv', href: 'blob:export' }]);
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect(await bytesOf(blob)).toEqual([
      ...encoder.encode('\uFEFFID,Nickname\r\n1,Ann\r\n2,"Bo, ""B"""\r\n3,陈\r\n'),
    ]);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('exports the selection in place of the filters, keeping the sort', async () => {
    const file = streamedFile(
      2,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    renderMenu({ selected: [5, 3] });
    fireEvent.click(screen.getByRole('button', { name: 'Excel' }));
    await waitFor(() => expect(file.requests).toHaveLength(1));
    expect(Object.fromEntries(file.requests[0]!.url.searchParams)).toEqual({
      sort: '-createdAt',
      ids: '5,3',
      format: 'xlsx',
    });
    await file.write('PK\u0003\u0004 and more');
    // An XLSX is compressed: its rows can't be counted as they come, its bytes can.
    expect(await screen.findByText('0 MB received, 2 rows in all')).toBeInTheDocument();
    await file.end();
    await waitFor(() => expect(saved).toHaveLength(1));
  });

  it('cancels a running export: the request is aborted and nothing is saved', async () => {
    const file = streamedFile(1_000_000);
    renderMenu();
    fireEvent.click(screen.getByRole('button', { name: 'TSV' }));
    await file.write('ID\tNickname\n1\tAnn\n');
    await screen.findByRole('progressbar');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('The export is cancelled.')).toBeInTheDocument();
    expect(file.requests[0]!.signal.aborted).toBe(true);
    expect(saved).toEqual([]);
    expect(screen.getByRole('button', { name: 'TSV' })).toBeEnabled();
  });

  it("says why the API refused, in the reader's language", async () => {
    setLocale('zh-CN');
    fakeApi({ 'GET /admin/exports/users': fail(403, 'FORBIDDEN', '你没有权限执行此操作。') });
    renderMenu({ selected: [1] });
    expect(screen.getByRole('group', { name: '导出所选的 1 条记录为' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    expect(await screen.findByText('导出失败：你没有权限执行此操作。')).toBeInTheDocument();
    expect(saved).toEqual([]);
  });
});

describe('filenameOf', () => {
  it('reads the UTF-8 name first, then the plain one', () => {
    expect(
      filenameOf('attachment; filename="a.csv"; filename*=UTF-8\'\'%E5%AF%BC%E5%87%BA.csv'),
    ).toBe('导出.csv');
    expect(filenameOf('attachment; filename="folio-audit-2026-12-04.tsv"')).toBe(
      'folio-audit-2026-12-04.tsv',
    );
    expect(filenameOf(null)).toBeNull();
  });
});
