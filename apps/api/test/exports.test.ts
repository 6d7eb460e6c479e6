import { once } from 'node:events';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { ADMIN_USER_SORTS, PERMISSIONS, type Permission } from '@folio/schema';
import { and, desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { auditLog, blogs, comments, users } from '../src/db/schema';
import { createAdminUserRepository } from '../src/modules/admin-users/repository';
import { createExportRepository } from '../src/modules/exports/repository';
import { createExportService, EXPORT_BATCH } from '../src/modules/exports/service';
import {
  buildTestApp,
  grant,
  makeAuthor,
  makeBlog,
  makeUser,
  sessionFor,
  waitFor,
} from './helpers';

let app: App;
let staff: Record<string, string>;
beforeAll(async () => {
  ({ app } = await buildTestApp());
  const user = await makeUser(app);
  await grant(app, user.id, ...PERMISSIONS);
  staff = (await sessionFor(app, user.id)).headers;
});
afterAll(() => app.close());

const tagOf = () => `x${Math.random().toString(36).slice(2, 9)}`;

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field, 'the file ends with a line break').toBe('');
  return rows;
}

const TSV_UNESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', '\\': '\\' };
function parseTsv(text: string): string[][] {
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => line.split('\t').map((f) => f.replace(/\\(.)/g, (_, c) => TSV_UNESCAPES[c]!)));
}

async function readXlsx(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  }
  return rows;
}

type Format = 'csv' | 'tsv' | 'xlsx';

