import { index, int, mysqlEnum, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';
import { createdAt } from './columns';

/** Mail and SMS that were "sent" outside production: developers, demos and tests read them here. */
export const outboxMessages = mysqlTable(
  'outbox_messages',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    channel: mysqlEnum('channel', ['email', 'sms']).notNull(),
    recipient: varchar('recipient', { length: 254 }).notNull(),
    subject: varchar('subject', { length: 255 }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  // Staff's outbox page lists newest first, by recipient or by channel.
  (t) => [
    index('outbox_recipient_idx').on(t.recipient, t.id),
    index('outbox_channel_idx').on(t.channel, t.id),
  ],
);
