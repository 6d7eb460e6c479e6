import { z } from 'zod';

/** Answers of the account endpoints (`/me/...`) beyond the account itself. */

/** What following a change-email link answers: the address now on the account. */
export const EmailChangedSchema = z.object({ email: z.string() }).meta({ id: 'EmailChanged' });
export type EmailChanged = z.infer<typeof EmailChangedSchema>;

/** How many sessions "log out everywhere else" ended. */
export const SessionsRevokedSchema = z
  .object({ revoked: z.number().int() })
  .meta({ id: 'SessionsRevoked' });
export type SessionsRevoked = z.infer<typeof SessionsRevokedSchema>;

/** Avatar uploads: checked by their content, then re-encoded to a square WebP. */
export const AVATAR_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
