import type { Db } from '../../db/connection';
import { outboxMessages } from '../../db/schema';
import type { RenderedMessage } from './templates';

export interface Transport {
  deliver(message: RenderedMessage): Promise<void>;
  close?(): Promise<void>;
}

/** Outside production: messages land in MariaDB, where developers, demos and tests read them. */
export function outboxTransport(db: Db): Transport {
  return {
    async deliver(message) {
      await db.insert(outboxMessages).values({
        channel: message.channel,
        recipient: message.to,
        subject: message.subject,
        body: message.body,
      });
    },
  };
}
