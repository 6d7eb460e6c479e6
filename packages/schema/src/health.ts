import { z } from 'zod';

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), ms: z.number() })).optional(),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;
