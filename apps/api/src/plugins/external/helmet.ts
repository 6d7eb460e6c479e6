import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

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

const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/**
 * Security headers from the API itself, for when it serves the SPA without nginx in front:
 * CSP per kind of response, nosniff, no framing, a referrer that keeps paths (and their tokens)
 * to this site. HSTS only when the site is https: over http a browser ignores it anyway.
 */
export default fp(
  async (app) => {
    const https = app.config.SITE_ORIGIN.startsWith('https:');
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: SPA_CSP },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    });
    const apiCsp = cspHeader(API_CSP);
    app.addHook('onSend', async (request, reply) => {
      reply.header('permissions-policy', PERMISSIONS_POLICY);
      // Swagger UI sets its own policy (DOCS_CSP) in its routes' onSend, which runs after this.
      if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
        reply.header('content-security-policy', apiCsp);
      }
    });
  },
  { name: 'helmet', dependencies: ['config'] },
);
