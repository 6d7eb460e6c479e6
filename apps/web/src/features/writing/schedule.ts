/**
 * The publication time as a `datetime-local` input holds it (the person's own clock, to the
 * minute) and as the API takes it (ISO 8601 in UTC).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as the input shows it, in the person's time zone: `2026-03-01T09:30`. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/**
 * The input's value as an ISO time in UTC, or null when it is empty or not a time. A value
 * without an offset is read in the local time zone (as the input means it).
 */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const date = new Date(y!, mo! - 1, d!, h!, mi!, s!);
  // Rolled over (Feb 30), or a time the clock skips at a daylight-saving change.
  if (date.getMonth() !== mo! - 1 || date.getDate() !== d!) return null;
  return date.toISOString();
}

/** Whether the input names a time after `now`: publishing then schedules the blog. */
export function isFutureInput(value: string, now: Date = new Date()): boolean {
  const iso = fromLocalInput(value);
  return iso !== null && Date.parse(iso) > now.getTime();
}
