import { z } from 'zod';
import { ERROR_CODES } from './errors';
import { UploadQuotaSchema } from './upload';

/** The success envelope around `data`. */
export function Envelope<T extends z.ZodType>(data: T) {
  return z.object({
    result: z.literal(true),
    data,
    msg: z.string().optional(),
    location: z.string().optional(),
  });
}

export const FailureSchema = z
  .object({
    result: z.literal(false),
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    msg: z.string(),
    errors: z.record(z.string(), z.string()).optional(),
    location: z.string().optional(),
    /** The next attempt must carry a solved captcha (a failed login says so before it is refused). */
    captchaRequired: z.literal(true).optional(),
    /** With a 413 of `POST /uploads` past the upload quota: how much is used, of how much. */
    quota: UploadQuotaSchema.optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Failure' });
export type Failure = z.infer<typeof FailureSchema>;
