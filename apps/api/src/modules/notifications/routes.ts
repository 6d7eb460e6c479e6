import { PassThrough } from 'node:stream';
import {
  Envelope,
  EventsQuery,
  EventTicketSchema,
  IdParam,
  NotificationListQuery,
  NotificationPageSchema,
  UnreadCountSchema,
} from '@folio/schema';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { failures, ok } from '../../lib/route-schema';
import { EVENT_TICKET_LIMIT } from '../../plugins/external/rate-limit';
import type { AuthContext } from '../sessions/service';
import { formatEvent, type LiveStream } from './live';

const tags = ['notifications'];
/** Set by `app.authenticate`, which every route here but the stream itself runs first. */
const authOf = (request: FastifyRequest): AuthContext => request.auth!;

/** `Last-Event-ID` as EventSource sends it on a reconnect; anything but a plain id is ignored. */
function lastEventIdHeader(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^[1-9][0-9]{0,9}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** How long a browser waits before reconnecting a stream that dropped. */
const RETRY_MS = 3_000;

const EventStreamSchema = z.string().meta({
  description:
    'A `text/event-stream`: `event: notification` with `id:` the notification id and `data:` a ' +
    'LiveNotification as JSON; `: heartbeat` comments in between.',
});

const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.notifications;
  const onRequest = app.authenticate;

  app.get(
    '/me/notifications',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: NotificationListQuery,
        response: { 200: Envelope(NotificationPageSchema) },
      },
    },
    async (request) => ok(await service.list(authOf(request).userId, request.query)),
  );

  app.get(
    '/me/notifications/unread-count',
    {
      onRequest,
      schema: {
        tags,
        summary: 'How many of your notifications are unread',
        response: { 200: Envelope(UnreadCountSchema) },
      },
    },
    async (request) => ok({ unread: await service.unread(authOf(request).userId) }),
  );

  app.post(
    '/me/notifications/read-all',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: { 200: Envelope(UnreadCountSchema) },
      },
    },
    async (request) => ok({ unread: await service.markAllRead(authOf(request).userId) }),
  );

  app.post(
    '/me/notifications/:id/read',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Mark one of your notifications read; answers the unread count',
        params: IdParam,
        response: { 200: Envelope(UnreadCountSchema), ...failures(404) },
      },
    },
    async (request) =>
      ok({ unread: await service.markRead(authOf(request).userId, request.params.id) }),
  );

  app.delete(
    '/me/notifications/:id',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Delete one of your notifications; answers the unread count',
        params: IdParam,
        response: { 200: Envelope(UnreadCountSchema), ...failures(404) },
      },
    },
    async (request) =>
      ok({ unread: await service.remove(authOf(request).userId, request.params.id) }),
  );

  app.post(
    '/events/ticket',
    {
      onRequest,
      config: { rateLimit: EVENT_TICKET_LIMIT },
      schema: {
        tags,
        summary: 'A ticket that opens one event stream',
        description:
          'Single use, valid for `expiresIn` seconds: `GET /events?ticket=` takes it instead of ' +
          'the access token, which an EventSource cannot send and a URL must not carry; 60 a ' +
          'minute per user.',
        response: { 200: Envelope(EventTicketSchema) },
      },
    },
    async (request) => ok(await service.ticket(authOf(request))),
  );

  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'Your notifications as they happen (Server-Sent Events)',
        description:
          'Opened with a ticket from `POST /events/ticket`. A reconnect names the last event ' +
          'it saw (`Last-Event-ID`, or `lastEventId` when it comes with a new ticket) and first ' +
          'gets what it missed (at most 100). Heartbeat comments keep proxies from closing an ' +
          'idle stream; the stream ends when its session does.',
        querystring: EventsQuery,
        produces: ['text/event-stream'],
        response: { 200: EventStreamSchema, ...failures(401) },
      },
    },
    async (request, reply) => {
      const auth = await service.redeem(request.query.ticket);
      if (!(await app.sessions.alive([auth.sid])).has(auth.sid)) {
        throw new AppError('SESSION_EXPIRED', { location: '/login' });
      }
      const lastId =
        request.query.lastEventId ?? lastEventIdHeader(request.headers['last-event-id']);

      const out = new PassThrough({ highWaterMark: 1024 });
      // Live events that come while the missed ones are read wait here, then skip repeats.
      let queued: { chunk: string; id?: number }[] | null = [];
      let replayedTo = 0;
      const stream: LiveStream = {
        userId: auth.userId,
        sid: auth.sid,
        get backlog() {
          return out.readableLength + reply.raw.writableLength;
        },
        write(chunk, id) {
          if (queued) queued.push({ chunk, id });
          else out.write(chunk);
        },
        end: () => out.end(),
      };
      await service.hub.add(stream);
      try {
        out.write(`retry: ${RETRY_MS}\n\n`);
        for (const missed of lastId ? await service.replay(auth.userId, lastId) : []) {
          out.write(formatEvent(missed));
          replayedTo = missed.id;
        }
      } catch (err) {
        service.hub.remove(stream);
        throw err;
      }
      for (const { chunk, id } of queued) if (id === undefined || id > replayedTo) out.write(chunk);
      queued = null;
      reply.raw.on('close', () => {
        service.hub.remove(stream);
        out.end();
      });

      return (
        reply
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('cache-control', 'no-cache, no-transform')
          .header('x-accel-buffering', 'no')
          // The schema documents the stream's text; Fastify sends a stream as it comes.
          .send(out as unknown as string)
      );
    },
  );
};

export default notificationRoutes;
