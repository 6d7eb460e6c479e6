import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, buildUrl } from './api-client';
import { setLocale } from './i18n';

const blog = {
  id: 7,
  title: 'The old man and the sea',
  excerpt: 'Hello',
  tags: [],
  readingMinutes: 1,
  pubDate: '2016-01-11T11:01:05.000Z',
  viewCount: 3,
  commentCount: 0,
  author: { id: 1, name: 'Mark' },
  content: '# Hello',
  contentHtml: '<h1 id="h-hello">Hello</h1>\n',
  createdAt: '2016-01-11T11:01:05.000Z',
  updatedAt: '2016-01-11T11:01:05.000Z',
};

function respond(status: number, body: unknown) {
  const fetchMock = vi.fn<typeof fetch>(
    async () =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiRequest', () => {
  beforeEach(() => setLocale('en'));

  it('resolves with the data inside a success envelope', async () => {
    respond(200, { result: true, data: blog });
    await expect(apiRequest('/blogs/7')).resolves.toEqual(blog);
  });

  it('calls /api/v1 with the query, and asks for the UI language', async () => {
    setLocale('zh-CN');
    const fetchMock = respond(200, {
      result: true,
      data: { items: [], page: 2, perPage: 10, total: 0, pages: 0 },
    });

    await apiRequest('/blogs', {
      query: { page: 2, perPage: 10, q: 'sea', authorId: undefined },
    });

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/blogs?page=2&perPage=10&q=sea');
    expect(new Headers(init?.headers).get('Accept-Language')).toBe('zh-CN');
  });

  it('throws ApiError with the code, message, field errors and status of a failure', async () => {
    respond(422, {
      result: false,
      code: 'VALIDATION_FAILED',
      msg: 'Some fields are not valid.',
      errors: { perPage: 'Too big.' },
      requestId: 'req-1',
    });

    const error = await failure(apiRequest('/blogs'));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Some fields are not valid.');
    expect(error.errors).toEqual({ perPage: 'Too big.' });
    expect(error.status).toBe(422);
    expect(error.requestId).toBe('req-1');
  });

  it('throws NOT_FOUND with the status 404', async () => {
    respond(404, { result: false, code: 'NOT_FOUND', msg: 'No such blog.', requestId: 'r' });
    const error = await failure(apiRequest('/blogs/9'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, message: 'No such blog.' });
    expect(error.errors).toBeUndefined();
  });

  it('names a failure without an envelope after its status, in the UI language', async () => {
    setLocale('zh-CN');
    respond(502, '<html>Bad gateway</html>');
    const error = await failure(apiRequest('/blogs'));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', status: 502 });
    expect(error.message).toBe('Folio 暂时不可用，请稍后再试。');
  });

  it('reports a network failure as NETWORK_ERROR with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await failure(apiRequest('/blogs'));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('rejects a 200 answer that is not a success envelope', async () => {
    respond(200, '<html>Welcome to nginx</html>');
    const error = await failure(apiRequest('/blogs/7'));
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 200 });
    respond(200, { result: false, data: blog });
    expect(await failure(apiRequest('/blogs/7'))).toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('reads a failure envelope whose code this client does not know yet by its status', async () => {
    respond(409, { result: false, code: 'SOMETHING_NEW', msg: 'Taken.', requestId: 'r' });
    const error = await failure(apiRequest('/blogs/7'));
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, message: 'Taken.' });
  });

  it('lets a cancelled request stay a cancellation', async () => {
    const controller = new AbortController();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        controller.abort();
        throw new DOMException('Aborted', 'AbortError');
      }),
    );
    await expect(apiRequest('/blogs', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('buildUrl', () => {
  it('leaves out empty values', () => {
    expect(buildUrl('/authors', { q: '', page: 1, perPage: null })).toBe('/api/v1/authors?page=1');
    expect(buildUrl('/authors')).toBe('/api/v1/authors');
  });
});
