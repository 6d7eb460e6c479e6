import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/**
 * A place uploads go for a test: the local disk, or an S3-compatible server (s3rver) on an
 * ephemeral port with its data in a temp folder. `settings` are the app's; `keys` lists what is
 * stored, read on its own (not through the storage under test).
 */
export interface TestStorage {
  driver: 'local' | 's3';
  settings: Record<string, string>;
  keys(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startTestStorage(driver: 'local' | 's3'): Promise<TestStorage> {
  const uploads = await mkdtemp(join(tmpdir(), `folio-uploads-${driver}-`));
  if (driver === 'local') {
    return {
      driver,
      settings: { STORAGE_DRIVER: 'local', UPLOADS_DIR: uploads },
      async keys() {
        const names = await readdir(uploads, { recursive: true, withFileTypes: true });
        return names
          .filter((d) => d.isFile())
          .map((d) =>
            join(d.parentPath, d.name)
              .slice(uploads.length + 1)
              .split(sep)
              .join('/'),
          )
          .sort();
      },
      stop: () => rm(uploads, { recursive: true, force: true }),
    };
  }
  const bucket = 'folio-test';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: uploads,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  return {
    driver,
    settings: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      // Nothing may land on the local disk with the bucket in use.
      UPLOADS_DIR: join(uploads, 'never-used'),
    },
    async keys() {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const res = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
        );
        keys.push(...(res.Contents ?? []).map((c) => c.Key!));
        token = res.IsTruncated ? res.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
    async stop() {
      client.destroy();
      await server.close();
      await rm(uploads, { recursive: true, force: true });
    },
  };
}
