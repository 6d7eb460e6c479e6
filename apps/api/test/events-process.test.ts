import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CommentNotice } from '@folio/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env';
import { buildTestApp, makeAuthor, makeBlog, makeUser, sessionFor, waitFor } from './helpers';
import { freePort } from './own-mariadb';
import { openStream } from './sse-client';

// src/events.ts as a process of its own, beside an API that gives out the tickets and makes the
// notifications: what a deployment with FOLIO_EVENTS_UPSTREAM runs.

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const HEARTBEAT_MS = 150;

let app: App;
let events: ChildProcess;
let eventsUrl: string;
let output = '';

beforeAll(async () => {
  ({ app } = await buildTestApp({ SSE_HEARTBEAT_MS: String(HEARTBEAT_MS) }));
  const port = await freePort();
  events = spawn(process.execPath, ['--import', 'tsx', 'src/events.ts'], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      JWT_SECRET: app.config.JWT_SECRET,
      SSE_HEARTBEAT_MS: String(HEARTBEAT_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  events.stdout!.on('data', (d) => (output += d));
  events.stderr!.on('data', (d) => (output += d));
  eventsUrl = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => (await fetch(`${eventsUrl}/api/v1/health/live`).catch(() => null))?.ok,
    'the events process to listen',
    20_000,
  );
}, 30_000);

afterAll(async () => {
  if (events.exitCode === null) events.kill('SIGKILL');
  await app.close();
});

let commentId = 50_000;

async function reader() {
  const user = await makeUser(app);
  const actor = await makeUser(app, { nickname: `Events actor ${commentId}` });
  const blog = await makeBlog(app, (await makeAuthor(app)).id);
  const notice = (): CommentNotice => ({
    userId: user.id,
    type: 'reply',
    actorUserId: actor.id,
    blogId: blog.id,
    commentId: ++commentId,
    excerpt: `Reply ${commentId}`,
  });
  const session = await sessionFor(app, user.id);
  const ticket = async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/events/ticket',
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as { data: { ticket: string } }).data.ticket;
  };
  return { user, notice, session, ticket };
}

async function envelope(path: string, init: RequestInit = {}) {
  const res = await fetch(`${eventsUrl}${path}`, init);
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe('the events process (src/events.ts)', () => {
  it('answers what it does not serve, and bad requests, with the API envelope', async () => {
    const missing = await envelope('/api/v1/blogs');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ result: false, code: 'NOT_FOUND' });
    expect(missing.body.requestId).toBe(missing.headers.get('x-request-id'));
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');

    expect((await envelope('/api/v1/events', { method: 'POST' })).body.code).toBe(
      'METHOD_NOT_ALLOWED',
    );
    const noTicket = await envelope('/api/v1/events', { headers: { 'accept-language': 'zh-CN' } });
    expect(noTicket.status).toBe(401);
    expect(noTicket.body).toMatchObject({ code: 'UNAUTHENTICATED', location: '/login' });
    expect(noTicket.body.msg).toMatch(/[\u4e00-\u9fff]/);
    expect((await envelope('/api/v1/events?ticket=made-up')).status).toBe(401);

    const badId = await envelope('/api/v1/events?ticket=x&lastEventId=-3');
    expect(badId.status).toBe(422);
    expect(badId.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(Object.keys(badId.body.errors)).toEqual(['lastEventId']);
  });

  it("streams a person's notifications made by the API, replays what a reconnect missed, and ends with the session", async () => {
    const { notice, session, ticket } = await reader();
    const stream = await openStream(`${eventsUrl}/api/v1/events?ticket=${await ticket()}`);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['x-accel-buffering']).toBe('no');
    expect(stream.headers['x-content-type-options']).toBe('nosniff');
    // The stream listens once its first heartbeat is in.
    await waitFor(() => stream.comments.includes('heartbeat'), 'a heartbeat');
    const [live] = await app.notifications.notify([notice()]);
    const event = await stream.event(1);
    expect(event).toMatchObject({ event: 'notification', id: String(live) });
    expect(JSON.parse(event.data)).toMatchObject({ id: live, type: 'reply', unread: 1 });
    stream.close();

    const [missed] = await app.notifications.notify([notice()]);
    const resumed = await openStream(`${eventsUrl}/api/v1/events?ticket=${await ticket()}`, {
      'last-event-id': String(live),
    });
    expect((await resumed.event(1)).id).toBe(String(missed));
    expect(JSON.parse(resumed.events[0]!.data)).toMatchObject({ id: missed, unread: 2 });

    await app.sessions.end(session.sid);
    await waitFor(() => resumed.ended, 'the stream to end with its session');
    // The ticket was taken once; the log shows the request without it.
    expect(output).toContain('"url":"/api/v1/events?ticket=[redacted]"');
    expect(output).not.toMatch(/ticket=(?!\[redacted\])/);
  });

  it('ends its streams and exits on SIGTERM', async () => {
    const { ticket } = await reader();
    const stream = await openStream(`${eventsUrl}/api/v1/events?ticket=${await ticket()}`);
    expect(stream.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => events.once('exit', resolve));
    events.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stream.ended || (await waitFor(() => stream.ended, 'the stream to end'))).toBe(true);
  });
});
