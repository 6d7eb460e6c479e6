import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { AppError } from '../../lib/errors';
import { formatEvent, type LiveStream } from './live';
import type { NotificationService } from './service';

/** How long a browser waits before reconnecting a stream that dropped. */
export const RETRY_MS = 3_000;

/** What an event stream is sent as: unbuffered by proxies (nginx's X-Accel-Buffering), never cached. */
export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
} as const;

export interface EventStreamDeps {
  notifications: Pick<NotificationService, 'redeem' | 'replay' | 'hub'>;
  aliveSessions: (sids: string[]) => Promise<Set<string>>;
}

/** `Last-Event-ID` as EventSource sends it on a reconnect; anything but a plain id is ignored. */
export function lastEventIdHeader(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^[1-9][0-9]{0,9}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/**
 * Everything an event stream needs before its first byte, for GET /events in the API and in the
 * events process (src/events.ts): the ticket redeemed, the session still alive, the person's
 * stream listening, what it missed since `lastId` read. Fails (an AppError, or the database's
 * error) before anything is written. The function it resolves to writes the head with `headers`
 * and then the stream, straight to the response: an idle stream holds its connection and nothing
 * else (no stream objects between the hub and the socket).
 */
export async function prepareEventStream(
  { notifications, aliveSessions }: EventStreamDeps,
  ticket: string | undefined,
  lastId: number | undefined,
): Promise<(res: ServerResponse, headers: OutgoingHttpHeaders) => void> {
  const { hub } = notifications;
  const auth = await notifications.redeem(ticket);
  if (!(await aliveSessions([auth.sid])).has(auth.sid)) {
    throw new AppError('SESSION_EXPIRED', { location: '/login' });
  }
  let res: ServerResponse | null = null;
  let ended = false;
  // Live events that come while the missed ones are read wait here, then skip repeats.
  let queued: { chunk: string; id?: number }[] | null = [];
  const stream: LiveStream = {
    userId: auth.userId,
    sid: auth.sid,
    get backlog() {
      return res?.writableLength ?? 0;
    },
    write(chunk, id) {
      if (queued) queued.push({ chunk, id });
      else res!.write(chunk);
    },
    end: () => {
      ended = true;
      res?.end();
    },
  };
  await hub.add(stream);
  let missed: Awaited<ReturnType<typeof notifications.replay>>;
  try {
    missed = lastId ? await notifications.replay(auth.userId, lastId) : [];
  } catch (err) {
    hub.remove(stream);
    throw err;
  }
  return (response, headers) => {
    res = response;
    response.on('close', () => hub.remove(stream));
    // The client may have gone while the missed events were read: 'close' has fired already.
    if (response.destroyed) hub.remove(stream);
    response.writeHead(200, { ...headers, ...EVENT_STREAM_HEADERS });
    let replayedTo = 0;
    response.write(`retry: ${RETRY_MS}\n\n`);
    for (const message of missed) {
      response.write(formatEvent(message));
      replayedTo = message.id;
    }
    for (const { chunk, id } of queued!) {
      if (id === undefined || id > replayedTo) response.write(chunk);
    }
    queued = null;
    // The hub ended it (its session ended) before it started.
    if (ended) response.end();
  };
}
