/** A LIKE pattern that finds `text` anywhere, with `%`, `_` and `\` matching themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function pageCount(total: number, perPage: number): number {
  return Math.ceil(total / perPage);
}
