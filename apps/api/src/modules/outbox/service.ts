import type { OutboxEntry, OutboxListParams, OutboxPage } from '@folio/schema';
import type { Config } from '../../config';
import { looksLikePhone, normalizePhone } from '../../lib/phones';
import { pageCount } from '../../lib/sql';
import type { OutboxRepository, OutboxRow } from './repository';

/**
 * Whether this deployment keeps mail or SMS in the outbox: outside production always; in
 * production only when a transport is the outbox (the local demo), never with real ones.
 */
export function outboxAvailable(
  config: Pick<Config, 'NODE_ENV' | 'MAIL_TRANSPORT' | 'SMS_TRANSPORT'>,
): boolean {
  return (
    config.NODE_ENV !== 'production' ||
    config.MAIL_TRANSPORT === 'outbox' ||
    config.SMS_TRANSPORT === 'outbox'
  );
}

const LINK = /https?:\/\/[^\s<>"]+/;
const CODE = /(?<!\d)\d{6}(?!\d)/;

/** A message with what its reader comes for: a mail's first link, an SMS's 6-digit code. */
export function outboxEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    link: row.channel === 'email' ? (LINK.exec(row.body)?.[0] ?? null) : null,
    code: row.channel === 'sms' ? (CODE.exec(row.body)?.[0] ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A recipient as the transports store it: an E.164 phone, or an address in lower case. */
function storedRecipient(recipient: string): string {
  if (looksLikePhone(recipient)) return normalizePhone(recipient) ?? recipient;
  return recipient.toLowerCase();
}

/** The mail and SMS the outbox transports kept, for staff to read outside production. */
export function createOutboxService(repo: OutboxRepository) {
  return {
    async list({ page, perPage, channel, recipient }: OutboxListParams): Promise<OutboxPage> {
      const filter = {
        channel,
        recipient: recipient === undefined ? undefined : storedRecipient(recipient),
      };
      const [rows, total] = await Promise.all([
        repo.page(filter, perPage, (page - 1) * perPage),
        repo.count(filter),
      ]);
      return {
        items: rows.map(outboxEntry),
        page,
        perPage,
        total,
        pages: pageCount(total, perPage),
      };
    },
  };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
