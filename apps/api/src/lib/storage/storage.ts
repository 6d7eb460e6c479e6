import type { Readable } from 'node:stream';

/** One stored object as read back: its bytes as a stream, with what an HTTP answer needs. */
export interface StoredObject {
  body: Readable;
  size: number;
  contentType: string;
  lastModified: Date;
}

export interface StorageEntry {
  key: string;
  size: number;
  lastModified: Date;
}

/**
 * Where uploaded files live: the local disk (one machine) or an S3-compatible bucket (several API
 * machines sharing it). Keys are relative paths Folio makes itself (`images/<random>/800.webp`,
 * `avatars/<name>.webp`); every driver refuses any other shape.
 */
export interface Storage {
  readonly driver: 'local' | 's3';
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none under the key. */
  get(key: string): Promise<StoredObject | null>;
  /** Deletes the keys that exist; missing ones are no error. */
  delete(keys: string[]): Promise<void>;
  /** Every object whose key starts with `prefix` (a folder such as `avatars/`). */
  list(prefix: string): Promise<StorageEntry[]>;
  /**
   * Whether the objects under `prefix` belong to `owner` (a database): the first call claims
   * them, in a marker (`<prefix>.folio-database`) no listing of Folio's names includes. Two
   * deployments sharing one folder or bucket would otherwise sweep each other's files away.
   */
  claim(prefix: string, owner: string): Promise<boolean>;
  close(): void;
}

/** Keys are `segment/segment/...`, each of letters, digits, `_`, `-` and inner dots: never `..`. */
const KEY = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9]+)?)*$/;
const PREFIX = /^(?:[A-Za-z0-9_-]+\/)*$/;

export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
}

/** The name of the marker `claim` writes under a prefix. */
export const OWNER_MARKER = '.folio-database';

export function assertPrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) throw new Error(`not a storage prefix: ${JSON.stringify(prefix)}`);
}

const TYPES: Record<string, string> = {
  webp: 'image/webp',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
};

/** The Content-Type a key's extension stands for (what the local disk can't remember). */
export function contentTypeOf(key: string): string {
  return TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
