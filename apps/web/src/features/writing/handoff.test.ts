import type { MyBlog } from '@folio/schema';
import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT } from './blog-draft';
import { clearHandoff, HANDOFF_FRESH_MS, handOff, peekHandoff } from './handoff';

const blog = { id: 7 } as MyBlog;
const handoff = {
  blog,
  etag: 'W/"7-1"',
  saved: EMPTY_DRAFT,
  current: { ...EMPTY_DRAFT, title: 'Typed while saving' },
  savedAt: new Date(),
};

describe('the new page’s handoff to the edit page', () => {
  it('is taken by the blog it names, right after it is left', () => {
    handOff(handoff, 1000);
    expect(peekHandoff(8, 1100)).toBeNull();
    expect(peekHandoff(7, 1100)?.current.title).toBe('Typed while saving');
    clearHandoff(7);
    expect(peekHandoff(7, 1200)).toBeNull();
  });

  it('is dropped when the switch did not happen at once, so a later visit loads the blog', () => {
    handOff(handoff, 1000);
    expect(peekHandoff(7, 1000 + HANDOFF_FRESH_MS + 1)).toBeNull();
    // Gone for good, not only too old for that one look.
    expect(peekHandoff(7, 1000)).toBeNull();
  });
});
