import type { MyBlog, Upload } from '@folio/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFields, draftOf, EMPTY_DRAFT, hasChanges, saveBody } from './blog-draft';
import { altTextOf, imageMarkdown, inlineImageUrl, uploadPlaceholder } from './inline-images';

const upload = (id: number, widths: number[]): Upload => ({
  id,
  width: widths.at(-1)!,
  height: 100,
  bytes: 1000,
  url: `/uploads/images/${id}-${widths.at(-1)}.webp`,
  variants: widths.map((width) => ({ width, url: `/uploads/images/${id}-${width}.webp` })),
  createdAt: '2026-01-01T00:00:00.000Z',
});

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

const blog = (status: MyBlog['status']): MyBlog => ({
  id: 3,
  title: 'Hello',
  excerpt: 'Short',
  content: '# Hi',
  contentHtml: '<h2>Hi</h2>',
  commentsOpen: true,
  tags: [{ name: 'Go', slug: 'go' }],
  readingMinutes: 1,
  pubDate: '2026-04-01T08:00:00.000Z',
  viewCount: 0,
  commentCount: 0,
  featured: false,
  author: { id: 1, name: 'Lily' },
  cover: null,
  createdAt: '2026-04-01T08:00:00.000Z',
  updatedAt: '2026-04-01T08:00:00.000Z',
  status,
  deletedAt: null,
});

describe('the draft', () => {
  it('shows a published blog’s time in local time and leaves a draft’s empty', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(draftOf(blog('published')).pubAt).toBe('2026-04-01T16:00');
    expect(draftOf(blog('draft')).pubAt).toBe('');
    expect(draftOf(blog('draft')).tags).toEqual(['Go']);
  });

  it('sends only what changed', () => {
    const saved = { ...EMPTY_DRAFT, title: 'A', tags: ['x'] };
    expect(changedFields(saved, { ...saved })).toEqual({});
    expect(changedFields(saved, { ...saved, content: 'body', tags: ['x', 'y'] })).toEqual({
      content: 'body',
      tags: ['x', 'y'],
    });
    expect(changedFields(saved, { ...saved, cover: upload(9, [400]) })).toEqual({ coverId: 9 });
    expect(changedFields({ ...saved, cover: upload(9, [400]) }, saved)).toEqual({ coverId: null });
  });

  it('counts a new time as a change', () => {
    expect(hasChanges(EMPTY_DRAFT, { ...EMPTY_DRAFT, pubAt: '2030-01-01T10:00' })).toBe(true);
    expect(hasChanges(EMPTY_DRAFT, { ...EMPTY_DRAFT })).toBe(false);
  });

  it('publishes at the chosen time or now, keeps a draft without one', () => {
    process.env.TZ = 'UTC';
    const saved = { ...EMPTY_DRAFT, title: 'A' };
    const later = { ...saved, pubAt: '2030-01-01T10:00' };
    expect(saveBody(saved, later, 'publish')).toEqual({
      status: 'published',
      pubDate: '2030-01-01T10:00:00.000Z',
    });
    expect(saveBody(saved, saved, 'publish')).toEqual({ status: 'published' });
    expect(saveBody(saved, later, 'draft')).toEqual({ status: 'draft' });
    expect(saveBody(later, later, 'update')).toEqual({});
    expect(saveBody(saved, later, 'update')).toEqual({ pubDate: '2030-01-01T10:00:00.000Z' });
  });

  it('sends every field to overwrite', () => {
    const current = { ...EMPTY_DRAFT, title: 'Mine', content: 'text' };
    expect(saveBody(current, current, 'update', true)).toEqual({
      title: 'Mine',
      content: 'text',
      excerpt: '',
      tags: [],
      coverId: null,
    });
  });
});

describe('inline pictures', () => {
  it('use the 800 px size, or the widest below it', () => {
    expect(inlineImageUrl(upload(1, [400, 800, 1600]))).toBe('/uploads/images/1-800.webp');
    expect(inlineImageUrl(upload(2, [400, 640]))).toBe('/uploads/images/2-640.webp');
    expect(inlineImageUrl(upload(3, [300]))).toBe('/uploads/images/3-300.webp');
  });

  it('take the file name as the text, without what markdown would read', () => {
    expect(altTextOf('my_holiday-photo.JPEG')).toBe('my holiday photo');
    expect(imageMarkdown('a[1].png', '/u.webp')).toBe('![a 1](/u.webp)');
    expect(uploadPlaceholder('k1', 'cat.png', 'Uploading')).toBe('![Uploading cat…](uploading:k1)');
  });
});
