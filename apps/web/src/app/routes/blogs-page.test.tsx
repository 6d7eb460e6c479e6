import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { renderRoute, requestedUrls, stubApi } from '../../test/render-route';
import { setViewportWidth } from '../../test/viewport';
import { BlogsPage } from './blogs-page';

const authors = [
  {
    id: 1,
    name: 'Mark',
    email: 'mark@example.com',
    bio: null,
    blogCount: 30,
    createdAt: '2016-01-01T00:00:00.000Z',
  },
  {
    id: 2,
    name: 'Lily',
    email: 'lily@example.com',
    bio: null,
    blogCount: 15,
    createdAt: '2016-01-01T00:00:00.000Z',
  },
];

function blogPage(url: URL) {
  const page = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('perPage') ?? 20);
  const total = 45;
  const first = (page - 1) * perPage;
  const items = Array.from({ length: Math.max(0, Math.min(perPage, total - first)) }, (_, i) => ({
    id: 100 + first + i,
    title: `Blog ${first + i + 1}`,
    excerpt: '',
    tags: [],
    readingMinutes: 1,
    cover: null,
    pubDate: '2016-01-11T11:01:05.000Z',
    viewCount: 0,
    commentCount: 0,
    author: { id: 1, name: 'Mark' },
  }));
  return { items, page, perPage, total, pages: Math.ceil(total / perPage) };
}

function stubBlogsApi() {
  return stubApi((url) => {
    if (url.pathname === '/api/v1/authors') {
      return {
        status: 200,
        body: { result: true, data: { items: authors, page: 1, perPage: 100, total: 2, pages: 1 } },
      };
    }
    if (url.pathname === '/api/v1/tags') {
      const items = [{ name: 'Rust', slug: 'rust', blogCount: 12 }];
      return {
        status: 200,
        body: { result: true, data: { items, page: 1, perPage: 20, total: 1, pages: 1 } },
      };
    }
    return { status: 200, body: { result: true, data: blogPage(url) } };
  });
}

function firstSerial() {
  const rows = within(screen.getByTestId('blog-table')).getAllByRole('row');
  return within(rows[1]!).getAllByRole('cell')[0]!.textContent;
}

describe('/blogs', () => {
  beforeEach(() => setLocale('en'));

  it('numbers rows on from the earlier pages', async () => {
    stubBlogsApi();
    renderRoute([{ path: '/blogs', element: <BlogsPage /> }], '/blogs?page=2');

    expect(await screen.findByRole('link', { name: 'Blog 21' })).toBeInTheDocument();
    expect(firstSerial()).toBe('21');
    expect(screen.getByText('Showing 21–40 of 45')).toBeInTheDocument();
    expect(screen.getByLabelText('Page 2')).toHaveAttribute('aria-current', 'page');
    // Beside the list, the most used tags lead to their pages.
    const popular = await screen.findByTestId('popular-tags');
    expect(within(popular).getByRole('link', { name: 'Rust 12' })).toHaveAttribute(
      'href',
      '/tags/rust',
    );
  });

  it('keeps page and size in the URL, and asks the API for them', async () => {
    const user = userEvent.setup();
    const fetchMock = stubBlogsApi();
    const router = renderRoute([{ path: '/blogs', element: <BlogsPage /> }], '/blogs');
    await screen.findByRole('link', { name: 'Blog 1' });

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('link', { name: 'Blog 21' });
    expect(router.state.location.search).toBe('?page=2');

    await user.selectOptions(screen.getByLabelText('Per page'), '10');
    await screen.findByRole('link', { name: 'Blog 1' });
    expect(router.state.location.search).toBe('?perPage=10');
    const last = requestedUrls(fetchMock, '/api/v1/blogs').at(-1);
    expect(last?.searchParams.get('perPage')).toBe('10');
    expect(last?.searchParams.get('page')).toBe('1');
  });

  it('starts again from page 1 on a new search or author', async () => {
    const user = userEvent.setup();
    const fetchMock = stubBlogsApi();
    const router = renderRoute(
      [{ path: '/blogs', element: <BlogsPage /> }],
      '/blogs?page=3&perPage=10',
    );
    await screen.findByRole('link', { name: 'Blog 21' });

    await user.type(screen.getByLabelText('Search'), 'sea{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?perPage=10&q=sea'));
    await waitFor(() => {
      const last = requestedUrls(fetchMock, '/api/v1/blogs').at(-1);
      expect(last?.searchParams.get('q')).toBe('sea');
      expect(last?.searchParams.get('page')).toBe('1');
    });

    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(router.state.location.search).toBe('?perPage=10&q=sea&page=2'));

    await user.selectOptions(await screen.findByLabelText('Author'), 'Lily');
    await waitFor(() => expect(router.state.location.search).toBe('?perPage=10&q=sea&authorId=2'));
    const last = requestedUrls(fetchMock, '/api/v1/blogs').at(-1);
    expect(last?.searchParams.get('authorId')).toBe('2');
  });

  it('on a phone, lists the blogs as cards, numbered on from the earlier pages', async () => {
    setViewportWidth(390);
    stubBlogsApi();
    renderRoute([{ path: '/blogs', element: <BlogsPage /> }], '/blogs?page=2');

    const cards = within(await screen.findByTestId('blog-cards')).getAllByRole('listitem');
    expect(cards).toHaveLength(20);
    expect(within(cards[0]!).getByRole('link', { name: 'Blog 21' })).toBeInTheDocument();
    expect(cards[0]).toHaveTextContent('#21');
    expect(within(cards[0]!).getByText('Views')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    stubApi(() => ({
      status: 200,
      body: { result: true, data: { items: [], page: 1, perPage: 20, total: 0, pages: 0 } },
    }));
    renderRoute([{ path: '/blogs', element: <BlogsPage /> }], '/blogs?q=nothing');
    expect(await screen.findByText('No blogs found.')).toBeInTheDocument();
  });

  it('says a page past the end is past the end, and links to the last page', async () => {
    const user = userEvent.setup();
    stubBlogsApi();
    const router = renderRoute([{ path: '/blogs', element: <BlogsPage /> }], '/blogs?page=99');

    expect(await screen.findByText('There is no page 99: this list ends at page 3.')).toBeVisible();
    expect(screen.queryByText('No blogs found.')).not.toBeInTheDocument();
    const last = screen.getByRole('link', { name: 'Go to the last page (3)' });
    expect(last).toHaveAttribute('href', '/blogs?page=3');

    await user.click(last);
    expect(await screen.findByRole('link', { name: 'Blog 41' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=3');
  });

  it('keeps the filters on the last-page link, in Chinese too', async () => {
    setLocale('zh-CN');
    stubBlogsApi();
    renderRoute([{ path: '/blogs', element: <BlogsPage /> }], '/blogs?perPage=10&q=a&page=99');

    expect(await screen.findByText('没有第 99 页：列表只有 5 页。')).toBeVisible();
    expect(screen.getByRole('link', { name: '前往最后一页（第 5 页）' })).toHaveAttribute(
      'href',
      '/blogs?perPage=10&q=a&page=5',
    );
  });

  it('shows a failure on the page and as a toast', async () => {
    stubApi(() => ({
      status: 400,
      body: {
        result: false,
        code: 'BAD_REQUEST',
        msg: 'The request could not be read.',
        requestId: 'r',
      },
    }));
    renderRoute([{ path: '/blogs', element: <BlogsPage /> }], '/blogs');
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
    const toast = await screen.findByTestId('toast');
    expect(toast).toHaveTextContent('The request could not be read.');
    expect(toast).toHaveAttribute('data-kind', 'danger');
  });
});
