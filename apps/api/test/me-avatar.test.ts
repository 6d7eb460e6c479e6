import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LIMITS } from '@folio/schema';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { users } from '../src/db/schema';
import { buildTestApp, makeUser, sessionFor } from './helpers';

let app: App;
let logs: Record<string, unknown>[];
let uploads: string;
let dist: string;
const avatars = () => join(uploads, 'avatars');

beforeAll(async () => {
  uploads = await mkdtemp(join(tmpdir(), 'folio-avatars-'));
  // A built SPA too, so its catch-all route is in place and must not swallow /uploads/.
  dist = await mkdtemp(join(tmpdir(), 'folio-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  ({ app, logs } = await buildTestApp(
    { UPLOADS_DIR: uploads, WEB_DIST: dist },
    { captureLogs: true },
  ));
});
afterAll(async () => {
  await app.close();
  await rm(uploads, { recursive: true, force: true });
  await rm(dist, { recursive: true, force: true });
});

/** A multipart/form-data body with one file, as a browser's FormData would send it. */
function form(data: Buffer, filename = 'me.png', type = 'image/png', field = 'avatar') {
  const boundary = `----folio${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function loggedIn() {
  const user = await makeUser(app);
  const { headers } = await sessionFor(app, user.id);
  const upload = (body: { payload: Buffer | string; headers: Record<string, string> }) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/me/avatar',
      payload: body.payload,
      headers: { ...headers, ...body.headers },
    });
  return { user, headers, upload };
}

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } });

async function storedName(userId: number) {
  const [row] = await app.db.select().from(users).where(eq(users.id, userId));
  return row!.avatar;
}

describe('POST /me/avatar', () => {
  it('re-encodes a JPEG to a square 256 px WebP without its EXIF', async () => {
    const { user, upload } = await loggedIn();
    const jpeg = await picture(640, 360)
      .jpeg()
      .withExif({
        IFD0: { Copyright: 'Secret Owner', ImageDescription: 'Taken at home' },
      })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    expect(jpeg.includes('Secret Owner')).toBe(true);

    const res = await upload(form(jpeg, 'holiday.jpg', 'image/jpeg'));
    expect(res.statusCode).toBe(200);
    const me = res.json().data;
    const name = await storedName(user.id);
    expect(name).toMatch(new RegExp(`^${user.id}-[A-Za-z0-9_-]{16}\\.webp$`));
    expect(me.avatarUrl).toBe(`/uploads/avatars/${name}`);

    const saved = await readFile(join(avatars(), name!));
    const meta = await sharp(saved).metadata();
    expect(meta).toMatchObject({
      format: 'webp',
      width: LIMITS.avatarSize,
      height: LIMITS.avatarSize,
    });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(saved.includes('Secret Owner')).toBe(false);
    expect(saved.includes('Exif')).toBe(false);
  });

  it('takes PNG, WebP and GIF by their content, whatever the file is called', async () => {
    const { user, upload } = await loggedIn();
    const inputs: [Buffer, string, string][] = [
      [await picture(300, 500).png().toBuffer(), 'a.png', 'image/png'],
      [await picture(100, 100).webp().toBuffer(), 'b.webp', 'image/webp'],
      [await picture(50, 80).gif().toBuffer(), 'c.gif', 'image/gif'],
      // A real PNG under a misleading name and type is still a PNG.
      [await picture(64, 64).png().toBuffer(), 'notes.txt', 'text/plain'],
    ];
    for (const [data, filename, type] of inputs) {
      const res = await upload(form(data, filename, type));
      expect(res.statusCode, filename).toBe(200);
      const meta = await sharp(
        await readFile(join(avatars(), (await storedName(user.id))!)),
      ).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
    }
  });

  it('deletes the previous file when a new avatar replaces it', async () => {
    const { user, upload } = await loggedIn();
    await upload(form(await picture(40, 40).png().toBuffer()));
    const first = (await storedName(user.id))!;
    expect((await readdir(avatars())).includes(first)).toBe(true);

    await upload(form(await picture(40, 40).jpeg().toBuffer(), 'x.jpg', 'image/jpeg'));
    const second = (await storedName(user.id))!;
    expect(second).not.toBe(first);
    const files = await readdir(avatars());
    expect(files).toContain(second);
    expect(files).not.toContain(first);
  });

  it('refuses bytes that are not an image, even named .png', async () => {
    const { user, upload } = await loggedIn();
    const cases: [Buffer, string, string][] = [
      [Buffer.from('<html><script>alert(1)</script></html>'), 'evil.png', 'image/png'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg', 'image/svg+xml'],
      [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n'), 'doc.png', 'image/png'],
      // The right signature followed by garbage: it says PNG but can't be decoded.
      [
        Buffer.concat([(await picture(64, 64).png().toBuffer()).subarray(0, 40), randomBytes(200)]),
        'broken.png',
        'image/png',
      ],
      [Buffer.alloc(0), 'empty.png', 'image/png'],
    ];
    for (const [data, filename, type] of cases) {
      const res = await upload(form(data, filename, type));
      expect(res.statusCode, filename).toBe(422);
      expect(res.json()).toMatchObject({
        result: false,
        code: 'VALIDATION_FAILED',
        errors: { avatar: 'Upload a JPEG, PNG, WebP or GIF image of at most 2 MB.' },
      });
    }
    expect(await storedName(user.id)).toBeNull();
  });

  it('refuses a file over 2 MB with 413', async () => {
    const { user, upload } = await loggedIn();
    const png = await picture(16, 16).png().toBuffer();
    const big = Buffer.concat([png, randomBytes(LIMITS.avatarBytes + 1 - png.length)]);
    const res = await upload(form(big));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      result: false,
      code: 'PAYLOAD_TOO_LARGE',
      errors: { avatar: expect.any(String) },
    });
    expect(await storedName(user.id)).toBeNull();

    // Just under the limit is fine (a PNG with trailing bytes still decodes).
    const justUnder = Buffer.concat([png, Buffer.alloc(LIMITS.avatarBytes - png.length - 1)]);
    expect((await upload(form(justUnder))).statusCode).toBe(200);
  });

  it('answers a malformed multipart body with a 400 naming the field, and logs no error', async () => {
    const { user, upload } = await loggedIn();
    const png = await picture(16, 16).png().toBuffer();
    const whole = form(png);
    const boundary = whole.headers['content-type'].split('boundary=')[1]!;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="avatar"; filename="a.png"\r\n`;
    const cases: [string, { payload: Buffer | string; headers: Record<string, string> }][] = [
      [
        'no boundary',
        { payload: whole.payload, headers: { 'content-type': 'multipart/form-data' } },
      ],
      ['cut short in the file', { ...whole, payload: whole.payload.subarray(0, head.length + 60) }],
      ['cut short in the part headers', { ...whole, payload: head }],
      ['no boundary line at all', { ...whole, payload: 'just some text' }],
    ];
    const errorsBefore = logs.filter((l) => Number(l.level) >= 50).length;
    for (const [what, body] of cases) {
      const res = await upload(body);
      expect(res.statusCode, what).toBe(400);
      expect(res.json(), what).toMatchObject({
        result: false,
        code: 'BAD_REQUEST',
        errors: { avatar: expect.stringContaining('multipart/form-data') },
        requestId: res.headers['x-request-id'],
      });
    }
    expect(logs.filter((l) => Number(l.level) >= 50).slice(errorsBefore)).toEqual([]);
    expect(await storedName(user.id)).toBeNull();
    expect((await upload(whole)).statusCode).toBe(200);
  });

  it('refuses a body that is not multipart, or has no file', async () => {
    const { headers, upload } = await loggedIn();
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/me/avatar',
      headers,
      payload: { avatar: 'data' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const boundary = 'folioboundary123';
    const noFile = await upload({
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(noFile.statusCode).toBe(422);
    expect(noFile.json().errors).toEqual({ avatar: 'Required.' });
  });

  it('needs a login', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/avatar',
      ...form(await picture(10, 10).png().toBuffer()),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});

describe('uploads at the same time', () => {
  const filesOf = async (userId: number) =>
    (await readdir(avatars())).filter((f) => f.startsWith(`${userId}-`)).sort();

  it('leave exactly one file, the one the account points at', async () => {
    const { user, upload } = await loggedIn();
    expect((await upload(form(await picture(20, 20).png().toBuffer()))).statusCode).toBe(200);
    const pictures = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        picture(30 + i, 30)
          .png()
          .toBuffer(),
      ),
    );
    const answers = await Promise.all(pictures.map((p) => upload(form(p))));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(7).fill(200));
    const name = await storedName(user.id);
    expect(await filesOf(user.id)).toEqual([name]);
    // Every answer names a file that exists or was replaced later; the last one is current.
    const urls = new Set(answers.map((a) => a.json().data.avatarUrl as string));
    expect(urls.has(`/uploads/avatars/${name}`)).toBe(true);
  });

  it('racing the deletion of the account leave no file', async () => {
    const { user, headers, upload } = await loggedIn();
    await upload(form(await picture(20, 20).png().toBuffer()));
    const uploads = Array.from({ length: 3 }, async (_, i) =>
      upload(
        form(
          await picture(40 + i, 40)
            .png()
            .toBuffer(),
        ),
      ),
    );
    const deletion = app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers,
      payload: { password: user.password },
    });
    const [deleted] = await Promise.all([deletion, ...uploads]);
    expect(deleted.statusCode).toBe(200);
    expect(await filesOf(user.id)).toEqual([]);
  });
});

