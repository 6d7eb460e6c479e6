import { describe, expect, it } from 'vitest';
import { compareVersions, isSame, lineDiff, tagChanges } from './revision-diff';

const numbered = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);

describe('lineDiff', () => {
  it('is null when nothing differs, line endings and a last newline included', () => {
    expect(lineDiff('a\nb\n', 'a\nb\n')).toBeNull();
    expect(lineDiff('a\r\nb', 'a\nb\n')).toBeNull();
    expect(lineDiff('', '')).toBeNull();
  });

  it('marks removed and added lines in their order, with the unchanged ones around', () => {
    expect(lineDiff('one\ntwo\nthree', 'one\n2\nthree\nfour')).toEqual([
      { kind: 'same', text: 'one' },
      { kind: 'removed', text: 'two' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: 'three' },
      { kind: 'added', text: 'four' },
    ]);
  });

  it('keeps empty lines as lines', () => {
    expect(lineDiff('a\n\nb', 'a\n\n\nb')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'same', text: '' },
      { kind: 'added', text: '' },
      { kind: 'same', text: 'b' },
    ]);
  });

  it('leaves out long unchanged runs, keeping three lines of context around each change', () => {
    const before = numbered(1, 20);
    const after = [...before];
    after[9] = 'changed 10';
    const rows = lineDiff(before.join('\n'), after.join('\n'))!;
    expect(rows).toEqual([
      { kind: 'skip', count: 6 },
      { kind: 'same', text: 'line 7' },
      { kind: 'same', text: 'line 8' },
      { kind: 'same', text: 'line 9' },
      { kind: 'removed', text: 'line 10' },
      { kind: 'added', text: 'changed 10' },
      { kind: 'same', text: 'line 11' },
      { kind: 'same', text: 'line 12' },
      { kind: 'same', text: 'line 13' },
      { kind: 'skip', count: 7 },
    ]);
  });

  it('shows a single unchanged line between two contexts instead of "1 unchanged line"', () => {
    const before = numbered(1, 9);
    const after = [...before];
    after[0] = 'first';
    after[8] = 'last';
    const rows = lineDiff(before.join('\n'), after.join('\n'))!;
    expect(rows.some((row) => row.kind === 'skip')).toBe(false);
    expect(rows.filter((row) => row.kind === 'same')).toHaveLength(7);
  });

  it('is one added run for a text written from nothing', () => {
    expect(lineDiff('', 'a\nb')).toEqual([
      { kind: 'added', text: 'a' },
      { kind: 'added', text: 'b' },
    ]);
  });
});

describe('tagChanges', () => {
  it('names the tags only one side has, matching them as the API does (case aside)', () => {
    expect(tagChanges(['Sea', 'old', 'fishing'], ['sea', 'Fishing', 'Cuba'])).toEqual({
      removed: ['old'],
      added: ['Cuba'],
    });
  });

  it('is null for the same tags in another order', () => {
    expect(tagChanges(['a', 'b'], ['b', 'A'])).toBeNull();
  });
});

describe('compareVersions', () => {
  const revision = { title: 'Old', excerpt: 'An old one', content: 'x\ny', tags: ['t'] };

  it('compares each field, null where it is the same', () => {
    const comparison = compareVersions(revision, { ...revision, title: 'New', tags: ['t', 'u'] });
    expect(comparison.title).toEqual({ before: 'Old', after: 'New' });
    expect(comparison.excerpt).toBeNull();
    expect(comparison.tags).toEqual({ removed: [], added: ['u'] });
    expect(comparison.content).toBeNull();
    expect(isSame(comparison)).toBe(false);
  });

  it('is the same when only surrounding spaces of the title or excerpt differ', () => {
    expect(isSame(compareVersions(revision, { ...revision, title: ' Old ' }))).toBe(true);
  });
});
