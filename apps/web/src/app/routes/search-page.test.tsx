import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { renderRoute, requestedUrls, stubApi } from '../../test/render-route';
import { SearchPage } from './search-page';

const authors = [
  {
    id: 1,
    name: 'Mark',
    email: null,
    bio: null,
    blogCount: 3,
    createdAt: '2016-01-01T00:00:00.000Z',
  },
  {
    id: 2,
    name: 'Lily',
    email: null,
    bio: null,
    blogCount: 1,
    createdAt: '2016-01-01T00:00:00.000Z',
  },
];
const tags = [
  { name: 'Rivers', slug: 'rivers', blogCount: 2 },
  { name: '小说', slug: '小说', blogCount: 1 },
];

const hit = (id: number, fields: Record<string, unknown> = {}) => ({
  id,
  title: `Blog ${id}`,
  excerpt: '',
  tags: [{ name: 'Rivers', slug: 'rivers' }],
  readingMinutes: 1,
  cover: null,
  pubDate: '2016-01-11T11:01:05.000Z',
  viewCount: 0,
  author: { id: 1, name: 'Mark' },
  titleHtml: `Blog ${id}`,
  snippetHtml: `About the <mark>river</mark> ${id}`,
  ...fields,
});

const ok = (data: unknown) => ({ status: 200, body: { result: true, data } });
const list = <T,>(items: T[]) => ({ items, page: 1, perPage: 100, total: items.length, pages: 1 });

function stubSearchApi(search: (url: URL) => { status: number; body: unknown }) {
  return stubApi((url) => {
    if (url.pathname === '/api/v1/authors') return ok(list(authors));
    if (url.pathname === '/api/v1/tags') return ok(list(tags));
    return search(url);
  });
}

const render = (url: string) => renderRoute([{ path: '/search', element: <SearchPage /> }], url);

describe('/search', () => {
  beforeEach(() => setLocale('en'));

  it('shows the API’s highlights as HTML, and nothing else as HTML', async () => {
    stubSearchApi(() =>
      ok({
        items: [
          hit(7, {
            title: '<script>alert(1)</script> river',
            titleHtml: '&lt;script&gt;alert(1)&lt;/script&gt; <mark>river</mark>',
            snippetHtml: 'Along the <mark>river</mark>s &amp; &lt;b&gt;banks&lt;/b&gt;',
          }),
        ],
        page: 1,
        perPage: 20,
        total: 1,
        pages: 1,
      }),
    );
    render('/search?q=river');
    const result = await screen.findByTestId('search-hit');
    const title = within(result).getByRole('link', { name: '<script>alert(1)</script> river' });
    expect(title).toHaveAttribute('href', '/blogs/7');
    expect(title.querySelector('mark')).toHaveTextContent('river');
    expect(result.querySelector('script, b')).toBeNull();
    expect(result.querySelector('p')).toHaveTextContent('Along the rivers & <b>banks</b>');
    expect(result.querySelectorAll('mark')).toHaveLength(2);
    expect(within(result).getByRole('link', { name: 'Mark' })).toHaveAttribute(
      'href',
      '/authors/1',
    );
    expect(within(result).getByRole('link', { name: 'Rivers' })).toHaveAttribute(
      'href',
      '/tags/rivers',
    );
    expect(document.title).toContain('Search: river');
  });

  it('asks for words before it searches, and sends what was typed', async () => {
    const fetchMock = stubSearchApi(() =>
      ok({ items: [hit(1)], page: 1, perPage: 20, total: 1, pages: 1 }),
    );
    render('/search');
    expect(await screen.findByText(/Type a word or two/)).toBeInTheDocument();
    expect(requestedUrls(fetchMock, '/api/v1/search')).toHaveLength(0);
    await userEvent.type(screen.getByRole('searchbox'), '盖茨比{Enter}');
    expect(await screen.findByTestId('search-hit')).toBeInTheDocument();
    expect(requestedUrls(fetchMock, '/api/v1/search').at(-1)!.searchParams.get('q')).toBe('盖茨比');
  });

  it('filters by tag and author, and pages, keeping the words', async () => {
    const fetchMock = stubSearchApi((url) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      return ok({ items: [hit(page * 10)], page, perPage: 20, total: 45, pages: 3 });
    });
    render('/search?q=river');
    await screen.findByTestId('search-hit');
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Tags' }), 'rivers');
    await waitFor(() =>
      expect(requestedUrls(fetchMock, '/api/v1/search').at(-1)!.searchParams.get('tag')).toBe(
        'rivers',
      ),
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Author' }), '2');
    await waitFor(() =>
      expect(requestedUrls(fetchMock, '/api/v1/search').at(-1)!.searchParams.get('authorId')).toBe(
        '2',
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => {
      const asked = requestedUrls(fetchMock, '/api/v1/search').at(-1)!;
      expect(Object.fromEntries(asked.searchParams)).toEqual({
        q: 'river',
        tag: 'rivers',
        authorId: '2',
        page: '2',
        perPage: '20',
      });
    });
    expect(await screen.findByRole('link', { name: 'Blog 20' })).toBeInTheDocument();
  });

  it('says when nothing matches, in Chinese too', async () => {
    setLocale('zh-CN');
    stubSearchApi(() => ok({ items: [], page: 1, perPage: 20, total: 0, pages: 0 }));
    render('/search?q=红楼梦');
    expect(await screen.findByText('没有与“红楼梦”匹配的已发布博客。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '搜索' })).toBeInTheDocument();
  });

  it('shows a failure with a retry', async () => {
    let fail = true;
    stubSearchApi(() =>
      fail
        ? {
            status: 429,
            body: {
              result: false,
              code: 'RATE_LIMITED',
              msg: 'Too many requests.',
              requestId: 'r',
            },
          }
        : ok({ items: [hit(3)], page: 1, perPage: 20, total: 1, pages: 1 }),
    );
    render('/search?q=river');
    expect(
      await screen.findByText('Too many requests.', {}, { timeout: 5_000 }),
    ).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: /retry|try again/i }));
    expect(await screen.findByTestId('search-hit')).toBeInTheDocument();
  });
});
