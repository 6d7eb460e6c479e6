import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { renderRoute, stubApi } from '../../test/render-route';
import { BlogPage } from './blog-page';

const routes = [{ path: '/blogs/:id', element: <BlogPage /> }];

describe('/blogs/:id', () => {
  beforeEach(() => setLocale('en'));

  it('shows the blog with its author link and sanitized markdown', async () => {
    stubApi(() => ({
      status: 200,
      body: {
        result: true,
        data: {
          id: 7,
          title: 'The old man and the sea',
          excerpt: 'A fish So big.',
          tags: [],
          readingMinutes: 1,
          cover: null,
          pubDate: '2016-01-11T11:01:05.000Z',
          viewCount: 1234,
          commentCount: 0,
          author: { id: 3, name: 'Larry' },
          content:
            '## A fish\n\nSo **big**.<img src="x" onerror="alert(1)"><script>alert(2)</script>',
          contentHtml:
            '<h3 id="h-a-fish">A fish</h3>\n<p>So <strong>big</strong>.<img src="x" /></p>\n<p>As the API rendered it.</p>',
          createdAt: '2016-01-11T11:01:05.000Z',
          updatedAt: '2016-01-11T11:01:05.000Z',
        },
      },
    }));
    renderRoute(routes, '/blogs/7');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'The old man and the sea' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Larry' })).toHaveAttribute('href', '/authors/3');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 3, name: 'A fish' })).toBeInTheDocument();
    expect(screen.getByText('big').tagName).toBe('STRONG');
    // The API's HTML is what shows, not the markdown rendered again here.
    expect(screen.getByText('As the API rendered it.')).toBeInTheDocument();
    expect(screen.getByRole('time')).toHaveAttribute('datetime', '2016-01-11T11:01:05.000Z');
    expect(screen.getByText(/Views: 1,234/)).toBeInTheDocument();
  });

  it('shows "not found" on the page for a 404, without a toast', async () => {
    stubApi(() => ({
      status: 404,
      body: { result: false, code: 'NOT_FOUND', msg: 'No such blog.', requestId: 'r' },
    }));
    renderRoute(routes, '/blogs/999');

    expect(await screen.findByRole('heading', { name: 'Blog not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to all blogs' })).toHaveAttribute(
      'href',
      '/blogs',
    );
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
  });

  it('does not ask the API about an id that cannot exist', async () => {
    const fetchMock = stubApi(() => ({ status: 500, body: {} }));
    renderRoute(routes, '/blogs/abc');
    expect(await screen.findByRole('heading', { name: 'Blog not found' })).toBeInTheDocument();
    // Only the site's settings (its name, for the title), never the blog.
    const asked = fetchMock.mock.calls.map(([input]) => String(input));
    expect(asked.filter((url) => url !== '/api/v1/site')).toEqual([]);
  });

  it('speaks Chinese when asked', async () => {
    setLocale('zh-CN');
    stubApi(() => ({
      status: 404,
      body: { result: false, code: 'NOT_FOUND', msg: '没有这篇博客。', requestId: 'r' },
    }));
    renderRoute(routes, '/blogs/999');
    expect(await screen.findByRole('heading', { name: '找不到这篇博客' })).toBeInTheDocument();
  });
});
