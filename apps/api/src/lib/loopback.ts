import type { FastifyRequest } from 'fastify';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * Whether the request comes from this machine itself (an operator's curl, a local probe), by the
 * socket's address, whatever TRUST_PROXY says. A request a local proxy forwards is someone else's.
 */
export function fromLoopback(request: FastifyRequest): boolean {
  const headers = request.headers;
  if (headers['x-forwarded-for'] || headers.forwarded || headers['x-real-ip']) return false;
  return LOOPBACK.test(request.raw.socket.remoteAddress ?? '');
}

/** Whether a URL's hostname names this machine: localhost (and *.localhost), 127.0.0.0/8, [::1]. */
export function isLoopbackHostname(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}

const LOOPBACK_ALIASES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins that are the same site as `siteOrigin`. A plain-http loopback site is the same
 * whichever loopback name the browser was given (localhost, 127.0.0.1, [::1]) on the same port;
 * any other site, https ones included, is only itself.
 */
export function sameSiteOrigins(siteOrigin: string): ReadonlySet<string> {
  const url = new URL(siteOrigin);
  const origins = new Set([siteOrigin, url.origin]);
  if (url.protocol === 'http:' && isLoopbackHostname(url.hostname)) {
    for (const host of LOOPBACK_ALIASES) {
      origins.add(new URL(`http://${host}${url.port ? `:${url.port}` : ''}`).origin);
    }
  }
  return origins;
}
