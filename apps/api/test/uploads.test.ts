import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { LIMITS } from '@folio/schema';
import { eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { uploadReferences, uploads, users } from '../src/db/schema';
import {
  databaseOwner,
  STRAY_AVATAR_MIN_AGE_MS,
  sweepStrayAvatars,
} from '../src/modules/maintenance/sweep-avatars';
import { createUploadRepository } from '../src/modules/uploads/repository';
import { createUploadService } from '../src/modules/uploads/service';
import { UPLOAD_LIMIT } from '../src/plugins/external/rate-limit';
import { buildTestApp, makeUser, sessionFor } from './helpers';
import { startTestStorage, type TestStorage } from './storage-servers';

const DAY = 86_400_000;
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Part = { field?: string; filename?: string; type?: string; data: Buffer | string };

/** A multipart/form-data body, as a browser's FormData would send it. */
function form(...parts: Part[]) {
  const boundary = `----folio${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const file = p.filename !== undefined ? `; filename="${p.filename}"` : '';
    const type = p.filename !== undefined ? `Content-Type: ${p.type ?? 'image/png'}\r\n` : '';
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.field ?? 'file'}"${file}\r\n${type}\r\n`,
      ),
      Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const fileForm = (data: Buffer | string, filename = 'picture.png', type = 'image/png') =>
  form({ filename, type, data });

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 140, b: 200 } } });

