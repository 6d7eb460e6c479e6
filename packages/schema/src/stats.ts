import { z } from 'zod';

export const STATS_RANGES = [7, 30, 90] as const;

/** An IANA time zone ("Asia/Shanghai"); days are counted in it. */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'timeZoneInvalid');

export const StatsQuery = z.object({
  days: z.coerce
    .number<unknown>()
    .int()
    .refine((n) => (STATS_RANGES as readonly number[]).includes(n), 'statsRange')
    .default(30),
  tz: TimeZoneSchema.default('UTC'),
});
export type StatsParams = z.output<typeof StatsQuery>;

export const SummaryQuery = z.object({ tz: TimeZoneSchema.default('UTC') });

export const StatsSummarySchema = z
  .object({
    users: z.number().int(),
    newUsersToday: z.number().int(),
    blogs: z.number().int(),
    comments: z.number().int(),
    loginsToday: z.number().int(),
  })
  .meta({ id: 'StatsSummary' });
export type StatsSummary = z.infer<typeof StatsSummarySchema>;

export const DailyStatsSchema = z
  .object({
    tz: z.string(),
    days: z.array(
      z.object({
        /** The day in `tz`, 2026-12-01. */
        date: z.iso.date(),
        registrations: z.number().int(),
        blogs: z.number().int(),
        comments: z.number().int(),
        logins: z.number().int(),
      }),
    ),
    topAuthors: z.array(
      z.object({ id: z.number().int(), name: z.string(), blogs: z.number().int() }),
    ),
  })
  .meta({ id: 'DailyStats' });
export type DailyStats = z.infer<typeof DailyStatsSchema>;
