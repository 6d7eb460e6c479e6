import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

type Policy = Record<string, string[]>;

/**
 * The built SPA loads only its own bundled scripts and styles (Bootstrap included; index.html has
 * no inline script); images may be data: (the captcha) or blob: URLs (avatar previews).
 * The same policies as nginx's, so a site behind nginx gets the same answer either way.
 */
export const SPA_CSP: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI (its own script files, no inline script) sets styles inline and draws data: icons. */
export const DOCS_CSP: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** JSON needs nothing loaded, and nothing may frame it. */
export const API_CSP: Policy = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const cspHeader = (policy: Policy) =>
  Object.entries(policy)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

/** The headers API answers carry: the ones nginx sends on every response, and HSTS. */
const API_HEADERS = new Set([
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'strict-transport-security',
]);

/**
 * The headers a script or a style sheet of the build (`/assets/*.js`, `*.css`) carries: the rest
 * (CSP, framing, permissions, ...) govern documents, which these are not, and over HTTP/1.1 every
 * response's headers cross the wire uncompressed. Referrer-Policy applies to what a style sheet
 * loads; nosniff makes a browser refuse one sent with a wrong type.
 */
const ASSET_HEADERS = new Set([
  'x-content-type-options',
  'cross-origin-resource-policy',
  'referrer-policy',
  'strict-transport-security',
]);
const SCRIPT_OR_STYLE = /^\/assets\/[^?#]+\.(?:js|css)(?:[?#]|$)/;

const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/** The headers helmet sets with these options, worked out once rather than on every request. */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

function headersFor(directives: Policy, https: boolean): Record<string, string> {
  return {
    ...helmetHeaders({
      contentSecurityPolicy: { useDefaults: false, directives },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    }),
    'permissions-policy': PERMISSIONS_POLICY,
  };
}

/**
 * The headers of an API answer. A JSON answer is never a page: it gets only what applies to any
 * response (nginx's set), so the hot path writes a few short headers rather than every page
 * header helmet knows.
 */
export function apiHeaders(https: boolean): [string, string][] {
  return Object.entries(headersFor(API_CSP, https)).filter(([name]) => API_HEADERS.has(name));
}

/**
 * Security headers from the API itself, for when it serves the SPA without nginx in front:
 * CSP per kind of response, nosniff, no framing, a referrer that keeps paths (and their tokens)
 * to this site. HSTS only when the site is https: over http a browser ignores it anyway. helmet
 * decides the headers once at start-up (its middleware would rebuild the CSP on every request);
 * each request only gets its set.
 */
export default fp(
  async (app) => {
    const https = app.config.SITE_ORIGIN.startsWith('https:');
    const spa = Object.entries(headersFor(SPA_CSP, https));
    const docs = Object.entries(headersFor(DOCS_CSP, https));
    const api = apiHeaders(https);
    const asset = spa.filter(([name]) => ASSET_HEADERS.has(name));
    app.addHook('onRequest', (request, reply, done) => {
      const url = request.url;
      const set = url.startsWith('/api/docs')
        ? docs
        : url.startsWith('/api/')
          ? api
          : SCRIPT_OR_STYLE.test(url)
            ? asset
            : spa;
      // Straight on the response: Node sends them with the head, beside Fastify's own headers.
      for (const [name, value] of set) reply.raw.setHeader(name, value);
      done();
    });
  },
  { name: 'helmet', dependencies: ['config'] },
);
