import { PERMISSIONS } from '@folio/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { auditLog, comments, users } from '../src/db/schema';
import { dayIn, lastDays, startOfDay } from '../src/modules/stats/days';
import { buildTestApp, grant, makeAuthor, makeBlog, makeUser, sessionFor } from './helpers';

let app: App;
let headers: Record<string, string>;
beforeAll(async () => {
  ({ app } = await buildTestApp());
  const user = await makeUser(app);
  await grant(app, user.id, ...PERMISSIONS);
  headers = (await sessionFor(app, user.id)).headers;
});
afterAll(() => app.close());

describe('days in a time zone', () => {
  it('begin at local midnight, also across a change of offset', () => {
    // New York moved its clocks forward at 02:00 on 2019-03-10.
    expect(new Date(startOfDay('2019-03-10', 'America/New_York')).toISOString()).toBe(
      '2019-03-10T05:00:00.000Z',
    );
    expect(new Date(startOfDay('2019-03-11', 'America/New_York')).toISOString()).toBe(
      '2019-03-11T04:00:00.000Z',
    );
    expect(new Date(startOfDay('2026-12-03', 'Asia/Shanghai')).toISOString()).toBe(
      '2026-12-02T16:00:00.000Z',
    );
    expect(dayIn(Date.parse('2026-12-02T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-03');
    const week = lastDays(7, 'UTC', Date.parse('2026-12-03T10:00:00Z'));
    expect(week.days).toEqual([
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
    expect(new Date(week.end).toISOString()).toBe('2026-12-04T00:00:00.000Z');
  });
});

describe('the dashboard numbers', () => {
  it('count registrations, blogs, comments and logins per day in the viewer’s zone', async () => {
    // Instants around New York's change of offset, in 2019, where no other test writes.
    const at = (iso: string) => new Date(iso);
    const stamps = [
      '2019-03-10T04:30:00Z', // 23:30 on the 9th (EST)
      '2019-03-10T05:30:00Z', // 00:30 on the 10th (EST)
      '2019-03-11T03:30:00Z', // 23:30 on the 10th (EDT)
      '2019-03-11T04:30:00Z', // 00:30 on the 11th (EDT)
    ];
    for (const [i, stamp] of stamps.entries()) {
      await app.db
        .insert(users)
        .values({ nickname: `Stats ${i}`, status: 'active', createdAt: at(stamp) });
    }
    const author = await makeAuthor(app, { name: 'Stats author' });
    const other = await makeAuthor(app, { name: 'Stats other' });
    const blog = await makeBlog(app, author.id, { pubDate: at(stamps[1]!) });
    await makeBlog(app, author.id, { pubDate: at(stamps[2]!) });
    await makeBlog(app, other.id, { pubDate: at(stamps[3]!) });
    await makeBlog(app, other.id, { pubDate: at(stamps[3]!), status: 'draft' });
    const writer = await makeUser(app);
    await app.db
      .insert(comments)
      .values({ blogId: blog.id, userId: writer.id, body: 'x', createdAt: at(stamps[0]!) });
    await app.db.insert(auditLog).values([
      { action: 'login', at: at(stamps[2]!) },
      { action: 'login', at: at(stamps[3]!) },
      { action: 'login.failed', at: at(stamps[3]!) },
    ]);

    const stats = await app.statsService.daily(
      { days: 7, tz: 'America/New_York' },
      Date.parse('2019-03-12T15:00:00Z'),
    );
    const byDay = Object.fromEntries(stats.days.map(({ date, ...n }) => [date, n]));
    expect(stats.days.map((d) => d.date)).toEqual([
      '2019-03-06',
      '2019-03-07',
      '2019-03-08',
      '2019-03-09',
      '2019-03-10',
      '2019-03-11',
      '2019-03-12',
    ]);
    expect(byDay['2019-03-09']).toEqual({ registrations: 1, blogs: 0, comments: 1, logins: 0 });
    expect(byDay['2019-03-10']).toEqual({ registrations: 2, blogs: 2, comments: 0, logins: 1 });
    expect(byDay['2019-03-11']).toEqual({ registrations: 1, blogs: 1, comments: 0, logins: 1 });
    expect(byDay['2019-03-06']).toEqual({ registrations: 0, blogs: 0, comments: 0, logins: 0 });
    expect(stats.topAuthors).toEqual([
      { id: author.id, name: 'Stats author', blogs: 2 },
      { id: other.id, name: 'Stats other', blogs: 1 },
    ]);

    // The same instants in UTC fall on other days.
    const utc = await app.statsService.daily(
      { days: 7, tz: 'UTC' },
      Date.parse('2019-03-12T15:00:00Z'),
    );
    expect(utc.days.find((d) => d.date === '2019-03-10')!.registrations).toBe(2);
    expect(utc.days.find((d) => d.date === '2019-03-11')!.registrations).toBe(2);
  });

  it('are served to stats.read with cards for today, and refuse a bad zone or range', async () => {
    const before = (
      await app.inject({ method: 'GET', url: '/api/v1/admin/stats/summary', headers })
    ).json().data;
    await makeUser(app);
    const after = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/stats/summary?tz=Asia/Shanghai',
      headers,
    });
    expect(after.json().data).toMatchObject({
      users: before.users + 1,
      newUsersToday: expect.any(Number),
    });
    expect(after.json().data.newUsersToday).toBeGreaterThanOrEqual(1);
    const [counted] = await app.db.execute(
      sql`SELECT COUNT(*) AS n FROM users WHERE deleted_at IS NULL`,
    );
    expect(after.json().data.users).toBe(Number((counted as unknown as { n: number }[])[0]!.n));

    const daily = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/stats/daily?days=30',
      headers,
    });
    expect(daily.json().data.days).toHaveLength(30);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/stats/daily?days=12&tz=Mars/Olympus',
      headers,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual({
      days: 'Choose 7, 30 or 90 days.',
      tz: 'Not a time zone (use a name like Asia/Shanghai).',
    });
  });
});
