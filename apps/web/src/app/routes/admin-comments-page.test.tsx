import type { AdminComment, ModerationItem, PageOf } from '@folio/schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { logInAsStaff } from '../../test/admin';
import { dialogsClosed, shownDialog } from '../../test/dialog';
import { fakeApi, ok } from '../../test/fake-api';
import type { FakeRequest } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { setViewportWidth } from '../../test/viewport';
import { PublicLayout } from '../layouts/public-layout';
import { AdminSection } from './admin-section';

const routes = [
  {
    element: <PublicLayout />,
    children: [{ path: '/admin/*', element: <AdminSection /> }],
  },
];

function comment(id: number, fields: Partial<AdminComment> = {}): AdminComment {
  return {
    id,
    blog: { id: 7, title: 'The old man and the sea' },
    user: { id: 40, nickname: 'Tom' },
    parentId: null,
    body: `comment ${id}`,
    status: 'visible',
    openReports: 0,
    createdAt: '2026-11-30T10:00:00.000Z',
    editedAt: null,
    ...fields,
  };
}

function page<T>(items: T[], fields: Partial<PageOf<T>> = {}): PageOf<T> {
  return { items, page: 1, perPage: 20, total: items.length, pages: 1, ...fields };
}

const query = (request: FakeRequest | undefined) =>
  Object.fromEntries(request?.url.searchParams ?? []);

const spam = comment(31, { body: 'Buy cheap watches at example.com', openReports: 2 });
const reply = comment(32, { parentId: 31, status: 'deleted', user: { id: 41, nickname: 'Jacob' } });

const queueItem: ModerationItem = {
  comment: spam,
  reports: [
    {
      reason: 'spam',
      note: 'Same link on every blog',
      reporter: { id: 50, nickname: 'Mark' },
      createdAt: '2026-12-01T08:00:00.000Z',
    },
    {
      reason: 'offTopic',
      note: '',
      reporter: { id: 51, nickname: 'Lily' },
      createdAt: '2026-12-01T09:00:00.000Z',
    },
  ],
};

