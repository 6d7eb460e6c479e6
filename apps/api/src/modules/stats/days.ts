/** How far a zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayIn(instant: number, timeZone: string): string {
  return new Date(instant + offsetAt(instant, timeZone)).toISOString().slice(0, 10);
}

/** The instant a day begins in a zone (its local midnight, or the first moment after a gap). */
export function startOfDay(day: string, timeZone: string): number {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  let instant = midnight - offsetAt(midnight, timeZone);
  // Once more with the offset at that instant: it differs when a change of offset lies between.
  instant = midnight - offsetAt(instant, timeZone);
  return instant;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The last `count` days up to today in the zone, each with the instant it begins, and the end. */
export function lastDays(count: number, timeZone: string, now = Date.now()) {
  const today = dayIn(now, timeZone);
  const days = Array.from({ length: count }, (_, i) => addDays(today, i - count + 1));
  return {
    days,
    starts: days.map((day) => startOfDay(day, timeZone)),
    end: startOfDay(addDays(today, 1), timeZone),
  };
}
