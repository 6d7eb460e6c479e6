import type { OutgoingHttpHeaders } from 'node:http';
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
import { failures, ok } from '../../lib/route-schema';
import { EVENT_TICKET_LIMIT } from '../../plugins/external/rate-limit';
import type { AuthContext } from '../sessions/service';
import { lastEventIdHeader, prepareEventStream } from './stream';

const tags = ['notifications'];
/** Set by `app.authenticate`, which every route here but the stream itself runs first. */
const authOf = (request: FastifyRequest): AuthContext => request.auth!;

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
      const start = await prepareEventStream(
        { notifications: service, aliveSessions: (sids) => app.sessions.alive(sids) },
        request.query.ticket,
        request.query.lastEventId ?? lastEventIdHeader(request.headers['last-event-id']),
      );
      // Past Fastify's reply from here: the stream is written straight to the socket.
      reply.hijack();
      start(reply.raw, reply.getHeaders() as OutgoingHttpHeaders);
      return reply;
    },
  );
};

export default notificationRoutes;
