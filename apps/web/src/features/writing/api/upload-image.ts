import type { Upload } from '@folio/schema';
import {
  ApiError,
  apiHeaders,
  buildUrl,
  failureError,
  withSessionRefresh,
} from '../../../lib/api-client';
import { getLocale, translate } from '../../../lib/i18n';

export interface UploadOptions {
  /** Called as the bytes go out, with the share sent (0 to 1). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads an image (`POST /uploads`) with XMLHttpRequest, as fetch reports no upload progress.
 * The same token, language and refresh on 401 as every other call (api-client).
 */
export function uploadImage(file: File, options: UploadOptions = {}): Promise<Upload> {
  return withSessionRefresh(() => send(file, options));
}

function send(file: File, { onProgress, signal }: UploadOptions): Promise<Upload> {
  return new Promise<Upload>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl('/uploads'));
    for (const [name, value] of Object.entries(apiHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    const networkError = () =>
      new ApiError('NETWORK_ERROR', translate(getLocale(), 'error.network'), undefined, 0);
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      const payload: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) {
        const data = (payload as { result?: boolean; data?: Upload } | null)?.data;
        if (data) {
          onProgress?.(1);
          resolve(data);
        } else {
          reject(
            new ApiError(
              'INVALID_RESPONSE',
              translate(getLocale(), 'error.invalidResponse'),
              undefined,
              xhr.status,
            ),
          );
        }
        return;
      }
      const seconds = Number(xhr.getResponseHeader('retry-after'));
      void failureError(
        xhr.status,
        payload,
        Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined,
      ).then(reject, reject);
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}
