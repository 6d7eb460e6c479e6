import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { blogWritten, editedBlogKey } from './blog-writes';
import { CONTENT_KEYS } from './content-keys';
import { myBlogsKey } from './my-blogs-key';

function seeded() {
  const client = new QueryClient();
  const keys = {
    home: [...CONTENT_KEYS.blogs, 'list', { page: 1 }],
    page: [...CONTENT_KEYS.blogs, 'detail', 3],
    tag: [...CONTENT_KEYS.tags, 'detail', 'sea'],
    author: [...CONTENT_KEYS.authors, 'detail', 1],
    mine: [...myBlogsKey(), 'list', { status: 'draft' }],
    edited: [...editedBlogKey(3)],
    other: ['oauth', 'providers'],
  };
  for (const key of Object.values(keys)) client.setQueryData(key, { seeded: true });
  const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
  return { client, keys, stale };
}

describe('what a write to a blog makes stale', () => {
  it('is every public read, the writer’s own lists, and the editor’s copy when written elsewhere', () => {
    const { client, keys, stale } = seeded();
    blogWritten(client, 3);
    for (const key of [keys.home, keys.page, keys.tag, keys.author, keys.mine]) {
      expect(stale(key)).toBe(true);
    }
    expect(client.getQueryData(keys.edited)).toBeUndefined();
    expect(stale(keys.other)).toBe(false);
  });

  it('keeps the editor’s copy when the editor saved, and public reads when a draft stayed one', () => {
    const { client, keys, stale } = seeded();
    blogWritten(client, 3, { fromEditor: true, public: false });
    expect(client.getQueryData(keys.edited)).toEqual({ seeded: true });
    expect(stale(keys.mine)).toBe(true);
    for (const key of [keys.home, keys.page, keys.tag, keys.author]) expect(stale(key)).toBe(false);
  });
});
