import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../lib/i18n';
import { RelativeTime } from './relative-time';

const NOW = new Date('2024-05-01T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

/** user-event waits on setTimeout between steps, so only the clock the component reads is faked. */
function tapper() {
  vi.useRealTimers();
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(NOW);
  return userEvent.setup();
}

describe('<RelativeTime>', () => {
  beforeEach(() => {
    // test/setup.ts goes back to real timers once the test's components are unmounted.
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    setLocale('en');
  });

  it('says how long ago, in English', () => {
    render(<RelativeTime dateTime={minutesAgo(3)} />);
    expect(screen.getByText('3 minutes ago')).toBeInTheDocument();
  });

  it('says how long ago, in Chinese', () => {
    setLocale('zh-CN');
    render(<RelativeTime dateTime={minutesAgo(3)} />);
    expect(screen.getByText('3分钟前')).toBeInTheDocument();
  });

  it.each([
    [0, 'en', 'just now'],
    [0, 'zh-CN', '刚刚'],
    [0.5, 'en', '30 seconds ago'],
    [90, 'en', '1 hour ago'],
    [60 * 24, 'en', 'yesterday'],
    [60 * 24 * 3, 'zh-CN', '3天前'],
    [60 * 24 * 400, 'en', 'last year'],
  ] as const)('%d minutes ago reads as %s "%s"', (minutes, locale, text) => {
    setLocale(locale);
    render(<RelativeTime dateTime={minutesAgo(minutes)} />);
    expect(screen.getByRole('time')).toHaveTextContent(text);
  });

  it('keeps the text current as time passes', () => {
    render(<RelativeTime dateTime={minutesAgo(3)} />);
    expect(screen.getByRole('time')).toHaveTextContent('3 minutes ago');

    act(() => vi.advanceTimersByTime(2 * 60_000));
    expect(screen.getByRole('time')).toHaveTextContent('5 minutes ago');

    act(() => vi.advanceTimersByTime(60 * 60_000));
    expect(screen.getByRole('time')).toHaveTextContent('1 hour ago');
  });

  it('follows a change of language', () => {
    render(<RelativeTime dateTime={minutesAgo(3)} />);
    act(() => setLocale('zh-CN'));
    expect(screen.getByRole('time')).toHaveTextContent('3分钟前');
  });

  it('carries the machine-readable time, and the exact one as its hover title', () => {
    const iso = minutesAgo(3);
    render(<RelativeTime dateTime={iso} />);
    expect(screen.getByRole('time')).toHaveAttribute('datetime', iso);
    expect(screen.getByRole('button', { name: '3 minutes ago' })).toHaveAccessibleDescription(
      /May 1, 2024/,
    );
  });

  it('shows the exact time on a tap, and the relative one on the next', async () => {
    const user = tapper();
    render(<RelativeTime dateTime={minutesAgo(3)} />);
    const button = screen.getByRole('button', { name: '3 minutes ago' });

    await user.click(button);
    expect(screen.getByRole('time')).toHaveTextContent(/^May 1, 2024 at 11:57:00\sAM UTC$/);
    expect(button).toHaveAccessibleDescription('3 minutes ago');

    await user.click(button);
    expect(screen.getByRole('time')).toHaveTextContent('3 minutes ago');
  });

  it('shows the exact time from the keyboard too, in Chinese', async () => {
    setLocale('zh-CN');
    const user = tapper();
    render(<RelativeTime dateTime={minutesAgo(3)} />);

    await user.tab();
    expect(screen.getByRole('button', { name: '3分钟前' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('time')).toHaveTextContent(/^2024年5月1日 UTC 11:57:00$/);
    await user.keyboard(' ');
    expect(screen.getByRole('time')).toHaveTextContent('3分钟前');
  });

  it('shows an unreadable date as it came', () => {
    render(<RelativeTime dateTime="not a date" />);
    expect(screen.getByText('not a date')).toBeInTheDocument();
  });
});