async function exported(
  path: string,
  {
    headers = staff,
    language = 'en',
  }: { headers?: Record<string, string>; language?: string } = {},
) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/admin/exports/${path}`,
    headers: { ...headers, 'accept-language': language },
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const format = /format=(\w+)/.exec(path)![1] as Format;
  const raw = res.rawPayload;
  let rows: unknown[][];
  if (format === 'xlsx') rows = await readXlsx(raw);
  else {
    const text = raw.toString('utf8');
    expect(text.startsWith('\uFEFF'), 'a byte order mark first').toBe(true);
    rows = format === 'csv' ? parseCsv(text.slice(1)) : parseTsv(text.slice(1));
  }
  return { res, header: rows[0] as string[], rows: rows.slice(1) };
}

const FORMATS: Format[] = ['csv', 'tsv', 'xlsx'];
/** A cell as CSV and TSV carry it (text), or XLSX (its number). */
const cell = (format: Format, value: number) => (format === 'xlsx' ? value : String(value));

describe('exports', () => {
  it('blogs follow the filter, the sort and a selection, in every format', async () => {
    const author = await makeAuthor(app, { name: `Writer ${tagOf()}` });
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await makeBlog(app, author.id, {
          status: i === 4 ? 'draft' : 'published',
          pubDate: new Date(Date.UTC(2021, 0, 10 - i)),
        }),
      );
    }
    for (const format of FORMATS) {
      const all = await exported(`blogs?format=${format}&authorId=${author.id}`);
      expect(all.res.headers['x-export-rows']).toBe('5');
      expect(all.rows.map((r) => r[0])).toEqual(made.map((b) => cell(format, b.id)).reverse());

      const published = await exported(
        `blogs?format=${format}&authorId=${author.id}&status=published&sort=pubDate`,
      );
      expect(published.res.headers['x-export-rows']).toBe('4');
      expect(published.rows.map((r) => r[0])).toEqual(
        made
          .slice(0, 4)
          .map((b) => cell(format, b.id))
          .reverse(),
      );
      expect(published.rows[0]!.slice(3, 7)).toEqual([
        author.name,
        'published',
        format === 'xlsx' ? false : 'false',
        '2021-01-07T00:00:00.000Z',
      ]);

      // A selection takes the place of the filter (this one would match none of them).
      const chosen = await exported(
        `blogs?format=${format}&ids=${made[3]!.id},${made[1]!.id}&status=trashed&sort=-pubDate`,
      );
      expect(chosen.res.headers['x-export-rows']).toBe('2');
      expect(chosen.rows.map((r) => r[0])).toEqual(
        [made[1]!.id, made[3]!.id].map((id) => cell(format, id)),
      );
    }
  });

  it('users, comments and the audit log follow their filters and selections', async () => {
    const tag = tagOf();
    const people = [
      await makeUser(app, { nickname: `${tag} b`, email: `${tag}-b@example.test` }),
      await makeUser(app, { nickname: `${tag} a`, status: 'locked' }),
      await makeUser(app, { nickname: `${tag} c` }),
    ];
    await grant(app, people[0]!.id, 'stats.read');
    const author = await makeAuthor(app);
    const blog = await makeBlog(app, author.id, { title: `On ${tag}` });
    const [first] = await app.db.insert(comments).values({
      blogId: blog.id,
      userId: people[0]!.id,
      body: 'first',
    });
    await app.db.insert(comments).values({
      blogId: blog.id,
      userId: people[1]!.id,
      body: 'gone',
      deletedAt: new Date(),
    });
    await app.db.insert(auditLog).values(
      people.map((p) => ({
        action: 'user.locked' as const,
        targetType: 'user' as const,
        targetId: `${p.id}`,
      })),
    );

    for (const format of FORMATS) {
      const byName = await exported(`users?format=${format}&q=${tag}&sort=nickname`);
      expect(byName.rows.map((r) => r[1])).toEqual([`${tag} a`, `${tag} b`, `${tag} c`]);
      expect(byName.rows[1]!.slice(2, 6)).toEqual([
        `${tag}-b@example.test`,
        format === 'xlsx' ? undefined : '',
        'active',
        expect.stringMatching(/^Test /),
      ]);
      const locked = await exported(`users?format=${format}&q=${tag}&status=locked`);
      expect(locked.rows.map((r) => r[0])).toEqual([cell(format, people[1]!.id)]);
      const chosen = await exported(`users?format=${format}&ids=${people[2]!.id},${people[0]!.id}`);
      expect(chosen.res.headers['x-export-rows']).toBe('2');
      expect(chosen.rows.map((r) => r[0])).toEqual(
        [people[2]!.id, people[0]!.id].map((id) => cell(format, id)),
      );

      const onBlog = await exported(`comments?format=${format}&blogId=${blog.id}`);
      expect(onBlog.rows.map((r) => [r[6] ?? '', r[7]])).toEqual([
        ['gone', 'deleted'],
        ['first', 'visible'],
      ]);
      expect(onBlog.rows[1]!.slice(1, 5)).toEqual([
        cell(format, blog.id),
        `On ${tag}`,
        cell(format, people[0]!.id),
        `${tag} b`,
      ]);
      const visible = await exported(`comments?format=${format}&blogId=${blog.id}&status=visible`);
      expect(visible.rows.map((r) => r[0])).toEqual([cell(format, first.insertId)]);

      const targeted = await exported(
        `audit?format=${format}&targetType=user&targetId=${people[1]!.id}`,
      );
      expect(targeted.res.headers['x-export-rows']).toBe('1');
      expect(targeted.rows[0]!.slice(2, 7)).toEqual([
        'user.locked',
        format === 'xlsx' ? undefined : '',
        format === 'xlsx' ? undefined : '',
        'user',
        `${people[1]!.id}`,
      ]);
    }
  });

  it('keeps commas, quotes, line breaks, tabs and Chinese, and neutralizes formulas', async () => {
    const author = await makeAuthor(app, { name: '作者, "甲"' });
    const titles = [
      'Comma, "quoted" and\nnew line\r\nand CRLF',
      '中文标题：老人与海',
      'tab\there \\ backslash',
      '=HYPERLINK("http://evil.test","click")',
      '+1+2',
      '-3',
      '@SUM(A1)',
      '\tstarts with a tab',
      '\rstarts with a return',
      'safe = not at the start',
    ];
    const made = [];
    for (const title of titles) made.push(await makeBlog(app, author.id, { title }));
    const expected = [
      titles[0],
      titles[1],
      titles[2],
      `'${titles[3]}`,
      "'+1+2",
      "'-3",
      "'@SUM(A1)",
      `'${titles[7]}`,
      `'${titles[8]}`,
      titles[9],
    ];
    for (const format of FORMATS) {
      const { rows } = await exported(`blogs?format=${format}&authorId=${author.id}&sort=id`);
      expect(rows.map((r) => r[1])).toEqual(expected);
      expect(rows.map((r) => r[3])).toEqual(titles.map(() => '作者, "甲"'));
      // Ids are numbers in XLSX, never neutralized text.
      expect(rows.map((r) => r[0])).toEqual(made.map((b) => cell(format, b.id)));
    }
    const csv = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/exports/blogs?format=csv&authorId=${author.id}&sort=id`,
      headers: staff,
    });
    expect(csv.body).toContain('"Comma, ""quoted"" and\nnew line\r\nand CRLF"');
    const tsv = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/exports/blogs?format=tsv&authorId=${author.id}&sort=id`,
      headers: staff,
    });
    expect(tsv.body).toContain('tab\\there \\\\ backslash');
    expect(tsv.body.split('\n')).toHaveLength(titles.length + 2);
  });

  it('round-trips an XLSX through exceljs: numbers, flags, text and empty cells', async () => {
    const author = await makeAuthor(app, { name: 'Excel' });
    const blog = await makeBlog(app, author.id, {
      title: 'A <b>&amp;</b> title with \u0007 a bell',
      featured: true,
      viewCount: 42,
      pubDate: new Date('2016-01-11T11:01:05.123Z'),
    });
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/exports/blogs?format=xlsx&authorId=${author.id}`,
      headers: staff,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['blogs']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(blog.id);
    expect(row.getCell(2).value).toBe('A <b>&amp;</b> title with \ufffd a bell');
    expect(row.getCell(6).value).toBe(true);
    expect(row.getCell(7).value).toBe('2016-01-11T11:01:05.123Z');
    expect(row.getCell(8).value).toBe(42);
    expect(row.getCell(12).value).toBeNull();
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it('names columns in the reader’s language and the file by the date, with its types', async () => {
    const zh = await exported('users?format=csv&ids=1', { language: 'zh-CN,zh;q=0.9' });
    expect(zh.header.slice(0, 3)).toEqual(['ID', '昵称', '邮箱']);
    const en = await exported('users?format=csv&ids=1');
    expect(en.header.slice(0, 3)).toEqual(['ID', 'Nickname', 'Email']);
    const day = new Date().toISOString().slice(0, 10);
    expect(en.res.headers['content-disposition']).toBe(
      `attachment; filename="folio-users-${day}.csv"; filename*=UTF-8''folio-users-${day}.csv`,
    );
    expect(en.res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(en.res.headers['content-length']).toBeUndefined();
    const zhAudit = await exported('audit?format=xlsx&ids=1', { language: 'zh-CN' });
    expect(zhAudit.header).toEqual([
      'ID',
      '时间（UTC）',
      '操作',
      '操作人 ID',
      '操作人',
      '对象类型',
      '对象 ID',
      'IP',
      '用户代理',
      '修改前',
      '修改后',
    ]);
    expect(zhAudit.res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const tsv = await exported('comments?format=tsv&ids=1');
    expect(tsv.res.headers['content-type']).toBe('text/tab-separated-values; charset=utf-8');
    expect(tsv.res.headers['content-disposition']).toContain(`folio-comments-${day}.tsv`);
  });

  it('needs exports.run and the permission that reads the kind', async () => {
    const needs: Record<string, Permission> = {
      users: 'users.read',
      blogs: 'content.moderate',
      comments: 'content.moderate',
      audit: 'audit.read',
    };
    for (const [kind, reads] of Object.entries(needs)) {
      const cases: [Permission[], number][] = [
        [PERMISSIONS.filter((p) => p !== 'exports.run'), 403],
        [PERMISSIONS.filter((p) => p !== reads), 403],
        [['exports.run', reads], 200],
      ];
      for (const [held, status] of cases) {
        const user = await makeUser(app);
        await grant(app, user.id, ...held);
        const { headers } = await sessionFor(app, user.id);
        const res = await app.inject({
          method: 'GET',
          url: `/api/v1/admin/exports/${kind}?format=csv&ids=1`,
          headers,
        });
        expect(res.statusCode, `${kind} holding ${held.join(' ')}`).toBe(status);
        if (status === 403) expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    const doc = app.swagger() as unknown as {
      paths: Record<string, { get: { 'x-permission': unknown; description: string } }>;
    };
    const users = doc.paths['/api/v1/admin/exports/users']!.get;
    expect(users['x-permission']).toEqual(['exports.run', 'users.read']);
    expect(users.description).toMatch(/^Needs the permissions `exports.run` and `users.read`\./);
  });

  it('records each export in the audit log', async () => {
    const user = await makeUser(app);
    await grant(app, user.id, 'exports.run', 'content.moderate');
    const { headers } = await sessionFor(app, user.id);
    const author = await makeAuthor(app);
    await makeBlog(app, author.id);
    await exported(`blogs?format=xlsx&authorId=${author.id}&status=published`, { headers });
    await exported(`blogs?format=csv&ids=7,3`, { headers });
    const entries = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.actorId, user.id)))
      .orderBy(desc(auditLog.id));
    expect(entries.map((e) => e.after)).toEqual([
      { kind: 'blogs', format: 'csv', filter: { ids: [7, 3] }, rows: expect.any(Number) },
      {
        kind: 'blogs',
        format: 'xlsx',
        filter: { authorId: author.id, status: 'published' },
        rows: 1,
      },
    ]);
    expect(entries[0]!.userAgent).toBeTruthy();
  });

  it('refuses a bad query with a message per field', async () => {
    const cases: [string, string][] = [
      ['users', 'format'],
      ['users?format=pdf', 'format'],
      ['users?format=csv&sort=email', 'sort'],
      ['blogs?format=csv&ids=1,x', 'ids'],
      ['blogs?format=csv&ids=0', 'ids'],
      [`comments?format=csv&ids=${Array.from({ length: 1001 }, (_, i) => i + 1).join(',')}`, 'ids'],
      ['audit?format=tsv&from=yesterday', 'from'],
      ['blogs?format=xlsx&featured=maybe', 'featured'],
    ];
    for (const [path, field] of cases) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/admin/exports/${path}`,
        headers: { ...staff, 'accept-language': 'zh-CN' },
      });
      expect(res.statusCode, path).toBe(422);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.json().errors), path).toEqual([field]);
    }
    const ids = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/exports/blogs?format=csv&ids=1,,2',
      headers: staff,
    });
    expect(ids.json().errors.ids).toBe('Give up to 1000 ids, separated by commas.');
  });

  it('reads in batches along the sort’s order and its index, whatever the batch size', async () => {
    // A registration day of their own, so the filter needs no search and each sort its index.
    const day = new Date(Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 9000) * 86_400_000);
    const registered = day.toISOString().slice(0, 10);
    for (let i = 0; i < 7; i++) {
      const user = await makeUser(app, { nickname: `${tagOf().slice(0, 2)} ${i % 3}` });
      // Some never logged in; others share a login or registration time, which the id orders.
      const lastLoginAt = i % 3 === 0 ? null : new Date(Date.UTC(2022, 0, 1 + (i % 2)));
      const createdAt = new Date(day.getTime() + (i % 2) * 3_600_000);
      await app.db.update(users).set({ lastLoginAt, createdAt }).where(eq(users.id, user.id));
    }
    const repo = createExportRepository(app.db, app.pool);
    const ids = async (source: ReturnType<typeof repo.users>, size: number) => {
      const out: number[] = [];
      for await (const batch of source.batches(size)) out.push(...batch.map((r) => r[0] as number));
      return out;
    };
    for (const sort of ADMIN_USER_SORTS) {
      for (const status of [undefined, 'active'] as const) {
        const params = {
          format: 'csv' as const,
          registeredFrom: registered,
          registeredTo: registered,
          sort,
          status,
        };
        const whole = await ids(repo.users(params), 100);
        expect(whole).toHaveLength(7);
        const page = await app.adminUserService.list({ ...params, page: 1, perPage: 100 });
        expect(whole, `${sort} ${status} as the list`).toEqual(page.items.map((u) => u.id));
        for (const size of [1, 2, 3]) {
          expect(await ids(repo.users(params), size), `${sort} ${status} by ${size}`).toEqual(
            whole,
          );
        }
      }
    }
  });

  it('reads each batch through an index, in its order (EXPLAIN)', async () => {
    // A few rows of each, so the plans read tables that hold something.
    const author = await makeAuthor(app);
    const user = await makeUser(app);
    for (let i = 0; i < 3; i++) {
      const blog = await makeBlog(app, author.id);
      await app.db.insert(comments).values({ blogId: blog.id, userId: user.id, body: 'b' });
      await app.db.insert(auditLog).values({ action: 'login', actorId: user.id });
    }
    const repo = createExportRepository(app.db, app.pool);
    const plan = async (statement: { sql: string; params: unknown[] }) => {
      const [rows] = await app.pool.query(`EXPLAIN ${statement.sql}`, statement.params);
      return rows as { table: string; key: string | null; Extra: string }[];
    };
    const cases = [
      [
        repo.blogs({ format: 'csv', sort: '-pubDate' }),
        { value: '2020-01-01', id: 9 },
        'blogs_pub_idx',
      ],
      [
        repo.blogs({ format: 'csv', sort: 'pubDate', status: 'published' }),
        { value: '2020-01-01', id: 9 },
        'blogs_visible_pub_idx',
      ],
      [repo.blogs({ format: 'csv', sort: '-id' }), { value: 9, id: 9 }, 'PRIMARY'],
      [repo.comments({ format: 'csv', sort: '-id' }), { value: 9, id: 9 }, 'PRIMARY'],
      [repo.audit({ format: 'csv' }), { value: '2020-01-01', id: 9 }, 'audit_at_idx'],
      [
        repo.audit({ format: 'csv', action: 'login' }),
        { value: '2020-01-01', id: 9 },
        'audit_action_at_idx',
      ],
      [
        repo.users({ format: 'csv', sort: 'lastLoginAt', status: 'active' }),
        { value: null, id: 9 },
        'users_status_login_idx',
      ],
      [
        repo.users({ format: 'csv', sort: '-nickname' }),
        { value: 'm', id: 9 },
        'users_nickname_idx',
      ],
    ] as const;
    for (const [source, cursor, index] of cases) {
      for (const at of [null, cursor]) {
        const [first] = await plan(source.batchSql(at, EXPORT_BATCH));
        expect(first!.key, `${index} from ${JSON.stringify(at)}`).toBe(index);
        expect(first!.Extra).not.toMatch(/filesort/);
      }
    }
  });

  it('streams many rows in batches, and stops reading when the client goes away', async () => {
    const author = await makeAuthor(app);
    const total = EXPORT_BATCH * 2 + 123;
    await app.db.execute(sql`INSERT INTO ${blogs} (author_id, title, content, status, pub_date)
      SELECT ${author.id}, CONCAT('Bulk blog ', seq), '', 'published',
        TIMESTAMP('2020-01-01') + INTERVAL seq SECOND
      FROM seq_1_to_${sql.raw(String(total))}`);
    const full = await exported(`blogs?format=csv&authorId=${author.id}&sort=pubDate`);
    expect(full.res.headers['x-export-rows']).toBe(String(total));
    expect(full.rows).toHaveLength(total);
    expect(full.rows[0]![1]).toBe('Bulk blog 1');
    expect(full.rows[total - 1]![1]).toBe(`Bulk blog ${total}`);
    const xlsx = await exported(`blogs?format=xlsx&authorId=${author.id}`);
    expect(xlsx.rows).toHaveLength(total);

    // Over a real socket: the client reads the start of a file of some 15 MB, then hangs up.
    const wide = await makeAuthor(app);
    await app.db.execute(sql`INSERT INTO ${blogs} (author_id, title, content, status, pub_date)
      SELECT ${wide.id}, CONCAT(seq, REPEAT(' wide', 39)), '', 'published', TIMESTAMP('2020-01-01')
      FROM seq_1_to_60000`);
    const served = await buildTestApp();
    const bodies: Readable[] = [];
    const start = served.app.exportService.start;
    served.app.exportService.start = async (...args) => {
      const file = await start(...args);
      bodies.push(file.body);
      return file;
    };
    try {
      await served.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = served.app.server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}/api/v1/admin/exports/blogs?format=tsv&authorId=${wide.id}`;
      const res = await new Promise<IncomingMessage>((resolve, reject) =>
        get(url, { headers: staff }, resolve).on('error', reject),
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-export-rows']).toBe('60000');
      await once(res, 'data');
      res.destroy();
      await waitFor(() => bodies[0]?.destroyed, 'the export stream destroyed');
      expect(bodies[0]!.readableEnded, 'destroyed before its end').toBe(false);
      const pool = served.app.pool.pool as unknown as {
        _allConnections: { length: number };
        _freeConnections: { length: number };
      };
      await waitFor(
        () => pool._freeConnections.length === pool._allConnections.length,
        'every connection back in the pool',
      );
    } finally {
      await served.app.close();
    }
  }, 60_000);

  it('stops asking the database for batches once the file is closed', async () => {
    const author = await makeAuthor(app);
    await app.db.execute(sql`INSERT INTO ${blogs} (author_id, title, content, status, pub_date)
      SELECT ${author.id}, CONCAT('Few ', seq), '', 'published', TIMESTAMP('2020-01-01')
      FROM seq_1_to_100`);
    let statements = 0;
    const pool = new Proxy(app.pool, {
      get(target, key) {
        if (key === 'query') {
          return (...args: Parameters<typeof target.query>) => {
            statements += 1;
            return target.query(...args);
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const service = createExportService({
      repo: createExportRepository(app.db, pool),
      users: createAdminUserRepository(app.db),
      audit: app.audit,
      batchSize: 5,
    });
    const file = await service.start(
      { actorId: null, ip: null, userAgent: null },
      'blogs',
      { format: 'csv', sort: '-id', authorId: author.id },
      'en',
    );
    expect(file.rows).toBe(100);
    let atClose = -1;
    file.body.once('close', () => {
      atClose = statements;
    });
    for await (const _chunk of file.body) break;
    await waitFor(() => atClose >= 0, 'the file closed');
    // A batch read ahead may still arrive: it must not be completed (its authors looked up).
    await new Promise((done) => setTimeout(done, 200));
    expect(statements).toBe(atClose);
    // The whole file takes 20 batches of 5, each with a lookup of its authors' names.
    expect(atClose).toBeLessThan(20);
  });
});
