import type { CommentNotice } from '@folio/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { notifications } from '../src/db/schema';
import { EVENT_TICKET_LIMIT } from '../src/plugins/external/rate-limit';
import { expectFailure } from './auth-helpers';
import { buildTestApp, makeAuthor, makeBlog, makeUser, sessionFor, waitFor } from './helpers';
import { openStream } from './sse-client';

let app: App;
/** A second API process on the same database and Redis, as when several run behind nginx. */
let other: App;
let baseUrl: string;
let otherUrl: string;
const HEARTBEAT_MS = 150;

beforeAll(async () => {
  ({ app } = await buildTestApp({ SSE_HEARTBEAT_MS: String(HEARTBEAT_MS) }));
  ({ app: other } = await buildTestApp({ SSE_HEARTBEAT_MS: String(HEARTBEAT_MS) }));
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  otherUrl = await other.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await Promise.all([app.close(), other.close()]);
});

let commentId = 1_000;
/** A reader, a writer whose blog they comment on, and a way to make notices between them. */
async function scene() {
  const reader = await makeUser(app);
  const actor = await makeUser(app, { nickname: `Actor ${commentId}` });
  const author = await makeAuthor(app);
  const blog = await makeBlog(app, author.id, { title: `Read me ${commentId}` });
  const notice = (fields: Partial<CommentNotice> = {}): CommentNotice => ({
    userId: reader.id,
    type: 'comment',
    actorUserId: actor.id,
    blogId: blog.id,
    commentId: ++commentId,
    excerpt: `Comment ${commentId}`,
    ...fields,
  });
  const session = await sessionFor(app, reader.id);
  return { reader, actor, blog, notice, session, headers: session.headers };
}

const get = (url: string, headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const post = (url: string, headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers });

async function ticketFor(headers: Record<string, string>, on: App = app) {
  const res = await on.inject({ method: 'POST', url: '/api/v1/events/ticket', headers });
  expect(res.statusCode).toBe(200);
  return (res.json() as { data: { ticket: string; expiresIn: number } }).data;
}

/** Opens the stream of a session on `url`, waiting until it listens (its `retry:` line is in). */
async function streamFor(headers: Record<string, string>, url = baseUrl, extra = '', on = app) {
  const { ticket } = await ticketFor(headers, on);
  const stream = await openStream(`${url}/api/v1/events?ticket=${ticket}${extra}`);
  expect(stream.status).toBe(200);
  return stream;
}

describe('notifications.notify (the comments service calls it)', () => {
  it('stores each notice, drops one to the comment writer, tells a person once per comment', async () => {
    const { reader, actor, notice } = await scene();
    const reply = notice({ type: 'reply' });
    const ids = await app.notifications.notify([
      reply,
      { ...reply, type: 'mention' },
      notice({ userId: actor.id }),
      notice({ type: 'mention', excerpt: 'x'.repeat(500) }),
    ]);
    expect(ids).toHaveLength(2);
    const rows = await app.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, reader.id));
    expect(rows.map((r) => [r.id, r.type, r.commentId, r.actorId])).toEqual([
      [ids[0], 'reply', reply.commentId, actor.id],
      [ids[1], 'mention', commentId, actor.id],
    ]);
    expect(rows[1]!.excerpt).toHaveLength(200);
    expect(
      await app.db.select().from(notifications).where(eq(notifications.userId, actor.id)),
    ).toEqual([]);
    expect(await app.notifications.notify([])).toEqual([]);
  });
});

