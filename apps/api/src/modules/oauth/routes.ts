import {
  Envelope,
  OAuthCallbackQuery,
  OAuthPendingSchema,
  OAuthProviderParams,
  OAuthProviderSchema,
  OAuthStartQuery,
  OAuthStartSchema,
  OAuthTicketParams,
} from '@folio/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failures, ok, optionalAuth } from '../../lib/route-schema';
import { clientMeta, setCookie } from '../sessions/http';
import { browserKey, OAUTH_BROWSER_COOKIE } from './pending';

/** Per IP: each start keeps a state in Redis for 10 minutes, each callback calls the provider. */
export const OAUTH_IP_LIMITS = {
  start: { max: 60, timeWindow: 60_000 },
  callback: { max: 60, timeWindow: 60_000 },
} as const;

const oauthRoutes: FastifyPluginAsyncZod = async (app) => {
  const oauth = app.oauthService;
  const secureCookies = app.config.NODE_ENV === 'production';

  app.get(
    '/auth/oauth/providers',
    {
      schema: {
        tags: ['auth'],
        summary: 'The OAuth 2 / OpenID Connect providers a person can sign in with or bind',
        response: { 200: Envelope(z.array(OAuthProviderSchema)) },
      },
    },
    async () => ok(oauth.providers()),
  );

  app.get(
    '/auth/oauth/pending/:ticket',
    {
      schema: {
        tags: ['auth'],
        summary:
          'The unbound provider account a sign-in left waiting, to offer logging in or registering to bind it',
        description:
          'Only from the browser that signed in at the provider; TOKEN_INVALID for an unknown, used or expired ticket.',
        params: OAuthTicketParams,
        response: { 200: Envelope(OAuthPendingSchema) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return ok(await oauth.pending(request.params.ticket, request.cookies[OAUTH_BROWSER_COOKIE]));
    },
  );

  app.get(
    '/auth/oauth/:provider/start',
    {
      config: { rateLimit: OAUTH_IP_LIMITS.start },
      onRequest: async (request, reply) => {
        const intent = (request.query as { intent?: unknown } | undefined)?.intent;
        if (intent === 'bind') await app.authenticate(request, reply);
      },
      schema: {
        tags: ['auth'],
        summary:
          'Starts signing in with a provider (intent=login) or binding it (intent=bind, logged in)',
        description:
          'Answers the provider URL for the SPA to navigate to; state, PKCE verifier and nonce wait in Redis for 10 minutes. ' +
          'The provider sends the browser to `/api/v1/auth/oauth/{provider}/callback`, which redirects to the SPA: ' +
          '`next` (logged in), `/login?oauth=<ticket>` (an unbound account), `/account/connections?bound=<provider>`, ' +
          'or `/login?oauthError=<code>` / `/account/connections?oauthError=<code>`.',
        params: OAuthProviderParams,
        querystring: OAuthStartQuery,
        security: optionalAuth,
        response: { 200: Envelope(OAuthStartSchema), ...failures(401, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { intent, next } = request.query;
      const url = await oauth.start(request.params.provider, {
        intent,
        next,
        userId: intent === 'bind' ? request.auth!.userId : null,
        browser: browserKey(secureCookies, request, reply),
      });
      return ok({ url });
    },
  );

  app.get(
    '/auth/oauth/:provider/callback',
    {
      config: { rateLimit: OAUTH_IP_LIMITS.callback },
      schema: {
        tags: ['auth'],
        summary: 'Where the provider sends the browser back; always redirects to the SPA',
        description:
          'Checks state (single use, same browser), trades the code with the PKCE verifier, then logs in (refresh cookie set; ' +
          'the SPA calls POST /auth/refresh), binds, or leaves a pending ticket. Problems redirect with `oauthError=<code>`.',
        params: OAuthProviderParams,
        querystring: OAuthCallbackQuery,
        response: { 302: z.null().describe('Redirect to the SPA') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const outcome = await oauth.callback(
        request.params.provider,
        request.query,
        new URL(request.url, app.config.SITE_ORIGIN),
        request.cookies[OAUTH_BROWSER_COOKIE],
        request.log,
      );
      if (outcome.loginUser) {
        const issued = await app.sessions.start(outcome.loginUser, {
          ...clientMeta(request),
          remember: false,
        });
        setCookie(reply, issued.cookie);
      }
      return reply.redirect(outcome.location, 302);
    },
  );
};

export default oauthRoutes;
