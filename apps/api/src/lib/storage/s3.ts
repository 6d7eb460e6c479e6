import { Readable } from 'node:stream';
import { Unavailable } from '../errors';
import {
  assertKey,
  assertPrefix,
  contentTypeOf,
  OWNER_MARKER,
  type Storage,
  type StorageEntry,
} from './storage';

export interface S3StorageOptions {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/** DeleteObjects takes at most this many keys a call. */
const DELETE_BATCH = 1000;

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, R2, ...), so that every API machine sees the same
 * files. Without keys the SDK's own chain (environment, instance role) signs the requests.
 * The AWS SDK is loaded here, when this driver is chosen, not with the app.
 */
export async function createS3Storage(options: S3StorageOptions): Promise<Storage> {
  const {
    DeleteObjectsCommand,
    GetObjectCommand,
    ListObjectsV2Command,
    NoSuchKey,
    PutObjectCommand,
    S3Client,
    S3ServiceException,
  } = await import('@aws-sdk/client-s3');
  const notFound = (err: unknown) =>
    err instanceof NoSuchKey ||
    (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404);
  const { bucket } = options;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    // Checksums only where S3 requires them: many S3-compatible servers refuse the newer ones.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(options.accessKeyId &&
      options.secretAccessKey && {
        credentials: {
          accessKeyId: options.accessKeyId,
          secretAccessKey: options.secretAccessKey,
        },
      }),
  });

  /**
   * One call to the bucket. An answer S3 gave about the request (a missing key, a refusal) is
   * the caller's to judge; no answer, or a 5xx, means the store is down: a 503, logged as such.
   */
  async function guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      const status = err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;
      if (status !== undefined && status < 500) throw err;
      throw Unavailable('S3 storage', err, { tell: false });
    }
  }

  return {
    driver: 's3',

    async put(key, data, contentType) {
      assertKey(key);
      await guard(() =>
        client.send(
          new PutObjectCommand({ Bucket: bucket, Key: key, Body: data, ContentType: contentType }),
        ),
      );
    },

    async get(key) {
      assertKey(key);
      try {
        const res = await guard(() =>
          client.send(new GetObjectCommand({ Bucket: bucket, Key: key })),
        );
        if (!(res.Body instanceof Readable)) throw new Error('S3 answered no body stream');
        return {
          body: res.Body,
          size: res.ContentLength ?? 0,
          contentType: res.ContentType ?? contentTypeOf(key),
          lastModified: res.LastModified ?? new Date(0),
        };
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },

    async delete(keys) {
      keys.forEach(assertKey);
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const batch = keys.slice(i, i + DELETE_BATCH);
        const res = await guard(() =>
          client.send(
            new DeleteObjectsCommand({
              Bucket: bucket,
              Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
            }),
          ),
        );
        const failed = (res.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
        if (failed.length) {
          throw new Error(
            `S3 could not delete ${failed.map((e) => `${e.Key} (${e.Code})`).join(', ')}`,
          );
        }
      }
    },

    async list(prefix) {
      assertPrefix(prefix);
      const entries: StorageEntry[] = [];
      let token: string | undefined;
      do {
        const res = await guard(() =>
          client.send(
            new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
          ),
        );
        for (const item of res.Contents ?? []) {
          if (!item.Key) continue;
          entries.push({
            key: item.Key,
            size: item.Size ?? 0,
            lastModified: item.LastModified ?? new Date(0),
          });
        }
        token = res.IsTruncated ? res.NextContinuationToken : undefined;
      } while (token);
      return entries;
    },

    async claim(prefix, owner) {
      assertPrefix(prefix);
      const Key = `${prefix}${OWNER_MARKER}`;
      try {
        const res = await guard(() => client.send(new GetObjectCommand({ Bucket: bucket, Key })));
        return (await res.Body!.transformToString()).trim() === owner;
      } catch (err) {
        if (!notFound(err)) throw err;
      }
      // Only the first sweep of a bucket gets here; two at once would both claim it for the
      // same owner (they run for one database), so no conditional write is needed.
      await guard(() =>
        client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key,
            Body: `${owner}\n`,
            ContentType: 'text/plain',
          }),
        ),
      );
      return true;
    },

    close() {
      client.destroy();
    },
  };
}
