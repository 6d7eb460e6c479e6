import type { BlogSummary } from '@folio/schema';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../lib/i18n';
import { renderRoute } from '../../../test/render-route';
import { BlogHeadline } from './blog-headline';

const variants = [400, 800, 1600].map((width) => ({ width, url: `/uploads/c-${width}.webp` }));
const blog: BlogSummary = {
  id: 7,
  title: 'The old man and the sea',
  pubDate: '2016-01-11T11:01:05.000Z',
  viewCount: 12,
  commentCount: 0,
  featured: false,
  author: { id: 1, name: 'Mark' },
  excerpt: 'Santiago goes out alone.',
  tags: [
    { name: 'Sea', slug: 'sea' },
    { name: '小说', slug: '小说' },
  ],
  readingMinutes: 1250,
  cover: {
    id: 3,
    width: 1600,
    height: 900,
    bytes: 1000,
    url: '/uploads/c-1600.webp',
    variants,
    createdAt: '2016-01-11T11:01:05.000Z',
  },
};

function renderHeadline(props: Parameters<typeof BlogHeadline>[0]) {
  renderRoute([{ path: '/', element: <BlogHeadline {...props} /> }], '/');
}

describe('a blog in a list', () => {
  beforeEach(() => setLocale('en'));

  it('shows its title, excerpt, reading time and tags as links to their pages', () => {
    renderHeadline({ blog });
    expect(screen.getByRole('link', { name: 'The old man and the sea' })).toHaveAttribute(
      'href',
      '/blogs/7',
    );
    expect(screen.getByText('Santiago goes out alone.')).toBeInTheDocument();
    expect(screen.getByText('1,250 min read')).toBeInTheDocument();
    const tags = screen.getByRole('group', { name: 'Tags' });
    expect(
      within(tags)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['Sea', '/tags/sea'],
      ['小说', `/tags/${encodeURIComponent('小说')}`],
    ]);
  });

  it('shows its cover as a lazily loaded thumbnail in every stored size, its room kept', () => {
    renderHeadline({ blog });
    const img = document.querySelector('img')!;
    expect(img).toHaveAttribute(
      'srcset',
      '/uploads/c-400.webp 400w, /uploads/c-800.webp 800w, /uploads/c-1600.webp 1600w',
    );
    expect(img).toHaveAttribute('sizes', '(min-width: 768px) 8rem, 6rem');
    expect(img).toHaveAttribute('src', '/uploads/c-400.webp');
    expect(img).toHaveAttribute('width', '1600');
    expect(img).toHaveAttribute('height', '900');
    expect(img).toHaveAttribute('loading', 'lazy');
    // Decorative beside the title; its link is the pointer's, out of the tab order.
    expect(img).toHaveAttribute('alt', '');
    expect(img.closest('a')).toHaveAttribute('tabindex', '-1');
    expect(img.closest('a')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getAllByRole('link', { name: 'The old man and the sea' })).toHaveLength(1);
  });

  it('loads the first cover of a list at once', () => {
    renderHeadline({ blog, eager: true });
    expect(document.querySelector('img')).toHaveAttribute('loading', 'eager');
  });

  it('without a cover, excerpt or tags shows neither picture nor empty parts', () => {
    renderHeadline({ blog: { ...blog, cover: null, excerpt: '', tags: [] } });
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('p')).toBeNull();
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(screen.getByText('1,250 min read')).toBeInTheDocument();
  });

  it('says the reading time and names the tags in Chinese', () => {
    setLocale('zh-CN');
    renderHeadline({ blog: { ...blog, readingMinutes: 5 } });
    expect(screen.getByText('5 分钟阅读')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '标签' })).toBeInTheDocument();
  });
});
