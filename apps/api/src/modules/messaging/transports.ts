import type { Transporter } from 'nodemailer';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { outboxMessages } from '../../db/schema';
import { toHtml, type Channel, type RenderedMessage } from './templates';

/** Delivers one message or throws, so that BullMQ tries again later. */
export interface Transport {
  readonly name: string;
  deliver(message: RenderedMessage): Promise<void>;
  close?(): Promise<void>;
}

/** Outside production: messages land in MariaDB, where developers, demos and tests read them. */
export function outboxTransport(db: Db): Transport {
  return {
    name: 'outbox',
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

/**
 * Mail through an SMTP server (`smtp://user:pass@host:587`, `smtps://...` for implicit TLS).
 * nodemailer is loaded with the first message, not by every process that might send one.
 */
export function smtpTransport({ url, from }: { url: string; from: string }): Transport {
  let mailer: Promise<Transporter> | undefined;
  const mailerOf = () =>
    (mailer ??= import('nodemailer').then(({ createTransport }) =>
      // Short timeouts: a stuck server fails the attempt, and the retry comes with backoff.
      createTransport(
        { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
        { from },
      ),
    ));
  return {
    name: 'smtp',
    async deliver(message) {
      await (
        await mailerOf()
      ).sendMail({
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
        html: toHtml(message.body, message.locale),
      });
    },
    async close() {
      if (mailer) (await mailer).close();
    },
  };
}

export class SmsProviderError extends Error {}

/**
 * The SMS provider: `POST <url>` with `{"to": "+86...", "text": "..."}` and
 * `Authorization: Bearer <key>`. Anything but a 2xx within the timeout is a failed attempt.
 */
export function httpSmsTransport({
  url,
  key,
  timeoutMs = 5_000,
}: {
  url: string;
  key: string;
  timeoutMs?: number;
}): Transport {
  return {
    name: 'http',
    async deliver(message) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            authorization: `Bearer ${key}`,
          },
          body: JSON.stringify({ to: message.to, text: message.body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        // The message names the failure only: never the request, which carries the code.
        const e = err as { name?: string; cause?: { code?: string; message?: string } };
        const why =
          e.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : (e.cause?.code ?? e.cause?.message ?? e.name ?? 'network error');
        throw new SmsProviderError(`SMS provider unreachable: ${why}`);
      }
      // Read the answer out so the connection can be reused; its content does not matter.
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new SmsProviderError(`SMS provider answered ${res.status}`);
    },
  };
}

/** The transports the configuration asks for, one per channel. */
export function transportsFor(config: Config, db: Db): Record<Channel, Transport> {
  const outbox = outboxTransport(db);
  return {
    email:
      config.MAIL_TRANSPORT === 'smtp'
        ? smtpTransport({ url: config.SMTP_URL!, from: config.MAIL_FROM })
        : outbox,
    sms:
      config.SMS_TRANSPORT === 'http'
        ? httpSmsTransport({ url: config.SMS_HTTP_URL!, key: config.SMS_HTTP_KEY! })
        : outbox,
  };
}

/** A recipient as logs may show it: `a***@example.com`, `+86*******5678`. */
export function maskRecipient(to: string): string {
  const at = to.lastIndexOf('@');
  if (at > 0) return `${to[0]}***${to.slice(at)}`;
  if (to.length <= 7) return '***';
  return `${to.slice(0, 3)}${'*'.repeat(to.length - 7)}${to.slice(-4)}`;
}