describe('GET /me/notifications', () => {
  it('lists only your own, newest first, paginated, with actor, blog and the unread count', async () => {
    const { actor, blog, notice, headers } = await scene();
    const stranger = await scene();
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(...(await app.notifications.notify([notice()])));
    await app.notifications.notify([stranger.notice()]);

    const first = await get('/me/notifications?perPage=2', headers);
    expect(first.statusCode).toBe(200);
    const page = first.json().data;
    expect(page).toMatchObject({ page: 1, perPage: 2, total: 3, pages: 2, unread: 3 });
    expect(page.items.map((n: { id: number }) => n.id)).toEqual([ids[2], ids[1]]);
    expect(page.items[0]).toEqual({
      id: ids[2],
      type: 'comment',
      actor: { id: actor.id, nickname: actor.nickname },
      blog: { id: blog.id, title: blog.title },
      commentId: expect.any(Number),
      excerpt: expect.stringMatching(/^Comment /),
      read: false,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    const second = (await get('/me/notifications?perPage=2&page=2', headers)).json().data;
    expect(second.items.map((n: { id: number }) => n.id)).toEqual([ids[0]]);
  });

  it('refuses without a login and answers a bad page with per-field errors', async () => {
    expectFailure(await get('/me/notifications', {}), 401, 'UNAUTHENTICATED');
    expectFailure(await get('/me/notifications/unread-count', {}), 401, 'UNAUTHENTICATED');
    const { headers } = await scene();
    const body = expectFailure(
      await get('/me/notifications?perPage=0', headers),
      422,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toHaveProperty('perPage');
  });
});

describe('reading and deleting', () => {
  it('keeps the unread count right through read, read-all and delete', async () => {
    const { notice, headers } = await scene();
    const [a, b, c] = await app.notifications.notify([notice(), notice(), notice()]);
    const unread = async () =>
      (await get('/me/notifications/unread-count', headers)).json().data.unread;
    expect(await unread()).toBe(3);

    const read = await post(`/me/notifications/${a}/read`, headers);
    expect(read.statusCode).toBe(200);
    expect(read.json().data).toEqual({ unread: 2 });
    // Reading it again changes nothing.
    expect((await post(`/me/notifications/${a}/read`, headers)).json().data).toEqual({ unread: 2 });
    expect(await unread()).toBe(2);
    const listed = (await get('/me/notifications', headers)).json().data.items;
    expect(listed.map((n: { id: number; read: boolean }) => [n.id, n.read])).toEqual([
      [c, false],
      [b, false],
      [a, true],
    ]);

    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/notifications/${b}`,
      headers,
    });
    expect(removed.json().data).toEqual({ unread: 1 });
    expect((await get('/me/notifications', headers)).json().data).toMatchObject({
      total: 2,
      unread: 1,
    });

    expect((await post('/me/notifications/read-all', headers)).json().data).toEqual({ unread: 0 });
    expect(await unread()).toBe(0);
    await app.notifications.notify([notice()]);
    expect(await unread()).toBe(1);
  });

  it("answers 404 for someone else's notification and leaves it alone", async () => {
    const mine = await scene();
    const theirs = await scene();
    const [id] = await app.notifications.notify([theirs.notice()]);
    expectFailure(await post(`/me/notifications/${id}/read`, mine.headers), 404, 'NOT_FOUND');
    expectFailure(
      await app.inject({
        method: 'DELETE',
        url: `/api/v1/me/notifications/${id}`,
        headers: mine.headers,
      }),
      404,
      'NOT_FOUND',
    );
    expectFailure(await post('/me/notifications/4000000000/read', mine.headers), 404, 'NOT_FOUND');
    expect((await get('/me/notifications/unread-count', theirs.headers)).json().data).toEqual({
      unread: 1,
    });
    expectFailure(await post('/me/notifications/abc/read', mine.headers), 422, 'VALIDATION_FAILED');
  });
});

describe('POST /events/ticket and GET /events', () => {
  it('needs a login for a ticket, and a ticket for the stream', async () => {
    expectFailure(await post('/events/ticket', {}), 401, 'UNAUTHENTICATED');
    expectFailure(await get('/events', {}), 401, 'UNAUTHENTICATED');
    expectFailure(await get('/events?ticket=made-up', {}), 401, 'UNAUTHENTICATED');
  });

  it(`answers 429 past ${EVENT_TICKET_LIMIT.max} tickets a minute for one user, not for another`, async () => {
    const { headers } = await scene();
    const other = await scene();
    for (let i = 0; i < EVENT_TICKET_LIMIT.max; i++) await ticketFor(headers);
    const limited = await post('/events/ticket', headers);
    expectFailure(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await ticketFor(other.headers);
  });

  it('takes a ticket once', async () => {
    const { headers } = await scene();
    const { ticket, expiresIn } = await ticketFor(headers);
    expect(expiresIn).toBe(30);
    const stream = await openStream(`${baseUrl}/api/v1/events?ticket=${ticket}`);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['x-accel-buffering']).toBe('no');
    expect(stream.headers['cache-control']).toBe('no-cache, no-transform');
    // The headers every answer carries come along on the stream too.
    expect(stream.headers['x-request-id']).toMatch(/.{8,}/);
    expect(stream.headers['x-content-type-options']).toBe('nosniff');
    expect(stream.headers['content-encoding']).toBeUndefined();
    const again = await openStream(`${baseUrl}/api/v1/events?ticket=${ticket}`);
    expect(again.status).toBe(401);
    expect(JSON.parse(await again.body())).toMatchObject({
      result: false,
      code: 'UNAUTHENTICATED',
    });
    stream.close();
  });

  it('refuses a ticket past its time', async () => {
    const { app: shortLived } = await buildTestApp({ EVENTS_TICKET_TTL_SECONDS: '1' });
    try {
      const { headers } = await sessionFor(shortLived, (await makeUser(shortLived)).id);
      const res = await shortLived.inject({
        method: 'POST',
        url: '/api/v1/events/ticket',
        headers,
      });
      const { ticket, expiresIn } = res.json().data;
      expect(expiresIn).toBe(1);
      expect(await shortLived.redis.ttl(`sse-ticket:${ticket}`)).toBeGreaterThan(0);
      await waitFor(
        async () => (await shortLived.redis.exists(`sse-ticket:${ticket}`)) === 0,
        'the ticket to expire',
      );
      expectFailure(
        await shortLived.inject({ method: 'GET', url: `/api/v1/events?ticket=${ticket}` }),
        401,
        'UNAUTHENTICATED',
      );
    } finally {
      await shortLived.close();
    }
  });

  it('refuses a ticket whose session has ended', async () => {
    const { headers, session } = await scene();
    const { ticket } = await ticketFor(headers);
    await app.sessions.end(session.sid);
    expectFailure(await get(`/events?ticket=${ticket}`, {}), 401, 'SESSION_EXPIRED');
  });

  it('delivers a notification made in another API process (Redis pub/sub)', async () => {
    const { blog, notice, headers, actor } = await scene();
    const stream = await streamFor(headers);
    await waitFor(() => app.notifications.hub.size > 0, 'the stream to listen');
    const [id] = await other.notifications.notify([notice({ type: 'reply' })]);
    const event = await stream.event(1);
    expect(event.event).toBe('notification');
    expect(event.id).toBe(String(id));
    expect(JSON.parse(event.data)).toEqual({
      id,
      type: 'reply',
      blogId: blog.id,
      commentId,
      actor: { id: actor.id, nickname: actor.nickname },
      blog: { id: blog.id, title: blog.title },
      excerpt: `Comment ${commentId}`,
      createdAt: expect.any(String),
      unread: 1,
    });
    stream.close();
  });

  it("sends nobody else's notifications", async () => {
    const mine = await scene();
    const theirs = await scene();
    const stream = await streamFor(mine.headers, otherUrl, '', other);
    await app.notifications.notify([theirs.notice()]);
    const [id] = await app.notifications.notify([mine.notice()]);
    expect((await stream.event(1)).id).toBe(String(id));
    expect(stream.events).toHaveLength(1);
    stream.close();
  });

  it('replays what a reconnect missed after Last-Event-ID, then goes on live', async () => {
    const { notice, headers } = await scene();
    const [seen, missed1, missed2] = await app.notifications.notify([notice(), notice(), notice()]);

    const stream = await streamFor(headers, baseUrl, '', app);
    stream.close();
    const { ticket } = await ticketFor(headers);
    const resumed = await openStream(`${otherUrl}/api/v1/events?ticket=${ticket}`, {
      'last-event-id': String(seen),
    });
    expect((await resumed.event(1)).id).toBe(String(missed1));
    expect((await resumed.event(2)).id).toBe(String(missed2));
    expect(JSON.parse(resumed.events[1]!.data)).toMatchObject({ id: missed2, unread: 3 });
    const [live] = await app.notifications.notify([notice()]);
    expect((await resumed.event(3)).id).toBe(String(live));
    resumed.close();

    // A new ticket is a new request: the query parameter says where the last stream stopped.
    const byQuery = await streamFor(headers, baseUrl, `&lastEventId=${missed2}`);
    expect((await byQuery.event(1)).id).toBe(String(live));
    byQuery.close();
  });

  it('sends heartbeats while idle', async () => {
    const { headers } = await scene();
    const stream = await streamFor(headers);
    await waitFor(
      () => stream.comments.filter((c) => c === 'heartbeat').length >= 2,
      'two heartbeats',
    );
    expect(stream.events).toEqual([]);
    stream.close();
  });

  it('ends the stream when its session ends (logout)', async () => {
    const { headers } = await scene();
    const stream = await streamFor(headers);
    await waitFor(() => app.notifications.hub.size > 0, 'the stream to listen');
    const before = app.notifications.hub.size;
    const res = await post('/auth/logout', headers);
    expect(res.statusCode).toBe(200);
    await waitFor(() => stream.ended, 'the stream to end');
    await waitFor(() => app.notifications.hub.size === before - 1, 'the hub to forget it');
  });

  it('forgets a stream its client closed, and ends the rest when the app closes', async () => {
    const { app: closing } = await buildTestApp();
    const url = await closing.listen({ host: '127.0.0.1', port: 0 });
    const { headers } = await sessionFor(closing, (await makeUser(closing)).id);
    const ticket = async () =>
      (await closing.inject({ method: 'POST', url: '/api/v1/events/ticket', headers })).json().data
        .ticket;
    const gone = await openStream(`${url}/api/v1/events?ticket=${await ticket()}`);
    const open = await openStream(`${url}/api/v1/events?ticket=${await ticket()}`);
    await waitFor(() => closing.notifications.hub.size === 2, 'two streams');
    gone.close();
    await waitFor(() => closing.notifications.hub.size === 1, 'the closed stream to go');
    await closing.close();
    await waitFor(() => open.ended, 'the stream to end with the app');
  });
});