describe('serving /uploads/avatars/', () => {
  it('serves an avatar as WebP, cached for good, with nosniff', async () => {
    const { upload } = await loggedIn();
    const res = await upload(form(await picture(90, 60).png().toBuffer()));
    const url = res.json().data.avatarUrl as string;
    const got = await app.inject({ method: 'GET', url });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/webp');
    expect(got.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect((await sharp(got.rawPayload).metadata()).format).toBe('webp');
  });

  it('answers a JSON 404 for a missing avatar, never the SPA shell', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/uploads/avatars/1-AAAAAAAAAAAAAAAA.webp',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ result: false, code: 'NOT_FOUND' });
    // The folder itself is not listed.
    const folder = await app.inject({ method: 'GET', url: '/uploads/avatars/' });
    expect(folder.statusCode).toBe(403);
    expect(folder.json()).toMatchObject({ result: false, code: 'FORBIDDEN' });
    // The SPA still answers its own routes.
    const page = await app.inject({ method: 'GET', url: '/account' });
    expect(page.body).toContain('<div id="root">');
  });

  it('never reaches outside the avatars folder', async () => {
    await writeFile(join(uploads, 'secret.txt'), 'not for the web');
    for (const url of [
      '/uploads/avatars/../secret.txt',
      '/uploads/avatars/%2e%2e/secret.txt',
      '/uploads/avatars/..%2fsecret.txt',
      '/uploads/avatars/../../../../etc/passwd',
      '/uploads/avatars/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).not.toContain('not for the web');
      expect(res.body, url).not.toContain('root:');
    }
  });
});

describe('deleting the account', () => {
  it('deletes the avatar file too', async () => {
    const { user, headers, upload } = await loggedIn();
    await upload(form(await picture(40, 40).png().toBuffer()));
    const name = (await storedName(user.id))!;
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers,
      payload: { password: user.password },
    });
    expect(res.statusCode).toBe(200);
    expect(await readdir(avatars())).not.toContain(name);
    expect(await storedName(user.id)).toBeNull();
  });
});
