import type { BlogPage, MyBlog, Upload } from '@folio/schema';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { purgeTrashedBlogs } from '../src/modules/blogs/publish';
import { buildTestApp, grant, makeUser, resetData, sessionFor } from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp({ RUN_WORKER: 'false' }));
});
afterAll(() => app.close());
beforeEach(() => resetData(app));

type Headers = Record<string, string>;

async function writer() {
  const user = await makeUser(app);
  const { headers } = await sessionFor(app, user.id);
  return { user, headers };
}

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 40 } } })
    .png()
    .toBuffer();

async function upload(userId: number, width = 1200, height = 800): Promise<Upload> {
  return app.uploadService.create(userId, await picture(width, height));
}

async function created(headers: Headers, payload: Record<string, unknown>): Promise<MyBlog> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/blogs', headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data;
}

const references = (blogId: number) => app.uploadService.referencesOf('blog', blogId);

describe('blog covers and pictures', () => {
  it('shows the cover in every size on the blog, in the lists and to its author', async () => {
    const { user, headers } = await writer();
    const cover = await upload(user.id);
    const blog = await created(headers, {
      title: 'With a cover',
      content: 'Words.',
      status: 'published',
      coverId: cover.id,
    });
    expect(blog.cover).toEqual(cover);
    expect(blog.cover?.variants.map((v) => v.width)).toEqual([400, 800, 1200]);

    const list = (await app.inject({ method: 'GET', url: '/api/v1/blogs' })).json()
      .data as BlogPage;
    expect(list.items[0]).toMatchObject({ id: blog.id, cover: { id: cover.id } });
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` })).json()
      .data;
    expect(detail.cover.variants).toEqual(cover.variants);
    const mine = (await app.inject({ method: 'GET', url: '/api/v1/me/blogs', headers })).json()
      .data;
    expect(mine.items[0].cover.id).toBe(cover.id);

    // Without one, `cover` is null.
    const plain = await created(headers, { title: 'Plain', status: 'published' });
    expect(plain.cover).toBeNull();
  });

  it("refuses someone else's upload or a missing one as the cover, field by field", async () => {
    const { headers } = await writer();
    const other = await makeUser(app);
    const theirs = await upload(other.id, 500, 500);
    for (const coverId of [theirs.id, theirs.id + 1000]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/blogs',
        headers: { ...headers, 'accept-language': 'en' },
        payload: { title: 'Borrowed', coverId },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: { coverId: 'Choose a picture you uploaded yourself.' },
      });
    }
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/blogs',
      headers,
      payload: { title: 'Odd', coverId: 'seven' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toHaveProperty('coverId');
  });

  it("takes a moderator's own upload as the cover of someone else's blog, and nobody else's", async () => {
    const author = await writer();
    const blog = await created(author.headers, { title: 'Needs a cover', status: 'published' });
    const moderator = await writer();
    await grant(app, moderator.user.id, 'content.moderate');
    const stranger = await makeUser(app);
    const strangers = await upload(stranger.id, 500, 500);
    const edit = (coverId: number) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/blogs/${blog.id}`,
        headers: moderator.headers,
        payload: { coverId },
      });
    expect((await edit(strangers.id)).statusCode).toBe(422);

    const picked = await upload(moderator.user.id, 900, 600);
    const res = await edit(picked.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.cover).toEqual(picked);
    expect(await references(blog.id)).toContain(picked.id);
    const shown = (await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` })).json();
    expect(shown.data.cover.id).toBe(picked.id);
  });

  it('keeps the cover and the pictures in the text referenced, and lets go of what it drops', async () => {
    const { user, headers } = await writer();
    const [cover, inline, later] = await Promise.all([
      upload(user.id),
      upload(user.id, 600, 400),
      upload(user.id, 700, 500),
    ]);
    const blog = await created(headers, {
      title: 'Pictures',
      content: `Look: ![a cat](${inline.variants[0]!.url})`,
      coverId: cover.id,
    });
    expect(await references(blog.id)).toEqual([cover.id, inline.id].sort((a, b) => a - b));

    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/blogs/${blog.id}`,
      headers,
      payload: { coverId: null, content: `Now: <img src="${later.url}" alt="">` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.cover).toBeNull();
    expect(await references(blog.id)).toEqual([later.id]);
  });

  it('drops the references of a blog the trash purge deletes', async () => {
    const { user, headers } = await writer();
    const cover = await upload(user.id);
    const blog = await created(headers, { title: 'Going', coverId: cover.id });
    await app.inject({ method: 'DELETE', url: `/api/v1/blogs/${blog.id}`, headers });
    expect(await references(blog.id)).toEqual([cover.id]);

    const purged = await purgeTrashedBlogs(app.db, app.counts, app.searchIndex, {
      now: new Date(Date.now() + 31 * 86_400_000),
      onPurged: async (ids) => {
        for (const id of ids) await app.uploadService.setReferences('blog', id, []);
      },
    });
    expect(purged).toBe(1);
    expect(await references(blog.id)).toEqual([]);
  });
});
