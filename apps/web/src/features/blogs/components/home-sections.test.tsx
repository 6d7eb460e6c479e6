import type { BlogSummary, HotBlog } from '@folio/schema';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { HomePage } from '../../../app/routes/home-page';
import { setLocale } from '../../../lib/i18n';
import { fakeApi, ok } from '../../../test/fake-api';
import { renderRoute } from '../../../test/render-route';

const routes = [{ path: '/', element: <HomePage /> }];

const cover = (id: number) => ({
  id,
  url: `/uploads/images/${id}-1600.webp`,
  width: 1600,
  height: 1000,
  bytes: 120_000,
  variants: [400, 800, 1600].map((width) => ({
    width,
    url: `/uploads/images/${id}-${width}.webp`,
  })),
  createdAt: '2026-01-01T00:00:00.000Z',
});

const blog = (id: number, fields: Partial<BlogSummary> = {}): BlogSummary => ({
  id,
  title: `Blog ${id}`,
  excerpt: `About ${id}`,
  tags: [],
  readingMinutes: 2,
  pubDate: '2026-01-01T00:00:00.000Z',
  viewCount: 0,
  commentCount: 0,
  author: { id: 1, name: 'Lily' },
  cover: null,
  featured: false,
  ...fields,
});

function api({ featured = [] as BlogSummary[], hot = [] as HotBlog[] } = {}) {
  return fakeApi({
    'GET /blogs': ok({ items: [blog(1)], page: 1, perPage: 10, total: 1, pages: 1 }),
    'GET /blogs/featured': ok(featured),
    'GET /blogs/hot': ok(hot),
    'GET /tags': ok({
      items: [{ name: 'Sea', slug: 'sea', blogCount: 3 }],
      page: 1,
      perPage: 20,
      total: 1,
      pages: 1,
    }),
  });
}

describe('the home page’s later sections', () => {
  beforeEach(() => setLocale('en'));

  it('shows the featured blogs’ covers in a carousel, the first fetched first', async () => {
    api({
      featured: [
        blog(5, { title: 'The sea', cover: cover(50), featured: true }),
        blog(6, { title: 'The hills', cover: cover(60), featured: true }),
      ],
    });
    renderRoute(routes, '/');
    const carousel = await screen.findByRole('region', { name: 'Featured blogs' });
    const slides = within(carousel).getAllByRole('group');
    expect(slides.map((s) => s.getAttribute('aria-label'))).toEqual(['1 of 2', '2 of 2']);
    expect(within(slides[0]!).getByRole('heading', { name: 'The sea' })).toBeInTheDocument();
    expect(within(slides[0]!).getByRole('link')).toHaveAttribute('href', '/blogs/5');
    expect(slides[0]).toHaveClass('active');
    const [first, second] = carousel.querySelectorAll('img');
    expect(first).toHaveAttribute('fetchpriority', 'high');
    expect(first).toHaveAttribute('loading', 'eager');
    expect(first).toHaveAttribute(
      'srcset',
      '/uploads/images/50-400.webp 400w, /uploads/images/50-800.webp 800w, /uploads/images/50-1600.webp 1600w',
    );
    expect(first?.getAttribute('sizes')).toContain('1296px');
    expect(second).toHaveAttribute('loading', 'lazy');

    // Bootstrap's Carousel, once loaded, turns to the next slide.
    await userEvent.click(screen.getByRole('button', { name: 'Next slide' }));
    // A turn asked for before its module has loaded waits for it; on a busy machine that is a while.
    await waitFor(() => expect(slides[1]).toHaveClass('active'), { timeout: 10_000 });
    expect(screen.getByRole('button', { name: 'Show slide 2: The hills' })).toHaveAttribute(
      'aria-current',
      'true',
    );
  }, 20_000);

  it('shows no carousel without featured blogs, and the hot list and popular tags beside', async () => {
    api({
      hot: [{ ...blog(8, { title: 'Most read' }), recentViews: 1234 }],
    });
    renderRoute(routes, '/');
    const hot = await screen.findByTestId('hot-blogs');
    expect(await within(hot).findByRole('link', { name: 'Most read' })).toHaveAttribute(
      'href',
      '/blogs/8',
    );
    expect(within(hot).getByText('1,234 views this week')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /Sea/ })).toHaveAttribute('href', '/tags/sea');
    expect(screen.queryByTestId('featured-carousel')).not.toBeInTheDocument();
  });

  it('says so when nothing was read this week, in Chinese too', async () => {
    setLocale('zh-CN');
    api();
    renderRoute(routes, '/');
    expect(await screen.findByText('本周还没有人阅读。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '本周热门' })).toBeInTheDocument();
  });
});
