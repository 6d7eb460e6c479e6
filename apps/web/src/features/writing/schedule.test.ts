import { afterEach, describe, expect, it } from 'vitest';
import { fromLocalInput, isFutureInput, toLocalInput } from './schedule';

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe('schedule times', () => {
  it('reads the input in the local time zone and sends UTC', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(fromLocalInput('2026-03-01T09:30')).toBe('2026-03-01T01:30:00.000Z');
    process.env.TZ = 'America/New_York';
    expect(fromLocalInput('2026-03-01T09:30')).toBe('2026-03-01T14:30:00.000Z');
  });

  it('shows a UTC time in the local time zone, to the minute', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(toLocalInput('2026-12-31T20:05:59.123Z')).toBe('2027-01-01T04:05');
  });

  it('goes there and back again', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(fromLocalInput(toLocalInput('2026-07-04T12:00:00.000Z'))).toBe(
      '2026-07-04T12:00:00.000Z',
    );
  });

  it('refuses what is not a time', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2026-02-30T10:00')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(toLocalInput('nonsense')).toBe('');
  });

  it('tells a time ahead (a schedule) from now or the past (publish)', () => {
    process.env.TZ = 'UTC';
    const now = new Date('2026-05-01T10:00:00.000Z');
    expect(isFutureInput('2026-05-01T10:01', now)).toBe(true);
    expect(isFutureInput('2026-05-01T10:00', now)).toBe(false);
    expect(isFutureInput('2020-01-01T00:00', now)).toBe(false);
    expect(isFutureInput('', now)).toBe(false);
  });
});
