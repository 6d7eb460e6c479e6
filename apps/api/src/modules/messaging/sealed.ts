import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey } from '../../lib/keys';
import type { RenderedMessage } from './templates';

/**
 * A queued message as Redis holds it: AES-256-GCM over the rendered message (recipient, body with
 * its code or link), so the queue's keys and a Redis dump show neither.
 */
export interface SealedMessage {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

/** The queue's own key, derived from the app secret (the API and every worker share it). */
export function queueKey(secret: string): Buffer {
  return deriveKey(secret, 'queued-message');
}

export function sealMessage(key: Buffer, message: RenderedMessage): SealedMessage {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(message), 'utf8'), cipher.final()]);
  return {
    v: 1,
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    data: data.toString('base64url'),
  };
}

export class UnsealError extends Error {}

/** The message back, or UnsealError when it was sealed with another secret or altered. */
export function openMessage(key: Buffer, sealed: SealedMessage): RenderedMessage {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    const text = Buffer.concat([
      decipher.update(Buffer.from(sealed.data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(text) as RenderedMessage;
  } catch {
    throw new UnsealError(
      'cannot open the queued message: sealed with another JWT_SECRET, or altered',
    );
  }
}
