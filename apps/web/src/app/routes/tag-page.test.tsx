import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { renderRoute, requestedUrls, stubApi } from '../../test/render-route';
import { TagPage } from './tag-page';

const blog = {
  id: 9,
  title: 'Rust for the rest of us',
  excerpt: 'Ownership without tears.',
  tags: [{ name: 'Rust', slug: 'rust' }],
  readingMinutes: 4,
  cover: null,
  pubDate: '2016-01-11T11:01:05.000Z',
  viewCount: 3,
  commentCount: 0,
  author: { id: 1, name: 'Mark' },
};

const page = <T,>(items: T[]) => ({ items, page: 1, perPage: 20, total: items.length, pages: 1 });
const ok = (data: unknown) => ({ status: 200, body: { result: true, data } });

function stubTagApi() {
  return stubApi((url) => {
    if (url.pathname === '/api/v1/tags/rust')
      return ok({ name: 'Rust', slug: 'rust', blogCount: 12 });
    if (url.pathname.startsWith('/api/v1/tags/')) {
      return { status: 404, body: { result: false, code: 'NOT_FOUND', msg: 'No such tag.' } };
    }
    if (url.pathname === '/api/v1/tags')
      return ok(page([{ name: 'Rust', slug: 'rust', blogCount: 12 }]));
    return ok(page(url.searchParams.get('tag') === 'rust' ? [blog] : []));
  });
}

describe('/tags/:slug', () => {
  beforeEach(() => setLocale('en'));

  it('names the tag, counts its blogs and lists them, sorted as asked, beside the popular tags', async () => {
    const fetchMock = stubTagApi();
    renderRoute([{ path: '/tags/:slug', element: <TagPage /> }], '/tags/rust?sort=pubDate');

    expect(await screen.findByRole('heading', { level: 1, name: 'Rust' })).toBeInTheDocument();
    expect(screen.getByText('Blogs: 12')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Rust for the rest of us' })).toHaveAttribute(
      'href',
      '/blogs/9',
    );
    const asked = requestedUrls(fetchMock, '/api/v1/blogs').at(-1)!;
    expect(asked.searchParams.get('tag')).toBe('rust');
    expect(asked.searchParams.get('sort')).toBe('pubDate');
    const popular = await screen.findByTestId('popular-tags');
    expect(within(popular).getByRole('link', { name: 'Rust 12' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('says an unknown tag is not found, in Chinese too', async () => {
    setLocale('zh-CN');
    stubTagApi();
    renderRoute([{ path: '/tags/:slug', element: <TagPage /> }], '/tags/nothing');

    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '没有这个标签' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回博客列表' })).toHaveAttribute('href', '/blogs');
  });
});