/** A picture with detail (noise), so its encodings are of realistic sizes. */
const noisy = (width: number, height: number) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** A PNG chunk with its length and CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A small, valid PNG whose header claims `width`×`height` (a decompression bomb's trick). */
async function claimingPng(width: number, height: number): Promise<Buffer> {
  const real = await picture(8, 8).png().toBuffer();
  const ihdr = Buffer.from(real.subarray(16, 29));
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  return Buffer.concat([real.subarray(0, 8), pngChunk('IHDR', ihdr), real.subarray(33)]);
}

/** A real PNG with a text chunk before its image data (where polyglots hide markup). */
async function pngWithText(text: string): Promise<Buffer> {
  const real = await picture(40, 40).png().toBuffer();
  const text_ = pngChunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1'));
  return Buffer.concat([real.subarray(0, 33), text_, real.subarray(33)]);
}

describe.each(['local', 's3'] as const)('uploads on %s storage', (driver) => {
  let app: App;
  let storage: TestStorage;

  beforeAll(async () => {
    storage = await startTestStorage(driver);
    ({ app } = await buildTestApp({ RUN_WORKER: 'false', ...storage.settings }));
  });
  afterAll(async () => {
    await app?.close();
    await storage?.stop();
  });

  async function loggedIn(fields: Parameters<typeof makeUser>[1] = {}) {
    const user = await makeUser(app, fields);
    const { headers } = await sessionFor(app, user.id);
    const upload = (body: { payload: Buffer | string; headers: Record<string, string> }) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/uploads',
        payload: body.payload,
        headers: { ...headers, ...body.headers },
      });
    return { user, headers, upload };
  }

  const rowsOf = (userId: number) =>
    app.db.select().from(uploads).where(eq(uploads.userId, userId));
  const get = (url: string) => app.inject({ method: 'GET', url });

  describe('POST /uploads', () => {
    it('stores a JPEG at 400, 800 and 1600 px as WebP without its EXIF, and serves each size', async () => {
      const { user, upload } = await loggedIn();
      const jpeg = await noisy(2400, 1800)
        .jpeg({ quality: 70 })
        .withExif({ IFD0: { Copyright: 'Secret Owner', ImageDescription: 'Taken at home' } })
        .toBuffer();
      expect(jpeg.includes('Secret Owner')).toBe(true);

      const res = await upload(fileForm(jpeg, 'holiday.jpg', 'image/jpeg'));
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      const data = body.data;
      expect(data).toMatchObject({ id: expect.any(Number), width: 1600, height: 1200 });
      expect(data.variants.map((v: { width: number }) => v.width)).toEqual([400, 800, 1600]);
      expect(data.url).toBe(data.variants[2].url);
      expect(body.location).toBe(data.url);
      expect(res.headers.location).toBe(data.url);
      for (const v of data.variants as { width: number; url: string }[]) {
        expect(v.url).toMatch(/^\/uploads\/images\/[A-Za-z0-9_-]{22}\/[0-9]+\.webp$/);
      }

      let total = 0;
      for (const v of data.variants as { width: number; url: string }[]) {
        const got = await get(v.url);
        expect(got.statusCode, v.url).toBe(200);
        expect(got.headers['content-type']).toBe('image/webp');
        expect(got.headers['cache-control']).toBe(IMMUTABLE);
        expect(got.headers['x-content-type-options']).toBe('nosniff');
        expect(Number(got.headers['content-length'])).toBe(got.rawPayload.length);
        const meta = await sharp(got.rawPayload).metadata();
        expect(meta).toMatchObject({ format: 'webp', width: v.width, height: (v.width * 3) / 4 });
        expect(meta.exif).toBeUndefined();
        expect(meta.icc).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(got.rawPayload.includes('Secret Owner')).toBe(false);
        total += got.rawPayload.length;
      }
      const [row] = await rowsOf(user.id);
      expect(row).toMatchObject({ id: data.id, width: 1600, height: 1200, bytes: total });
      expect(data.bytes).toBe(total);
      // Exactly the three sizes were stored.
      const prefix = data.url.slice('/uploads/'.length).replace(/[0-9]+\.webp$/, '');
      expect((await storage.keys()).filter((k) => k.startsWith(prefix))).toHaveLength(3);
    });

    it('never upscales: a narrow image is stored at its own width and the sizes below it', async () => {
      const { upload } = await loggedIn();
      const cases: [number, number, number[]][] = [
        [300, 200, [300]],
        [1000, 500, [400, 800, 1000]],
        [1600, 100, [400, 800, 1600]],
      ];
      for (const [width, height, widths] of cases) {
        const res = await upload(fileForm(await picture(width, height).png().toBuffer()));
        expect(res.statusCode).toBe(201);
        const data = res.json().data;
        expect(data.variants.map((v: { width: number }) => v.width)).toEqual(widths);
        expect(data.width).toBe(widths.at(-1));
        expect(data.height).toBe(Math.round((height * widths.at(-1)!) / width));
        const largest = await get(data.url);
        expect((await sharp(largest.rawPayload).metadata()).width).toBe(widths.at(-1));
      }
    });

    it('takes PNG, WebP and GIF by their content whatever the name, and turns photos upright', async () => {
      const { upload } = await loggedIn();
      const inputs: [Buffer, string, string][] = [
        [await picture(500, 300).png().toBuffer(), 'a.png', 'image/png'],
        [await picture(500, 300).webp().toBuffer(), 'b.webp', 'image/webp'],
        [await picture(500, 300).gif().toBuffer(), 'c.gif', 'image/gif'],
        [await picture(500, 300).png().toBuffer(), 'notes.txt', 'text/plain'],
        [await picture(500, 300).jpeg().toBuffer(), 'x.exe', 'application/octet-stream'],
      ];
      for (const [data, filename, type] of inputs) {
        const res = await upload(fileForm(data, filename, type));
        expect(res.statusCode, filename).toBe(201);
        expect(res.json().data).toMatchObject({ width: 500, height: 300 });
      }
      // EXIF orientation 6: stored 500×300, shown (and so stored by us) 300×500.
      const turned = await picture(500, 300).jpeg().withMetadata({ orientation: 6 }).toBuffer();
      const res = await upload(fileForm(turned, 'phone.jpg', 'image/jpeg'));
      expect(res.statusCode).toBe(201);
      expect(res.json().data).toMatchObject({ width: 300, height: 500 });
      const meta = await sharp((await get(res.json().data.url)).rawPayload).metadata();
      expect(meta).toMatchObject({ width: 300, height: 500 });
      expect(meta.orientation).toBeUndefined();
    });

    describe('refuses hostile and broken files, leaving nothing stored and no row', () => {
      const png = () => picture(64, 64).png().toBuffer();
      const jpeg = () => picture(64, 64).jpeg().toBuffer();
      const cases: [string, () => Promise<ReturnType<typeof form>>, number, string, string][] = [
        [
          'an SVG',
          async () =>
            fileForm(
              '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
              'logo.svg',
              'image/svg+xml',
            ),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Upload a JPEG, PNG, WebP or GIF image; this file is of another kind.',
        ],
        [
          'an HTML page named .png',
          async () => fileForm('<!doctype html><html><script>alert(1)</script></html>', 'evil.png'),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Upload a JPEG, PNG, WebP or GIF image; this file is of another kind.',
        ],
        [
          'a renamed executable',
          async () => {
            const exe = Buffer.alloc(512);
            exe.write('MZ', 0, 'latin1');
            exe.writeUInt32LE(0x80, 0x3c);
            exe.write('PE\0\0', 0x80, 'latin1');
            exe.writeUInt16LE(0x14c, 0x84);
            return fileForm(exe, 'holiday.jpg', 'image/jpeg');
          },
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Upload a JPEG, PNG, WebP or GIF image; this file is of another kind.',
        ],
        [
          'a GIF header followed by HTML and script',
          async () =>
            fileForm(
              Buffer.concat([
                Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1'),
                Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>'),
              ]),
              'cat.gif',
              'image/gif',
            ),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'This file holds more than an image (markup, script or other data); upload a plain JPEG, PNG, WebP or GIF.',
        ],
        [
          'a whole JPEG with a page after it (both an image and HTML)',
          async () =>
            fileForm(
              Buffer.concat([await jpeg(), Buffer.from('<script>alert(1)</script>')]),
              'both.jpg',
              'image/jpeg',
            ),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'This file holds more than an image (markup, script or other data); upload a plain JPEG, PNG, WebP or GIF.',
        ],
        [
          'a valid PNG with script in a text chunk',
          async () => fileForm(await pngWithText('<SCRIPT src=//evil.test/x.js></SCRIPT>')),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'This file holds more than an image (markup, script or other data); upload a plain JPEG, PNG, WebP or GIF.',
        ],
        [
          'a truncated JPEG',
          async () => {
            const whole = await noisy(300, 300).jpeg().toBuffer();
            return fileForm(
              whole.subarray(0, Math.floor(whole.length / 2)),
              'cut.jpg',
              'image/jpeg',
            );
          },
          422,
          'VALIDATION_FAILED',
          'This image is damaged or cut short and cannot be read.',
        ],
        [
          'a truncated PNG',
          async () => {
            const whole = await noisy(300, 300).png().toBuffer();
            return fileForm(whole.subarray(0, Math.floor(whole.length / 2)));
          },
          422,
          'VALIDATION_FAILED',
          'This image is damaged or cut short and cannot be read.',
        ],
        [
          'a decompression bomb (a tiny PNG claiming 100000×100000 pixels)',
          async () => fileForm(await claimingPng(100_000, 100_000)),
          422,
          'VALIDATION_FAILED',
          'This image has too many pixels; upload one of at most 50 megapixels.',
        ],
        [
          'an empty file',
          async () => fileForm(Buffer.alloc(0)),
          422,
          'VALIDATION_FAILED',
          'Required.',
        ],
        [
          'two files',
          async () =>
            form(
              { filename: 'a.png', data: await png() },
              { field: 'other', filename: 'b.png', data: await png() },
            ),
          422,
          'VALIDATION_FAILED',
          'Send one file at a time.',
        ],
        [
          'too many parts',
          async () =>
            form(...Array.from({ length: 4 }, (_, i) => ({ field: `note${i}`, data: 'x' })), {
              filename: 'a.png',
              data: await png(),
            }),
          413,
          'PAYLOAD_TOO_LARGE',
          'Send one file at a time.',
        ],
        [
          'a file over 5 MB',
          async () => {
            const real = await png();
            return fileForm(
              Buffer.concat([real, randomBytes(LIMITS.uploadBytes + 1 - real.length)]),
            );
          },
          413,
          'PAYLOAD_TOO_LARGE',
          'Upload an image of at most 5 MB.',
        ],
        [
          'a form without a file',
          async () => form({ field: 'note', data: 'hello' }),
          422,
          'VALIDATION_FAILED',
          'Required.',
        ],
      ];

      it.each(cases)('%s', async (_what, make, status, code, message) => {
        const { user, upload } = await loggedIn();
        const before = await storage.keys();
        const res = await upload(await make());
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json()).toMatchObject({
          result: false,
          code,
          errors: { file: message },
          requestId: res.headers['x-request-id'],
        });
        expect(await storage.keys()).toEqual(before);
        expect(await rowsOf(user.id)).toEqual([]);
      });
    });

    it('answers a body that is not multipart with 415, and needs a login', async () => {
      const { headers } = await loggedIn();
      const json = await app.inject({
        method: 'POST',
        url: '/api/v1/uploads',
        headers,
        payload: { file: 'data' },
      });
      expect(json.statusCode).toBe(415);
      expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');

      const anonymous = await app.inject({
        method: 'POST',
        url: '/api/v1/uploads',
        ...fileForm(await picture(10, 10).png().toBuffer()),
      });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    });

    it('refuses an account that is not active', async () => {
      const { user, upload } = await loggedIn();
      await app.db.update(users).set({ status: 'locked' }).where(eq(users.id, user.id));
      const before = await storage.keys();
      const res = await upload(fileForm(await picture(10, 10).png().toBuffer()));
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('ACCOUNT_DISABLED');
      expect(await storage.keys()).toEqual(before);
    });
  });

  describe('the per-user limit', () => {
    it(`answers 429 past ${UPLOAD_LIMIT.max} a minute for one user, and not for another on the same address`, async () => {
      const first = await loggedIn();
      const other = await loggedIn();
      // A form without its file: refused by the handler, counted by the limit all the same.
      const empty = () => form({ field: 'note', data: 'hi' });
      for (let i = 0; i < UPLOAD_LIMIT.max; i++) {
        expect((await first.upload(empty())).statusCode).toBe(422);
      }
      const limited = await first.upload(empty());
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ result: false, code: 'RATE_LIMITED' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await other.upload(empty())).statusCode).toBe(422);
    });
  });

  describe('the quota', () => {
    const QUOTA = 200 * 1024 * 1024;

    it('is 200 MB by default', () => {
      expect(app.config.UPLOAD_QUOTA_BYTES).toBe(QUOTA);
    });

    it('answers 413 with what is used, and stores nothing', async () => {
      const { user, upload } = await loggedIn();
      // Earlier uploads that fill the quota but for 100 bytes.
      await app.db.insert(uploads).values({
        userId: user.id,
        storageKey: `images/${randomBytes(16).toString('base64url')}`,
        width: 10,
        height: 10,
        bytes: QUOTA - 100,
      });
      const before = await storage.keys();
      const res = await upload(fileForm(await noisy(600, 400).png().toBuffer()));
      expect(res.statusCode).toBe(413);
      const body = res.json();
      expect(body).toMatchObject({
        result: false,
        code: 'PAYLOAD_TOO_LARGE',
        errors: { file: 'Your upload space is full.' },
        quota: { usedBytes: QUOTA - 100, limitBytes: QUOTA, fileBytes: expect.any(Number) },
      });
      expect(body.quota.fileBytes).toBeGreaterThan(100);
      expect(body.msg).toContain('200.0 MB of your 200.0 MB');
      expect(await storage.keys()).toEqual(before);
      expect(await rowsOf(user.id)).toHaveLength(1);

      const again = fileForm(await noisy(600, 400).png().toBuffer());
      const zh = await upload({
        ...again,
        headers: { ...again.headers, 'accept-language': 'zh-CN' },
      });
      expect(zh.json().msg).toContain('你的上传已占用 200.0 MB');
    });

    it('lets only as many uploads at once through as fit', async () => {
      const { user, upload } = await loggedIn();
      const image = await noisy(500, 500).png().toBuffer();
      const first = await upload(fileForm(image));
      expect(first.statusCode).toBe(201);
      const size = first.json().data.bytes as number;
      // Room for exactly two more of the same size.
      await app.db.insert(uploads).values({
        userId: user.id,
        storageKey: `images/${randomBytes(16).toString('base64url')}`,
        width: 10,
        height: 10,
        bytes: QUOTA - 3 * size - 10,
      });
      const answers = await Promise.all(Array.from({ length: 5 }, () => upload(fileForm(image))));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 413, 413, 413]);
      expect(await app.uploadService.usedBytes(user.id)).toBeLessThanOrEqual(QUOTA);
    });
  });

  describe('references and the purge', () => {
    async function uploadOne(upload: Awaited<ReturnType<typeof loggedIn>>['upload']) {
      const res = await upload(fileForm(await picture(900, 600).png().toBuffer()));
      expect(res.statusCode).toBe(201);
      return res.json().data as { id: number; url: string; variants: { url: string }[] };
    }
    const age = (ids: number[], ms: number) =>
      app.db
        .update(uploads)
        .set({ createdAt: new Date(Date.now() - ms) })
        .where(inArray(uploads.id, ids));
    const served = async (u: { variants: { url: string }[] }) =>
      Promise.all(u.variants.map(async (v) => (await get(v.url)).statusCode));

    it('describes uploads and says which a user owns', async () => {
      const mine = await loggedIn();
      const theirs = await loggedIn();
      const a = await uploadOne(mine.upload);
      const b = await uploadOne(theirs.upload);
      const described = await app.uploadService.describe([a.id, b.id, 999_999_999]);
      expect([...described.keys()].sort()).toEqual([a.id, b.id].sort());
      expect(described.get(a.id)).toMatchObject({ id: a.id, url: a.url, variants: a.variants });
      expect(await app.uploadService.ownedBy([a.id, b.id, 999_999_999], mine.user.id)).toEqual([
        a.id,
      ]);
    });

    it('purges unreferenced uploads older than a day, rows and files, and keeps the rest', async () => {
      const { upload } = await loggedIn();
      const [used, dropped, orphan, young] = [
        await uploadOne(upload),
        await uploadOne(upload),
        await uploadOne(upload),
        await uploadOne(upload),
      ];
      const ownerId = Math.floor(Math.random() * 1e9);
      await app.uploadService.setReferences('blog', ownerId, [used.id, dropped.id, 999_999_999]);
      expect(await app.uploadService.referencesOf('blog', ownerId)).toEqual(
        [used.id, dropped.id].sort((x, y) => x - y),
      );
      await age([used.id, dropped.id, orphan.id], 2 * DAY);
      await age([young.id], DAY - 60_000);

      expect(await app.uploadService.purgeUnreferenced()).toBeGreaterThanOrEqual(1);
      let left = await app.db
        .select({ id: uploads.id })
        .from(uploads)
        .where(inArray(uploads.id, [used.id, dropped.id, orphan.id, young.id]));
      expect(left.map((r) => r.id).sort((x, y) => x - y)).toEqual(
        [used.id, dropped.id, young.id].sort((x, y) => x - y),
      );
      expect(await served(orphan)).toEqual(orphan.variants.map(() => 404));
      expect(await served(used)).toEqual(used.variants.map(() => 200));

      // The blog stops using one: it goes at the next purge.
      await app.uploadService.setReferences('blog', ownerId, [used.id]);
      await app.uploadService.purgeUnreferenced();
      left = await app.db
        .select({ id: uploads.id })
        .from(uploads)
        .where(inArray(uploads.id, [used.id, dropped.id, young.id]));
      expect(left.map((r) => r.id).sort((x, y) => x - y)).toEqual(
        [used.id, young.id].sort((x, y) => x - y),
      );
      expect(await served(dropped)).toEqual(dropped.variants.map(() => 404));
      const keys = await storage.keys();
      for (const gone of [orphan, dropped]) {
        const prefix = gone.url.slice('/uploads/'.length).replace(/[0-9]+\.webp$/, '');
        expect(keys.filter((k) => k.startsWith(prefix))).toEqual([]);
      }
      // The owner is deleted: no references stay.
      await app.uploadService.setReferences('blog', ownerId, []);
      expect(
        await app.db.select().from(uploadReferences).where(eq(uploadReferences.ownerId, ownerId)),
      ).toEqual([]);
      await app.uploadService.purgeUnreferenced();
      expect(await served(used)).toEqual(used.variants.map(() => 404));
      expect(await served(young)).toEqual(young.variants.map(() => 200));
    });
  });

  if (driver === 'local') {
    it('finds purge candidates through uploads_created_idx and references by their key', async () => {
      const { user } = await loggedIn();
      // Enough rows that the plan is the one a real table gets, not a scan of a handful.
      await app.db.insert(uploads).values(
        Array.from({ length: 300 }, () => ({
          userId: user.id,
          storageKey: `images/${randomBytes(16).toString('base64url')}`,
          width: 10,
          height: 10,
          bytes: 1,
        })),
      );
      try {
        await app.pool.query('ANALYZE TABLE uploads, upload_references');
        const query = createUploadRepository(app.db).unreferencedBefore(
          new Date(Date.now() - 30 * DAY),
        );
        const { sql, params } = query.toSQL();
        const [rows] = await app.pool.query(`EXPLAIN ${sql}`, params);
        const plan = rows as { table: string; key: string | null }[];
        expect(plan.find((r) => r.table === 'uploads')?.key).toBe('uploads_created_idx');
        expect(plan.find((r) => r.table === 'upload_references')?.key).toBe('PRIMARY');
      } finally {
        await app.db.delete(uploads).where(eq(uploads.userId, user.id));
      }
    });
  }

  describe('stray image files', () => {
    it('are swept when no upload row names them, once old enough; known ones stay', async () => {
      const { upload } = await loggedIn();
      const res = await upload(fileForm(await picture(500, 300).png().toBuffer()));
      const known = res.json().data as { url: string; variants: { url: string }[] };
      const strayPrefix = `images/${randomBytes(16).toString('base64url')}`;
      const webp = await picture(40, 40).webp().toBuffer();
      await app.storage.put(`${strayPrefix}/400.webp`, webp, 'image/webp');
      await app.storage.put(`${strayPrefix}/800.webp`, webp, 'image/webp');
      const owner = databaseOwner(app.config.DATABASE_URL);

      // Just written: left alone.
      expect(await app.uploadService.sweepStrayFiles(owner)).toBe(0);
      expect((await storage.keys()).filter((k) => k.startsWith(strayPrefix))).toHaveLength(2);

      const later = { now: Date.now() + 16 * 60_000 };
      expect(await app.uploadService.sweepStrayFiles(owner, later)).toBeGreaterThanOrEqual(1);
      expect((await storage.keys()).filter((k) => k.startsWith(strayPrefix))).toEqual([]);
      for (const v of known.variants) expect((await get(v.url)).statusCode).toBe(200);
      await expect(
        app.uploadService.sweepStrayFiles('db.example:3306/other', later),
      ).rejects.toThrow(/another database/);
    });
  });

  it('a purge whose file deletion fails leaves files the sweep then takes', async () => {
    const { upload } = await loggedIn();
    const res = await upload(fileForm(await picture(500, 300).png().toBuffer()));
    const made = res.json().data as { id: number; url: string };
    await app.db
      .update(uploads)
      .set({ createdAt: new Date(Date.now() - 2 * DAY) })
      .where(eq(uploads.id, made.id));
    const failing = createUploadService({
      uploads: createUploadRepository(app.db),
      users: app.users,
      storage: {
        ...app.storage,
        delete: async () => {
          throw new Error('storage down');
        },
      },
      config: app.config,
    });
    await expect(failing.purgeUnreferenced()).rejects.toThrow('storage down');
    expect(await app.db.select().from(uploads).where(eq(uploads.id, made.id))).toEqual([]);
    expect((await get(made.url)).statusCode).toBe(200);

    const owner = databaseOwner(app.config.DATABASE_URL);
    const later = { now: Date.now() + 16 * 60_000 };
    expect(await app.uploadService.sweepStrayFiles(owner, later)).toBeGreaterThanOrEqual(1);
    expect((await get(made.url)).statusCode).toBe(404);
  });

  describe('avatars on the same storage', () => {
    const avatarForm = async (width: number) =>
      form({
        field: 'avatar',
        filename: 'me.png',
        data: await picture(width, 80).png().toBuffer(),
      });

    it('stores, serves and replaces an avatar under avatars/, and the sweep takes strays', async () => {
      const { user, headers } = await loggedIn();
      const send = async (width: number) => {
        const body = await avatarForm(width);
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/me/avatar',
          payload: body.payload,
          headers: { ...headers, ...body.headers },
        });
        expect(res.statusCode).toBe(200);
        return res.json().data.avatarUrl as string;
      };
      const first = await send(90);
      expect(first).toMatch(new RegExp(`^/uploads/avatars/${user.id}-[A-Za-z0-9_-]{16}\\.webp$`));
      const firstKey = first.slice('/uploads/'.length);
      expect(await storage.keys()).toContain(firstKey);
      const got = await get(first);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/webp');
      expect(got.headers['cache-control']).toBe(IMMUTABLE);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(await sharp(got.rawPayload).metadata()).toMatchObject({ width: 256, height: 256 });

      const second = await send(120);
      const keys = await storage.keys();
      expect(keys).toContain(second.slice('/uploads/'.length));
      expect(keys).not.toContain(firstKey);
      expect((await get(first)).statusCode).toBe(404);

      // A file no account points at (a crash between storing and recording it).
      const stray = `avatars/${user.id}-StrayAfterCrash1.webp`;
      await app.storage.put(stray, got.rawPayload, 'image/webp');
      const owner = databaseOwner(app.config.DATABASE_URL);
      const later = { now: Date.now() + STRAY_AVATAR_MIN_AGE_MS + 60_000 };
      expect(await sweepStrayAvatars(app.db, app.storage, owner, later)).toBeGreaterThanOrEqual(1);
      const after = await storage.keys();
      expect(after).not.toContain(stray);
      expect(after).toContain(second.slice('/uploads/'.length));
      // The storage is claimed for this database: another one's sweep is refused.
      await expect(
        sweepStrayAvatars(app.db, app.storage, 'db.example:3306/other', later),
      ).rejects.toThrow(/another database/);
    });
  });

  describe('serving /uploads/', () => {
    it('answers a JSON 404 for a missing file, 403 for a folder, and never reaches outside', async () => {
      const missing = await get('/uploads/images/AAAAAAAAAAAAAAAAAAAAAA/400.webp');
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ result: false, code: 'NOT_FOUND' });
      const { upload } = await loggedIn();
      const made = (await upload(fileForm(await picture(50, 50).png().toBuffer()))).json().data;
      const head = await app.inject({ method: 'HEAD', url: made.url });
      expect(head.statusCode).toBe(200);
      expect(head.headers['content-type']).toBe('image/webp');
      expect(head.headers['cache-control']).toBe(IMMUTABLE);
      expect(head.rawPayload.length).toBe(0);
      // A reload that revalidates gets a 304, by ETag or by date.
      const full = await get(made.url);
      const etag = String(full.headers.etag);
      expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
      for (const condition of [
        { 'if-none-match': etag },
        { 'if-none-match': `W/"0-0", ${etag}` },
        { 'if-modified-since': String(full.headers['last-modified']) },
      ]) {
        const again = await app.inject({ method: 'GET', url: made.url, headers: condition });
        expect(again.statusCode, JSON.stringify(condition)).toBe(304);
        expect(again.rawPayload.length).toBe(0);
        expect(again.headers['cache-control']).toBe(IMMUTABLE);
      }
      const changed = await app.inject({
        method: 'GET',
        url: made.url,
        headers: {
          'if-none-match': 'W/"0-0"',
          'if-modified-since': String(full.headers['last-modified']),
        },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.rawPayload.length).toBeGreaterThan(0);
      const folder = await get('/uploads/images/');
      expect(folder.statusCode).toBe(403);
      expect(folder.json()).toMatchObject({ result: false, code: 'FORBIDDEN' });
      for (const url of [
        '/uploads/../package.json',
        '/uploads/images/%2e%2e/%2e%2e/package.json',
        '/uploads/images/..%2f..%2fpackage.json',
        '/uploads/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).not.toContain('"name"');
        expect(res.body, url).not.toContain('root:');
      }
    });

    if (driver === 's3') {
      it('keeps nothing on the local disk', async () => {
        await expect(access(join(storage.settings.UPLOADS_DIR!, 'images'))).rejects.toThrow();
      });

      it('answers 503 while the bucket is unreachable, and keeps no row', async () => {
        const { app: cut } = await buildTestApp({
          RUN_WORKER: 'false',
          ...storage.settings,
          // A port nothing listens on.
          S3_ENDPOINT: 'http://127.0.0.1:9',
        });
        try {
          const user = await makeUser(cut);
          const { headers } = await sessionFor(cut, user.id);
          const body = fileForm(await picture(50, 50).png().toBuffer());
          const res = await cut.inject({
            method: 'POST',
            url: '/api/v1/uploads',
            payload: body.payload,
            headers: { ...headers, ...body.headers },
          });
          expect(res.statusCode).toBe(503);
          expect(res.json()).toMatchObject({ result: false, code: 'UNAVAILABLE' });
          expect(await rowsOf(user.id)).toEqual([]);
          const served = await cut.inject({
            method: 'GET',
            url: '/uploads/images/AAAAAAAAAAAAAAAAAAAAAA/400.webp',
          });
          expect(served.statusCode).toBe(503);
        } finally {
          await cut.close();
        }
      });
    }
  });
});
