import type { AuthorPage } from '@folio/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp, makeAuthor, makeBlog, resetData } from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(() => app.close());
beforeEach(() => resetData(app));

async function list(query: string) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/authors${query}` });
  return { res, data: res.json().data as AuthorPage };
}

describe('GET /api/v1/authors', () => {
  it('lists authors with the number of their visible blogs', async () => {
    const mark = await makeAuthor(app, { name: 'Mark', email: 'mark@gmail.com', bio: 'Hi' });
    const lily = await makeAuthor(app, { name: 'Lily', email: 'lily@gmail.com' });
    await makeBlog(app, mark.id);
    await makeBlog(app, mark.id);
    await makeBlog(app, mark.id, { status: 'draft' });
    await makeBlog(app, mark.id, { deletedAt: new Date() });
    const { res, data } = await list('');
    expect(res.statusCode).toBe(200);
    expect(data).toMatchObject({ page: 1, perPage: 20, total: 2, pages: 1 });
    expect(data.items).toEqual([
      {
        id: mark.id,
        name: 'Mark',
        bio: 'Hi',
        blogCount: 2,
        createdAt: expect.stringMatching(/Z$/),
      },
      expect.objectContaining({ id: lily.id, blogCount: 0, bio: null }),
    ]);
  });

  it('searches names literally, never the unpublished addresses', async () => {
    const mark = await makeAuthor(app, { name: 'Mark', email: 'mark@gmail.com' });
    const tom = await makeAuthor(app, { name: 'T_m', email: 'tom@example.com' });
    await makeAuthor(app, { name: 'Tim', email: 'tim@example.com' });
    expect((await list('?q=MARK')).data.items.map((a) => a.id)).toEqual([mark.id]);
    expect((await list('?q=t_m')).data.items.map((a) => a.id)).toEqual([tom.id]);
    expect((await list('?q=gmail')).data.total).toBe(0);
    expect((await list('?q=%25')).data.total).toBe(0);
  });

  it('never publishes an author’s email, in the list or the detail', async () => {
    const author = await makeAuthor(app, { name: 'Private', email: 'private-author@gmail.com' });
    const listed = await app.inject({ method: 'GET', url: '/api/v1/authors' });
    const detail = await app.inject({ method: 'GET', url: `/api/v1/authors/${author.id}` });
    for (const res of [listed, detail]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('private-author@gmail.com');
      expect(res.body).not.toContain('"email"');
    }
    expect(detail.json().data).toMatchObject({ id: author.id, name: 'Private' });
  });

  it('pages through authors and rejects a bad perPage', async () => {
    for (let i = 0; i < 3; i++) await makeAuthor(app);
    const { data } = await list('?perPage=2&page=2');
    expect(data).toMatchObject({ total: 3, pages: 2, page: 2 });
    expect(data.items).toHaveLength(1);
    const bad = await list('?perPage=1000');
    expect(bad.res.statusCode).toBe(422);
    expect(bad.res.json().errors).toHaveProperty('perPage');
  });
});

describe('GET /api/v1/authors/:id', () => {
  it('returns one author, or a 404 envelope', async () => {
    const author = await makeAuthor(app, { name: 'Jacob' });
    await makeBlog(app, author.id);
    const res = await app.inject({ method: 'GET', url: `/api/v1/authors/${author.id}` });
    expect(res.json().data).toMatchObject({ id: author.id, name: 'Jacob', blogCount: 1 });
    const missing = await app.inject({ method: 'GET', url: '/api/v1/authors/424242' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', msg: 'No such author.' });
    const bad = await app.inject({ method: 'GET', url: '/api/v1/authors/x' });
    expect(bad.statusCode).toBe(422);
  });
});