describe('/admin/comments', () => {
  let user: ReturnType<typeof logInAsStaff>;

  beforeEach(() => {
    setLocale('en');
    vi.stubGlobal('scrollTo', vi.fn());
    user = logInAsStaff(['content.moderate']);
  });

  it('lists comments with their blog, writer, reports and state, scrolling on a phone', async () => {
    setViewportWidth(375);
    fakeApi({ 'GET /me': ok(user), 'GET /admin/comments': ok(page([spam, reply])) });
    renderRoute(routes, '/admin/comments');
    const table = await screen.findByTestId('admin-comment-table');
    expect(table.parentElement).toHaveClass('table-responsive');
    const row = within(screen.getByTestId('admin-comment-31'));
    expect(row.getByText('Buy cheap watches at example.com')).toBeInTheDocument();
    expect(row.getByRole('link', { name: 'The old man and the sea' })).toHaveAttribute(
      'href',
      '/blogs/7#comment-31',
    );
    expect(row.getByRole('link', { name: 'Tom' })).toHaveAttribute(
      'href',
      '/admin/comments?userId=40',
    );
    expect(row.getByText('2')).toHaveClass('badge');
    const other = within(screen.getByTestId('admin-comment-32'));
    expect(other.getByText('Deleted')).toHaveClass('badge');
    expect(other.getByText('Reply')).toHaveClass('badge');
    const tabs = within(screen.getByRole('navigation', { name: 'Comment views' }));
    expect(tabs.getByRole('link', { name: 'All comments' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('sends the filters and the sort, kept in the URL', async () => {
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/comments': ok(page([spam])) });
    const router = renderRoute(routes, '/admin/comments');
    await screen.findByTestId('admin-comment-table');
    const form = within(screen.getByTestId('admin-comment-filter'));
    fireEvent.change(form.getByLabelText('Text contains'), { target: { value: 'pills' } });
    fireEvent.change(form.getByLabelText('State'), { target: { value: 'visible' } });
    fireEvent.change(form.getByLabelText('Open reports'), { target: { value: 'true' } });
    fireEvent.change(form.getByLabelText('Blog id'), { target: { value: '7' } });
    fireEvent.change(form.getByLabelText('Writer (user id)'), { target: { value: '40' } });
    fireEvent.change(form.getByLabelText('Written from'), { target: { value: '2026-11-01' } });
    fireEvent.change(form.getByLabelText('Written to'), { target: { value: '2026-11-30' } });
    fireEvent.click(form.getByRole('button', { name: 'Filter' }));
    await waitFor(() =>
      expect(query(api.calls('GET /admin/comments').at(-1))).toEqual({
        page: '1',
        perPage: '20',
        sort: '-id',
        q: 'pills',
        status: 'visible',
        reported: 'true',
        blogId: '7',
        userId: '40',
        from: '2026-11-01',
        to: '2026-11-30',
      }),
    );
    expect(router.state.location.search).toContain('reported=true');

    const header = screen.getByRole('columnheader', { name: /^Id/ });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    fireEvent.click(within(header).getByRole('button'));
    await waitFor(() =>
      expect(query(api.calls('GET /admin/comments').at(-1))).toMatchObject({
        sort: 'id',
        reported: 'true',
      }),
    );
    expect(screen.getByRole('columnheader', { name: /^Id/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  it('deletes the selected comments after asking, and dismisses all that match', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/comments': ok(page([spam, reply], { total: 30, pages: 15, perPage: 2 })),
      'POST /admin/comments/bulk': [
        ok({ affected: 1, skipped: 0 }),
        ok({ affected: 28, skipped: 2 }),
      ],
    });
    renderRoute(routes, '/admin/comments?reported=true&perPage=2');
    await screen.findByTestId('admin-comment-table');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select comment #31' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await shownDialog();
    expect(dialog).toHaveTextContent('Delete these comments?');
    expect(dialog).toHaveTextContent('Selected: 1.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted: 1.')).toBeInTheDocument();
    await dialogsClosed();
    expect(api.calls('POST /admin/comments/bulk')[0]?.body).toEqual({
      action: 'delete',
      ids: [31],
    });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select every comment on this page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Select all 30 that match' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss reports' }));
    fireEvent.click(within(await shownDialog()).getByRole('button', { name: 'Dismiss reports' }));
    expect(
      await screen.findByText('Reports dismissed on: 28. Left as they were: 2.'),
    ).toBeInTheDocument();
    expect(api.calls('POST /admin/comments/bulk')[1]?.body).toEqual({
      action: 'dismissReports',
      all: { reported: true },
    });
  });
});

describe('/admin/comments/reports', () => {
  let user: ReturnType<typeof logInAsStaff>;

  beforeEach(() => {
    setLocale('en');
    vi.stubGlobal('scrollTo', vi.fn());
    user = logInAsStaff(['content.moderate']);
  });

  it('shows each reported comment with its blog, writer and reports', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/comments/reports': ok(page([queueItem])),
    });
    renderRoute(routes, '/admin/comments/reports');
    const item = within(await screen.findByTestId('queue-item-31'));
    expect(query(api.calls('GET /admin/comments/reports')[0])).toEqual({
      page: '1',
      perPage: '20',
    });
    expect(item.getByRole('heading', { name: /Comment by Tom/ })).toBeInTheDocument();
    expect(item.getByText('Reports: 2')).toBeInTheDocument();
    expect(item.getByText('Buy cheap watches at example.com')).toBeInTheDocument();
    expect(item.getByRole('link', { name: 'The old man and the sea' })).toHaveAttribute(
      'href',
      '/blogs/7#comment-31',
    );
    const reports = item.getAllByTestId('queue-report');
    expect(reports[0]).toHaveTextContent('Spam or advertising');
    expect(reports[0]).toHaveTextContent('Mark #50');
    expect(reports[0]).toHaveTextContent('Same link on every blog');
    expect(within(reports[0]!).getByText(/2026/)).toHaveAttribute(
      'datetime',
      '2026-12-01T08:00:00.000Z',
    );
    expect(reports[1]).toHaveTextContent('Off topic');
    expect(reports[1]).toHaveTextContent('Lily #51');
    const tabs = within(screen.getByRole('navigation', { name: 'Comment views' }));
    expect(tabs.getByRole('link', { name: 'Reported' })).toHaveAttribute('aria-current', 'page');
  });

  it('names the reasons in Chinese', async () => {
    setLocale('zh-CN');
    fakeApi({ 'GET /me': ok(user), 'GET /admin/comments/reports': ok(page([queueItem])) });
    renderRoute(routes, '/admin/comments/reports');
    const reports = await screen.findAllByTestId('queue-report');
    expect(reports[0]).toHaveTextContent('垃圾信息或广告');
    expect(reports[1]).toHaveTextContent('与主题无关');
  });

  it('dismisses an item’s reports at once, and the queue reads afresh', async () => {
    let items = [queueItem];
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/comments/reports': () => ok(page(items)),
      'POST /admin/comments/bulk': () => {
        items = [];
        return ok({ affected: 1, skipped: 0 });
      },
    });
    renderRoute(routes, '/admin/comments/reports');
    await screen.findByTestId('queue-item-31');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the reports of comment #31' }));
    expect(
      await screen.findByText('Its reports are dismissed; the comment stays.'),
    ).toBeInTheDocument();
    expect(api.calls('POST /admin/comments/bulk')[0]?.body).toEqual({
      action: 'dismissReports',
      ids: [31],
    });
    // The queue reads afresh: settled, the item is gone.
    expect(await screen.findByTestId('empty')).toHaveTextContent('Nothing to moderate');
  });

  it('deletes a reported comment only once asked', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/comments/reports': ok(page([queueItem])),
      'POST /admin/comments/bulk': ok({ affected: 1, skipped: 0 }),
    });
    renderRoute(routes, '/admin/comments/reports');
    await screen.findByTestId('queue-item-31');
    fireEvent.click(screen.getByRole('button', { name: 'Delete comment #31' }));
    const dialog = await shownDialog();
    expect(dialog).toHaveTextContent('Delete this comment?');
    expect(dialog).toHaveTextContent('Buy cheap watches at example.com');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await dialogsClosed();
    expect(api.calls('POST /admin/comments/bulk')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Delete comment #31' }));
    fireEvent.click(
      within(await shownDialog()).getByRole('button', { name: 'Delete the comment' }),
    );
    expect(await screen.findByText('The comment is deleted.')).toBeInTheDocument();
    await dialogsClosed();
    expect(api.calls('POST /admin/comments/bulk')[0]?.body).toEqual({
      action: 'delete',
      ids: [31],
    });
  });

  it('says when there is nothing to moderate', async () => {
    fakeApi({ 'GET /me': ok(user), 'GET /admin/comments/reports': ok(page([])) });
    renderRoute(routes, '/admin/comments/reports');
    expect(await screen.findByTestId('empty')).toHaveTextContent(
      'Nothing to moderate: no comment has an open report.',
    );
  });
});
