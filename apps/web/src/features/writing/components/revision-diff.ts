import { diffLines } from 'diff';

/** A line of a text comparison, or a run of unchanged lines left out. */
export type DiffRow =
  { kind: 'same' | 'added' | 'removed'; text: string } | { kind: 'skip'; count: number };

/** What a revision has that the current text does not (`before`), and the other way round. */
export interface ValueChange {
  before: string;
  after: string;
}

export interface TagChanges {
  removed: string[];
  added: string[];
}

export interface Comparison {
  title: ValueChange | null;
  excerpt: ValueChange | null;
  tags: TagChanges | null;
  content: DiffRow[] | null;
}

export interface Version {
  title: string;
  excerpt: string;
  content: string;
  tags: string[];
}

/** Unchanged lines shown around each change. */
export const CONTEXT_LINES = 3;

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  // The text ends with a newline (see lineDiff): the empty string after it is not a line.
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The lines that differ between `before` and `after`, with `context` unchanged lines around
 * each change and longer unchanged runs left out. Line endings (CRLF or LF) and a missing final
 * newline are not changes. Null when nothing differs.
 */
export function lineDiff(before: string, after: string, context = CONTEXT_LINES): DiffRow[] | null {
  const normal = (text: string) => {
    const lf = text.replace(/\r\n?/g, '\n');
    return lf === '' || lf.endsWith('\n') ? lf : `${lf}\n`;
  };
  const rows: { kind: 'same' | 'added' | 'removed'; text: string }[] = [];
  for (const change of diffLines(normal(before), normal(after))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const text of linesOf(change.value)) rows.push({ kind, text });
  }
  if (rows.every((row) => row.kind === 'same')) return null;

  const shown = rows.map(() => false);
  rows.forEach((row, index) => {
    if (row.kind === 'same') return;
    const from = Math.max(0, index - context);
    const to = Math.min(rows.length - 1, index + context);
    for (let i = from; i <= to; i++) shown[i] = true;
  });

  const result: DiffRow[] = [];
  let index = 0;
  while (index < rows.length) {
    if (shown[index]) {
      result.push(rows[index]!);
      index++;
      continue;
    }
    let end = index;
    while (end < rows.length && !shown[end]) end++;
    // "1 unchanged line" takes the room of the line itself: show it.
    if (end - index === 1) result.push(rows[index]!);
    else result.push({ kind: 'skip', count: end - index });
    index = end;
  }
  return result;
}

/** Tags only one side has, in their order; the API matches tags case-insensitively, so does this. */
export function tagChanges(before: string[], after: string[]): TagChanges | null {
  const key = (tag: string) => tag.trim().toLocaleLowerCase();
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const removed = before.filter((tag) => !afterKeys.has(key(tag)));
  const added = after.filter((tag) => !beforeKeys.has(key(tag)));
  return removed.length || added.length ? { removed, added } : null;
}

function valueChange(before: string, after: string): ValueChange | null {
  return before.trim() === after.trim() ? null : { before, after };
}

/** A revision (`before`) against the current text (`after`), field by field. */
export function compareVersions(revision: Version, current: Version): Comparison {
  return {
    title: valueChange(revision.title, current.title),
    excerpt: valueChange(revision.excerpt, current.excerpt),
    tags: tagChanges(revision.tags, current.tags),
    content: lineDiff(revision.content, current.content),
  };
}

export function isSame(comparison: Comparison): boolean {
  return Object.values(comparison).every((change) => change === null);
}
