import { useEffect, useState } from 'react';
import type { Locale } from '@folio/schema';
import { translate, useI18n } from '../lib/i18n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

export function formatRelative(time: number, now: number, locale: Locale): string {
  const seconds = (time - now) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  // Intl's "now" / "现在" reads badly after a verb ("Logged in now"): "just now" / "刚刚" does not.
  if (Math.abs(seconds) < 10) return translate(locale, 'time.justNow');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return format.format(Math.trunc(seconds), 'second');
}

export function formatExact(time: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'long' }).format(time);
}

/** Fresh enough for the unit shown, without waking up every second for old dates. */
function refreshDelay(distanceMs: number): number {
  if (distanceMs < 60_000) return 1_000;
  if (distanceMs < 3_600_000) return 15_000;
  return 60_000;
}

interface RelativeTimeProps {
  /** An ISO 8601 date-time, as the API sends it. */
  dateTime: string;
  className?: string;
}

/**
 * "3 minutes ago", kept current while shown. The exact time is a hover title for mice and, since
 * touch screens have no hover, a tap (or Enter/Space from the keyboard) switches between the two.
 */
export function RelativeTime({ dateTime, className }: RelativeTimeProps) {
  const { locale } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const [showExact, setShowExact] = useState(false);
  const time = Date.parse(dateTime);

  const delay = Number.isNaN(time) ? undefined : refreshDelay(Math.abs(time - now));

  useEffect(() => {
    if (delay === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), delay);
    return () => clearInterval(timer);
  }, [delay]);

  if (Number.isNaN(time)) return <span className={className}>{dateTime}</span>;

  const exact = formatExact(time, locale);
  const relative = formatRelative(time, now, locale);
  // The title (a hover tip, and the button's description for screen readers) is the other form.
  return (
    <button
      type="button"
      className={className ? `relative-time ${className}` : 'relative-time'}
      title={showExact ? relative : exact}
      onClick={() => setShowExact((shown) => !shown)}
    >
      <time dateTime={dateTime} aria-live="polite">
        {showExact ? exact : relative}
      </time>
    </button>
  );
}
