import type { OutboxChannel } from '@folio/schema';
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { outboxMessages } from '../../db/schema';

export interface OutboxFilter {
  channel?: OutboxChannel;
  recipient?: string;
}

export type OutboxRow = typeof outboxMessages.$inferSelect;

/**
 * Reads of the outbox, newest first: by recipient through `outbox_recipient_idx`, by channel
 * through `outbox_channel_idx`, unfiltered through the primary key.
 */
export function createOutboxRepository(db: Db) {
  const where = ({ channel, recipient }: OutboxFilter) =>
    and(
      recipient !== undefined ? eq(outboxMessages.recipient, recipient) : undefined,
      channel !== undefined ? eq(outboxMessages.channel, channel) : undefined,
    );
  return {
    page(filter: OutboxFilter, limit: number, offset: number) {
      return db
        .select()
        .from(outboxMessages)
        .where(where(filter))
        .orderBy(desc(outboxMessages.id))
        .limit(limit)
        .offset(offset);
    },

    async count(filter: OutboxFilter): Promise<number> {
      const [row] = await db.select({ n: count() }).from(outboxMessages).where(where(filter));
      return row?.n ?? 0;
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
