import {
  DailyStatsSchema,
  Envelope,
  StatsQuery,
  StatsSummarySchema,
  SummaryQuery,
} from '@folio/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, ok } from '../../lib/route-schema';

/** The admin dashboard's cards and charts. */
const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admin'];
  const guard = app.requires('stats.read');

  app.get(
    '/admin/stats/summary',
    {
      ...guard,
      schema: {
        tags,
        summary: 'Totals: users, new users today, published blogs, comments, logins today',
        description: '"Today" is the day in `tz` (an IANA zone, UTC by default).',
        querystring: SummaryQuery,
        response: { 200: Envelope(StatsSummarySchema), ...failures(403) },
      },
    },
    async (request) => ok(await app.statsService.summary(request.query.tz)),
  );

  app.get(
    '/admin/stats/daily',
    {
      ...guard,
      schema: {
        tags,
        summary: 'Registrations, published blogs, comments and logins per day; the top authors',
        description:
          'The last `days` (7, 30 or 90) days up to today, as days in `tz` (an IANA zone, UTC by ' +
          'default); the top authors by blogs published in them.',
        querystring: StatsQuery,
        response: { 200: Envelope(DailyStatsSchema), ...failures(403) },
      },
    },
    async (request) => ok(await app.statsService.daily(request.query)),
  );
};

export default statsRoutes;
