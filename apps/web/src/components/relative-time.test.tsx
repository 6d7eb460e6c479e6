import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../lib/i18n';
import { RelativeTime } from './relative-time';

const NOW = new Date('2024-05-01T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

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

  it('carries the machine-readable and the exact time', () => {
    const iso = minutesAgo(3);
    render(<RelativeTime dateTime={iso} />);
    const time = screen.getByRole('time');
    expect(time).toHaveAttribute('datetime', iso);
    expect(time.getAttribute('title')).toMatch(/May 1, 2024/);
  });

  it('shows the exact time in Chinese too', () => {
    setLocale('zh-CN');
    render(<RelativeTime dateTime={minutesAgo(3)} />);
    expect(screen.getByRole('time').getAttribute('title')).toMatch(/2024年5月1日/);
  });

  it('shows an unreadable date as it came', () => {
    render(<RelativeTime dateTime="not a date" />);
    expect(screen.getByText('not a date')).toBeInTheDocument();
  });
});
