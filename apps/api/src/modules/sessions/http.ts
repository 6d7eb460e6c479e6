import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ClientMeta, CookieSpec } from './service';

/** What the session service records of the client that logs in or refreshes. */
export const clientMeta = (request: FastifyRequest): ClientMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

export function setCookie(reply: FastifyReply, cookie: CookieSpec): void {
  if (cookie.value) reply.setCookie(cookie.name, cookie.value, cookie.options);
  else reply.clearCookie(cookie.name, cookie.options);
}
