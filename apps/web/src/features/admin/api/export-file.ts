import { EXPORT_ROWS_HEADER } from '@folio/schema';
import type { ExportFormat, ExportKind } from '@folio/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ApiError,
  apiHeaders,
  buildUrl,
  failureError,
  withSessionRefresh,
  type QueryValue,
} from '../../../lib/api-client';
import { getLocale, translate } from '../../../lib/i18n';

/** What to export: a kind, a format, the list's filters and sort, or the selected rows. */
export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  /** The list's filters and sort, as its query string names them. */
  query?: Record<string, QueryValue>;
  /** The selected rows, in place of the filters. */
  ids?: readonly number[];
}

export interface ExportProgress {
  /** Rows the file holds, as the API announced them (`X-Export-Rows`). */
  total: number;
  /** Bytes received so far. */
  bytes: number;
  /** Rows received so far, where the format lets them be counted (CSV and TSV), else null. */
  rows: number | null;
}

export interface ExportedFile {
  filename: string;
  blob: Blob;
  total: number;
}

const NEWLINE = 0x0a;

/** The file name a `Content-Disposition` gives: its UTF-8 `filename*`, else its `filename`. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed name falls back to the plain one.
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? null;
}

async function open(request: ExportRequest, signal: AbortSignal): Promise<Response> {
  const { kind, format, query = {}, ids } = request;
  const url = buildUrl(`/admin/exports/${kind}`, {
    ...(ids?.length ? {} : query),
    ...(ids?.length ? { sort: query.sort, ids: ids.join(',') } : {}),
    format,
  });
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { ...apiHeaders(), Accept: '*/*' },
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', translate(getLocale(), 'error.network'), undefined, 0);
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => undefined);
    throw await failureError(response.status, payload);
  }
  return response;
}

/**
 * Downloads an export with the access token (refreshed once if it ran out), reading the stream
 * as it comes and telling `onProgress` after each part; resolves with the file and the name the
 * API gave it. `signal` cancels it, the request included.
 */
export async function downloadExport(
  request: ExportRequest,
  { signal, onProgress }: { signal: AbortSignal; onProgress?: (progress: ExportProgress) => void },
): Promise<ExportedFile> {
  const response = await withSessionRefresh(() => open(request, signal));
  const total = Number(response.headers.get(EXPORT_ROWS_HEADER) ?? 0);
  const counts = request.format !== 'xlsx';
  const parts: Uint8Array[] = [];
  let bytes = 0;
  let lines = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    bytes += value.length;
    if (counts) for (const byte of value) if (byte === NEWLINE) lines += 1;
    // The header is a line too; a quoted line break in a CSV field counts once more.
    onProgress?.({ total, bytes, rows: counts ? Math.min(total, Math.max(0, lines - 1)) : null });
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return {
    filename:
      filenameOf(response.headers.get('content-disposition')) ??
      `folio-${request.kind}.${request.format}`,
    blob: new Blob(parts as BlobPart[], { type }),
    total,
  };
}

/** Hands a file to the browser to save, under its name. */
export function saveFile({ blob, filename }: ExportedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the file from the URL after the click returns, and a URL revoked by then
  // cancels the download: the URL goes a minute later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; format: ExportFormat; progress: ExportProgress | null }
  | { status: 'done'; file: ExportedFile }
  | { status: 'cancelled' }
  | { status: 'failed'; error: unknown };

/**
 * One export at a time: `start` downloads and saves it, following its progress; `cancel` stops
 * it. Leaving the page cancels a running one.
 */
export function useExport() {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(async (request: ExportRequest): Promise<ExportState> => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'running', format: request.format, progress: null });
    let next: ExportState;
    try {
      const file = await downloadExport(request, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (running.current === controller) {
            setState({ status: 'running', format: request.format, progress });
          }
        },
      });
      saveFile(file);
      next = { status: 'done', file };
    } catch (error) {
      next = controller.signal.aborted ? { status: 'cancelled' } : { status: 'failed', error };
    }
    if (running.current === controller) {
      running.current = null;
      setState(next);
    }
    return next;
  }, []);

  const cancel = useCallback(() => running.current?.abort(), []);

  return { state, start, cancel };
}
