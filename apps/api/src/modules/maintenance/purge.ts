import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { users } from '../../db/schema';

/** How long an account may wait for its email to be verified. */
export const PENDING_ACCOUNT_DAYS = 7;
const BATCH = 500;

/** One batch of the purge: the oldest pending accounts made before `cutoff`, not soft-deleted. */
export function purgeBatch(db: Db, cutoff: Date) {
  return db
    .delete(users)
    .where(and(eq(users.status, 'pending'), lt(users.createdAt, cutoff), isNull(users.deletedAt)))
    .orderBy(asc(users.createdAt))
    .limit(BATCH);
}

/**
 * Deletes accounts still pending after 7 days, with their identities (the foreign key cascades),
 * so an unverified sign-up does not hold its email forever. Small batches over
 * users_status_created_idx keep each statement's locks short.
 */
export async function purgeStalePendingAccounts(
  db: Db,
  { now = new Date(), olderThanDays = PENDING_ACCOUNT_DAYS } = {},
): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000);
  let purged = 0;
  for (;;) {
    const [result] = await purgeBatch(db, cutoff);
    purged += result.affectedRows;
    if (result.affectedRows < BATCH) return purged;
  }
}
