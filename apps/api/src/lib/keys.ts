import { hkdfSync } from 'node:crypto';

/** Everything the app secret signs or seals; each gets its own key, so none can stand for another. */
export type KeyPurpose =
  'access-token' | 'mail-link' | 'refresh-token' | 'queued-message' | 'view-visitor';

/** A 32-byte key for one purpose, derived from the app secret (HKDF-SHA256). */
export function deriveKey(secret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'folio', purpose, 32));
}
