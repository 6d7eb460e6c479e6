import { describe, expect, it } from 'vitest';
import { parseSearch } from '../../lib/list-search';
import {
  listParams,
  MyBlogsSearch,
  purgeTime,
  shownTime,
  tabSearch,
  titleLink,
} from './my-blog-list';

const search = (text: string) => parseSearch(MyBlogsSearch, new URLSearchParams(text));

const blog = {
  id: 5,
  title: 'T',
  excerpt: '',
  tags: [],
  readingMinutes: 1,
  viewCount: 0,
  commentCount: 0,
  featured: false,
  author: { id: 1, name: 'Lily' },
  cover: null,
  pubDate: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-02-01T10:00:00.000Z',
  deletedAt: null,
};

describe("the page's address", () => {
  it('opens the drafts without a status, and each tab with its own', () => {
    expect(search('').status).toBe('draft');
    for (const status of ['draft', 'scheduled', 'published', 'trashed'] as const) {
      expect(search(`status=${status}`).status).toBe(status);
    }
  });

  it('falls back to the drafts, page 1 and the usual size for what the API would refuse', () => {
    expect(search('status=deleted&page=abc&perPage=1000')).toEqual({
      status: 'draft',
      page: 1,
      perPage: 20,
    });
    expect(search('status=published&page=3&perPage=5')).toEqual({
      status: 'published',
      page: 3,
      perPage: 5,
    });
  });

  it('lists scheduled blogs soonest first and the others newest first', () => {
    expect(listParams(search('status=scheduled'))).toEqual({
      status: 'scheduled',
      page: 1,
      perPage: 20,
      sort: 'pubDate',
    });
    for (const status of ['draft', 'published', 'trashed']) {
      expect(listParams(search(`status=${status}`)).sort).toBe('-pubDate');
    }
  });

  it("a tab's link keeps the list's size, starts at page 1 and leaves the first tab implicit", () => {
    expect(tabSearch('', 'trashed')).toBe('?status=trashed');
    expect(tabSearch('?status=published&page=4&perPage=50', 'scheduled')).toBe(
      '?status=scheduled&perPage=50',
    );
    expect(tabSearch('?status=published&page=4', 'draft')).toBe('');
    expect(tabSearch('?perPage=5&status=trashed', 'draft')).toBe('?perPage=5');
  });
});

describe('a row', () => {
  it('leads a published blog to its page, others to the editor, a trashed one nowhere', () => {
    expect(titleLink({ id: 5, status: 'published' })).toBe('/blogs/5');
    expect(titleLink({ id: 5, status: 'draft' })).toBe('/blogs/5/edit');
    expect(titleLink({ id: 5, status: 'scheduled' })).toBe('/blogs/5/edit');
    expect(titleLink({ id: 5, status: 'trashed' })).toBeUndefined();
  });

  it('shows the last save of a draft, the publication of the others and the deletion in the trash', () => {
    expect(shownTime({ ...blog, status: 'draft' })).toBe(blog.updatedAt);
    expect(shownTime({ ...blog, status: 'scheduled' })).toBe(blog.pubDate);
    expect(shownTime({ ...blog, status: 'published' })).toBe(blog.pubDate);
    expect(shownTime({ ...blog, status: 'trashed', deletedAt: '2026-04-01T00:00:00.000Z' })).toBe(
      '2026-04-01T00:00:00.000Z',
    );
  });

  it('is purged 30 days after it went to the trash', () => {
    expect(new Date(purgeTime('2026-01-31T12:00:00.000Z')).toISOString()).toBe(
      '2026-03-02T12:00:00.000Z',
    );
  });
});
