import { LIMITS } from '@folio/schema';

export type TagProblem = 'tagLength' | 'tagCount';

/**
 * Adds what was typed (one or more tags, split at commas) to the list: trimmed, a repeat
 * (whatever its case) counted once. Stops at the first tag the API would refuse and says why;
 * `rest` is what was not added, for the input to keep.
 */
export function addTags(
  tags: readonly string[],
  typed: string,
): { tags: string[]; rest: string; problem?: TagProblem } {
  const next = [...tags];
  const parts = typed.split(/[,，]/);
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!.trim().replace(/\s+/g, ' ');
    if (!name) continue;
    const rest = parts.slice(i).join(',').trim();
    if ([...name].length > LIMITS.tagName) return { tags: next, rest, problem: 'tagLength' };
    if (next.some((tag) => tag.toLowerCase() === name.toLowerCase())) continue;
    if (next.length >= LIMITS.blogTags) return { tags: next, rest, problem: 'tagCount' };
    next.push(name);
  }
  return { tags: next, rest: '' };
}

/** Suggestions for what is being typed: known tags containing it, not chosen already. */
export function suggestTags(
  known: readonly string[],
  chosen: readonly string[],
  typed: string,
  max = 8,
): string[] {
  const query = typed.trim().toLowerCase();
  const taken = new Set(chosen.map((tag) => tag.toLowerCase()));
  const matches = known.filter(
    (name) => !taken.has(name.toLowerCase()) && name.toLowerCase().includes(query),
  );
  // Those that start with the text first, then the rest in the given (most used) order.
  const starts = matches.filter((name) => name.toLowerCase().startsWith(query));
  const inside = matches.filter((name) => !name.toLowerCase().startsWith(query));
  return [...starts, ...inside].slice(0, max);
}
