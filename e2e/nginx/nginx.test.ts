import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The production build behind Debian's nginx, configured by nginx/nginx.conf and
// nginx/templates/folio.conf.template rendered as the nginx image's entrypoint would.

const repo = fileURLToPath(new URL('../../', import.meta.url));
const webDist = join(repo, 'apps/web/dist');
const apiBundle = join(repo, 'apps/api/dist/server.js');
const eventsBundle = join(repo, 'apps/api/dist/events.js');
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const ONE_YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';
const NGINX_ID = /^[0-9a-f]{32}$/;
const EVENTS_READ_TIMEOUT_S = 2;
const API_DATABASE_URL = 'mysql://root@127.0.0.1:3306/folio_nginx_test';
const API_REDIS_URL = 'redis://127.0.0.1:6379/13';

interface Child {
  name: string;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let workDir: string | undefined;
let api: Child | undefined;
let events: Child | undefined;
let nginx: Child | undefined;
let nginxArgs = { test: [] as string[], run: [] as string[] };
let port = 0;
let accessLog = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Spawns in its own process group so the group (nginx's workers too) can be ended together. */
function start(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdout: 'pipe' | number = 'pipe',
): Child {
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', stdout, 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', (err) => {
      keep(Buffer.from(String(err)));
      resolve(null);
    });
    child.on('exit', (code) => resolve(code));
  });
  return { name, process: child, output: () => output, exited };
}

async function stop(child: Child | undefined) {
  if (!child || child.process.pid === undefined) return;
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const group = -child.process.pid;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(group, signal);
    } catch {
      // already gone
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 5_000);
  await child.exited;
  clearTimeout(timer);
  // nginx's workers outlive a master that died hard; make sure none is left.
  kill('SIGKILL');
}

async function waitFor(child: Child, url: string) {
  const deadline = Date.now() + 60_000;
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${child.name} exited (${exitCode}) before answering:\n${child.output()}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${child.name} did not answer ${url} within 60 s:\n${child.output()}`);
}

/** node:http, not fetch: fetch would decode gzip and hide what nginx actually sent. */
function request(
  path: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: OutgoingHttpHeaders } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Announces a body of `length` bytes and sends none of it: nginx must refuse on the header alone. */
function announceUpload(path: string, length: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(length) },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

/**
 * Sends `raw` bytes as they are (node:http would refuse to send a malformed request) and reads
 * the answer until nginx closes the connection.
 */
function rawRequest(raw: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const answer = Buffer.concat(chunks);
      const split = answer.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = answer
        .subarray(0, split)
        .toString('latin1')
        .split('\r\n');
      const headers: IncomingHttpHeaders = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0);
      resolve({ status, headers, body: answer.subarray(split + 4) });
    });
    socket.end(raw);
  });
}

function json(reply: Reply) {
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(reply.body.toString('utf8'));
}

function expectSecurityHeaders(headers: IncomingHttpHeaders) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers.server).toBe('nginx');
}

async function renderConfig(dir: string, listen: string, upstream: string, eventsUpstream: string) {
  const template = await readFile(join(repo, 'nginx/templates/folio.conf.template'), 'utf8');
  const values: Record<string, string> = {
    FOLIO_LISTEN: listen,
    FOLIO_SPA_ROOT: webDist,
    FOLIO_API_UPSTREAM: upstream,
    FOLIO_EVENTS_UPSTREAM: eventsUpstream,
  };
  const site = template
    .replace(/\$\{(\w+)\}/g, (token, name: string) => {
      const value = values[name];
      if (value === undefined)
        throw new Error(`the nginx template uses ${token}, which is not set`);
      return value;
    })
    // The event stream waits an hour for the next byte; here 2 s, so that a test can see the
    // heartbeats keep a stream open past it.
    .replace(
      /(location = \/api\/v1\/events \{[^}]*proxy_read_timeout )1h;/,
      `$1${EVENTS_READ_TIMEOUT_S}s;`,
    );
  if (!site.includes(`proxy_read_timeout ${EVENTS_READ_TIMEOUT_S}s;`)) {
    throw new Error('the event stream location has no proxy_read_timeout 1h to shorten');
  }
  await mkdir(join(dir, 'conf.d'));
  await copyFile(join(repo, 'nginx/nginx.conf'), join(dir, 'nginx.conf'));
  await writeFile(join(dir, 'conf.d/folio.conf'), site);
  const tempPaths = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `${kind}_temp_path ${join(dir, kind)};\n`)
    .join('');
  await writeFile(join(dir, 'conf.d/00-temp-paths.conf'), tempPaths);
  const main = `pid ${join(dir, 'nginx.pid')};${workerUser()}`;
  const args = ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  return { test: ['-t', ...args, '-g', main], run: [...args, '-g', `${main} daemon off;`] };
}

/**
 * Started as root, nginx's workers would drop to its compiled-in user, who may not reach a clone
 * in a private folder (`mktemp -d`) or this test's temp dir: they run as the invoking user instead.
 * Anyone else's nginx cannot switch users, and its workers are that user already.
 */
function workerUser(): string {
  if (process.getuid?.() !== 0) return '';
  const id = (flag: string) => spawnSync('id', [flag], { encoding: 'utf8' }).stdout.trim();
  return ` user ${id('-un')} ${id('-gn')};`;
}

async function indexHtml() {
  return readFile(join(webDist, 'index.html'), 'utf8');
}

async function builtAssets(): Promise<string[]> {
  return [...(await indexHtml()).matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  );
}

beforeAll(async () => {
  for (const [path, what] of [
    [join(webDist, 'index.html'), 'the SPA build (apps/web/dist)'],
    [apiBundle, 'the API build (apps/api/dist/server.js)'],
    [eventsBundle, 'the events process build (apps/api/dist/events.js)'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${what} is missing: run \`pnpm build\` first`);
  }

  // A database of the run's own: the API migrates and seeds it from nothing at start.
  const server = await mysql.createConnection({ uri: 'mysql://root@127.0.0.1:3306' });
  await server.query(`DROP DATABASE IF EXISTS \`${new URL(API_DATABASE_URL).pathname.slice(1)}\``);
  await server.end();

  workDir = await mkdtemp(join(tmpdir(), 'folio-nginx-'));
  const apiPort = await freePort();
  const apiEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    MAIL_TRANSPORT: 'outbox',
    SMS_TRANSPORT: 'outbox',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    DATABASE_URL: API_DATABASE_URL,
    // Its own Redis database, so totals cached by other runs on other databases stay out.
    REDIS_URL: API_REDIS_URL,
    JWT_SECRET: 'nginx-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
    LOG_LEVEL: 'warn',
    // Its own uploads folder: the default one is shared with a dev server and the e2e server.
    UPLOADS_DIR: join(workDir, 'uploads'),
    TRUST_PROXY: 'true',
    // The build, as in the Docker image: the API fills in the shell of shared pages (blogs,
    // authors, tags); every other SPA byte below must come from nginx.
    WEB_DIST: webDist,
    MIGRATE_ON_START: 'true',
    SEED_ON_EMPTY: 'true',
    // Several heartbeats within the read timeout the event stream gets here (see renderConfig).
    SSE_HEARTBEAT_MS: '500',
  };
  api = start('the API', process.execPath, ['--enable-source-maps', apiBundle], apiEnv);
  await waitFor(api, `http://127.0.0.1:${apiPort}/api/v1/health/ready`);
  // The event streams go to the events process, as in docker/compose.yml.
  const eventsPort = await freePort();
  events = start('the events process', process.execPath, ['--enable-source-maps', eventsBundle], {
    ...apiEnv,
    PORT: String(eventsPort),
  });
  await waitFor(events, `http://127.0.0.1:${eventsPort}/api/v1/health/live`);

  port = await freePort();
  nginxArgs = await renderConfig(
    workDir,
    `127.0.0.1:${port}`,
    `127.0.0.1:${apiPort}`,
    `127.0.0.1:${eventsPort}`,
  );
  // The config logs requests to /dev/stdout (the container's log); here that is a file to read.
  accessLog = join(workDir, 'access.log');
  const accessLogFd = openSync(accessLog, 'a');
  nginx = start('nginx', NGINX, nginxArgs.run, { PATH: process.env.PATH }, accessLogFd);
  closeSync(accessLogFd);
  await waitFor(nginx, `http://127.0.0.1:${port}/index.html`);
});

afterAll(async () => {
  await Promise.all([stop(nginx), stop(api), stop(events)]);
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('nginx in front of the built SPA and API', () => {
  it('accepts the rendered config (nginx -t)', () => {
    const result = spawnSync(NGINX, nginxArgs.test, {
      encoding: 'utf8',
      // nginx opens /dev/stdout for the access log, which a pipe or socket may not allow.
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    expect(result.stderr).toContain('test is successful');
    expect(result.status).toBe(0);
  });

  it('serves index.html at / uncached, with the security headers', async () => {
    const reply = await request('/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body.toString('utf8')).toBe(await indexHtml());
    expect(reply.headers['cache-control']).toContain('no-cache');
    expectSecurityHeaders(reply.headers);
    const csp = reply.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(reply.headers['x-request-id']).toMatch(NGINX_ID);
  });

  it('answers client routes with the SPA shell (history fallback)', async () => {
    for (const path of ['/blogs', '/authors', '/account/profile?tab=1', '/blogs/1/edit', '/a.b']) {
      const reply = await request(path);
      expect(reply.status, path).toBe(200);
      expect(reply.body.toString('utf8'), path).toBe(await indexHtml());
      expect(reply.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year and gzips js and css', async () => {
    const assets = await builtAssets();
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const reply = await request(asset, { headers: { 'accept-encoding': 'gzip' } });
      expect(reply.status, asset).toBe(200);
      expect(reply.headers['cache-control'], asset).toBe(ONE_YEAR_IMMUTABLE);
      expect(reply.headers['content-encoding'], asset).toBe('gzip');
      expect(reply.headers.vary, asset).toContain('Accept-Encoding');
      expect(reply.headers['x-content-type-options'], asset).toBe('nosniff');
      const original = await readFile(join(webDist, asset));
      expect(gunzipSync(reply.body).equals(original), asset).toBe(true);
    }
  });

  it("passes a blog's page to the API: the shell with its share tags, from nginx's headers", async () => {
    const list = json(await request('/api/v1/blogs?perPage=1'));
    const blog = list.data.items[0] as { id: number; title: string; author: { id: number } };
    const reply = await request(`/blogs/${blog.id}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(reply.headers);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    const head = parseHtml(reply.body.toString('utf8')).querySelector('head')!;
    const meta = (key: string) =>
      head.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
    expect(meta('og:title')).toBe(blog.title);
    expect(meta('og:type')).toBe('article');
    expect(meta('og:url')).toMatch(new RegExp(`/blogs/${blog.id}$`));
    const ld = head.querySelector('script[type="application/ld+json"]');
    expect(JSON.parse(ld!.rawText)).toMatchObject({ '@type': 'BlogPosting', headline: blog.title });
    // The app's own script still loads from the shell, and its assets from nginx.
    const [asset] = await builtAssets();
    expect(reply.body.toString('utf8')).toContain(asset);

    for (const path of ['/blogs/987654321', '/authors/987654321', '/tags/no-such-tag']) {
      const missing = await request(path);
      expect(missing.status, path).toBe(404);
      expect(missing.body.toString('utf8'), path).toBe(await indexHtml());
    }
    const author = await request(`/authors/${blog.author.id}`);
    expect(author.status).toBe(200);
    expect(author.body.toString('utf8')).toContain(`/authors/${blog.author.id}/feed.xml`);
  });

  it('passes the feeds, sitemap and robots.txt to the API, with its caching, gzipped', async () => {
    const { data } = json(await request('/api/v1/blogs?perPage=1'));
    const newest = data.items[0] as { title: string; author: { id: number } };
    const xml = new XMLParser({ ignoreAttributes: false });
    for (const [path, type] of [
      ['/feed.xml', 'application/rss+xml'],
      ['/feed.atom', 'application/atom+xml'],
      [`/authors/${newest.author.id}/feed.xml`, 'application/rss+xml'],
      ['/sitemap.xml', 'application/xml'],
    ] as const) {
      const reply = await request(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type'], path).toBe(`${type}; charset=utf-8`);
      expect(reply.headers['cache-control'], path).toBe('public, max-age=300');
      expect(reply.headers.etag, path).toBeTruthy();
      expect(reply.headers['content-encoding'], path).toBe('gzip');
      const body = gunzipSync(reply.body).toString('utf8');
      expect(XMLValidator.validate(body), path).toBe(true);
      const doc = xml.parse(body);
      if (path.endsWith('.xml') && path !== '/sitemap.xml') {
        const items = [doc.rss.channel.item].flat();
        expect(items[0].title, path).toBe(newest.title);
      }
      const again = await request(path, { headers: { 'if-none-match': reply.headers.etag! } });
      expect(again.status, path).toBe(304);
    }
    const robots = await request('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.body.toString('utf8')).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/m);
    const unknown = await request('/tags/no-such-tag/feed.xml');
    expect(unknown.status).toBe(404);
    expect(json(unknown).code).toBe('NOT_FOUND');
  });

  it("sends the build's own .gz files (gzip_static), index.html at client routes too", async () => {
    for (const [path, file] of [
      ...(await builtAssets()).map((asset) => [asset, asset] as const),
      ['/', 'index.html'],
      ['/account/a.b', 'index.html'],
    ] as const) {
      const reply = await request(path, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-encoding'], path).toBe('gzip');
      expect(reply.headers.vary, path).toContain('Accept-Encoding');
      // The very bytes the build wrote (gzip -9), not nginx's own gzip of the file.
      const precompressed = await readFile(join(webDist, `${file}.gz`));
      expect(reply.body.equals(precompressed), path).toBe(true);
      expect(reply.headers['content-length'], path).toBe(String(precompressed.length));
    }
  });

  it('sends assets uncompressed to a client that does not ask for gzip', async () => {
    const [asset] = await builtAssets();
    const reply = await request(asset!);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBeUndefined();
  });

  it('answers a missing hashed asset with 404, not the shell', async () => {
    const reply = await request('/assets/index-doesnotexist.js');
    expect(reply.status).toBe(404);
    expect(reply.headers['cache-control']).toBeUndefined();
  });

  it('proxies /api/ to the API: the seeded blogs in the envelope, with a request id', async () => {
    const reply = await request('/api/v1/blogs', { headers: { 'accept-encoding': 'gzip' } });
    expect(reply.status).toBe(200);
    const body = JSON.parse(gunzipSync(reply.body).toString('utf8'));
    expect(body.result).toBe(true);
    expect(body.data.total).toBe(10);
    expect(body.data.items.length).toBe(10);
    // nginx made the id, the API kept it and sent it back once.
    expect(reply.headers['x-request-id']).toMatch(NGINX_ID);
    expect(reply.headers['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(reply.headers['cache-control'] ?? '').not.toContain('immutable');
  });

  it("keeps the client's x-request-id all the way to the API", async () => {
    const id = 'nginx-test-0123456789';
    const found = await request('/api/v1/blogs?perPage=1', { headers: { 'x-request-id': id } });
    expect(found.status).toBe(200);
    expect(found.headers['x-request-id']).toBe(id);

    const missing = await request('/api/v1/blogs/987654321', { headers: { 'x-request-id': id } });
    expect(missing.status).toBe(404);
    expect(missing.headers['x-request-id']).toBe(id);
    expect(json(missing)).toMatchObject({ result: false, code: 'NOT_FOUND', requestId: id });
    await expect.poll(async () => readFile(accessLog, 'utf8')).toContain(`rid=${id}`);
  });

  it('refuses a body over the cap with 413 before it reaches the API', async () => {
    const reply = await announceUpload('/api/v1/anything', 11 * 1024 * 1024);
    expect(reply.status).toBe(413);
    expect(json(reply)).toMatchObject({ result: false, code: 'PAYLOAD_TOO_LARGE' });
    expect(reply.headers['x-request-id']).toMatch(NGINX_ID);
    expectSecurityHeaders(reply.headers);
  });

  it('passes /uploads/ to the API rather than answering with the SPA shell', async () => {
    const reply = await request('/uploads/avatars/1-missing.webp');
    expect(reply.status).toBe(404);
    expect(json(reply)).toMatchObject({ result: false, code: 'NOT_FOUND' });
  });

  it('serves the API docs through the proxy', async () => {
    const reply = await request('/api/openapi.json');
    expect(reply.status).toBe(200);
    expect(json(reply).openapi).toMatch(/^3\./);
  });

  it('answers a request nginx cannot read with a 400 envelope', async () => {
    const reply = await rawRequest(
      'GET /api/v1/blogs HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n',
    );
    expect(reply.status).toBe(400);
    expect(json(reply)).toEqual({
      result: false,
      code: 'BAD_REQUEST',
      msg: 'The request could not be read.',
      requestId: reply.headers['x-request-id'],
    });
    expect(reply.headers['x-request-id']).toMatch(NGINX_ID);
    expectSecurityHeaders(reply.headers);

    // Broken before the path was read: still an envelope when the path was the API's.
    const control = await rawRequest('GET /api/v1/bl\x01ogs HTTP/1.1\r\nHost: a\r\n\r\n');
    expect(control.status).toBe(400);
    expect(json(control)).toMatchObject({ result: false, code: 'BAD_REQUEST' });
  });

  it("answers a URI over nginx's limit with a 414 envelope", async () => {
    const path = `/api/v1/blogs?q=${'a'.repeat(9_000)}`;
    const reply = await rawRequest(`GET ${path} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`);
    expect(reply.status).toBe(414);
    const body = json(reply);
    expect(body).toEqual({
      result: false,
      code: 'URI_TOO_LONG',
      msg: 'The address is too long.',
      requestId: reply.headers['x-request-id'],
    });
    expect(reply.headers['x-request-id']).toMatch(NGINX_ID);
  });

  it("answers request headers over nginx's limit with a 431 envelope", async () => {
    const reply = await request('/api/v1/blogs', {
      headers: { 'accept-language': 'zh-CN', 'x-padding': 'a'.repeat(9_000) },
    });
    expect(reply.status).toBe(431);
    expect(json(reply)).toMatchObject({
      result: false,
      code: 'HEADERS_TOO_LARGE',
      msg: '请求头过大。',
      requestId: reply.headers['x-request-id'],
    });
  });

  it("keeps its own error pages for the SPA's paths", async () => {
    const long = await rawRequest(
      `GET /blogs?q=${'a'.repeat(9_000)} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`,
    );
    expect(long.status).toBe(414);
    expect(long.headers['content-type']).toMatch(/^text\/html/);
    const broken = await rawRequest('BLAH\r\n\r\n');
    expect(broken.status).toBe(400);
    expect(broken.headers['content-type']).toMatch(/^text\/html/);
  });

  it('keeps tokens out of the access log, and logs the rest', async () => {
    const secrets = [
      'oauth-code-0001',
      'oauth-state-0002',
      'reset-0003',
      'verify-0004',
      'confirm-0005',
    ];
    const visits: [string, OutgoingHttpHeaders?][] = [
      [`/api/v1/auth/oauth/github/callback?code=${secrets[0]}&state=${secrets[1]}`],
      [`/reset-password?token=${secrets[2]}`],
      [`/verify-email/?token=${secrets[3]}`],
      [`/Confirm-Email?token=${secrets[4]}`],
      // What the page's own requests carry along.
      [
        '/api/v1/blogs?perPage=2',
        { referer: `http://localhost/reset-password?token=${secrets[2]}` },
      ],
      ['/blogs?page=2&sort=-pubDate'],
    ];
    for (const [path, headers] of visits) await request(path, { headers });
    await expect
      .poll(async () => readFile(accessLog, 'utf8'))
      .toContain('"GET /blogs?page=2&sort=-pubDate HTTP/1.1" 200');
    const log = await readFile(accessLog, 'utf8');
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).toContain('"GET /api/v1/auth/oauth/github/callback?[redacted] HTTP/1.1"');
    expect(log).toContain('"GET /reset-password?[redacted] HTTP/1.1"');
    expect(log).toContain('"GET /verify-email/?[redacted] HTTP/1.1"');
    expect(log).toContain('"GET /Confirm-Email?[redacted] HTTP/1.1"');
    expect(log).toContain('"GET /api/v1/blogs?perPage=2 HTTP/1.1" 200');
    expect(log).toContain('"http://localhost/reset-password?[redacted]"');
  });

  it('streams Server-Sent Events unbuffered, kept open by heartbeats past the read timeout', async () => {
    const redis = new Redis(API_REDIS_URL);
    const db = mysql.createPool({ uri: API_DATABASE_URL, connectionLimit: 1 });
    const site = `http://127.0.0.1:${port}/api/v1`;
    try {
      // An account made as a person makes one, through nginx: register, follow the mailed link.
      const email = `nginx-sse-${Date.now()}@example.test`;
      const captcha = (await (await fetch(`${site}/captcha`)).json()).data as { id: string };
      const registered = await fetch(`${site}/auth/register/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email,
          password: 'nginx sse password',
          nickname: 'SSE reader',
          captchaId: captcha.id,
          captchaText: await redis.get(`captcha:${captcha.id}`),
        }),
      });
      expect(registered.status, await registered.clone().text()).toBe(202);
      let mail = '';
      await expect
        .poll(
          async () => {
            const [rows] = await db.query('SELECT body FROM outbox_messages WHERE recipient = ?', [
              email,
            ]);
            mail = (rows as { body: string }[])[0]?.body ?? '';
            return mail;
          },
          { timeout: 15_000 },
        )
        .toContain('verify-email?token=');
      const token = decodeURIComponent(/verify-email\?token=([^\s"'<>]+)/.exec(mail)![1]!);
      const verified = await fetch(`${site}/auth/verify-email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      const auth = (await verified.json()).data as { accessToken: string; user: { id: number } };
      const ticketReply = await fetch(`${site}/events/ticket`, {
        method: 'POST',
        headers: { authorization: `Bearer ${auth.accessToken}` },
      });
      const { ticket } = (await ticketReply.json()).data as { ticket: string };

      let received = '';
      let ended = false;
      let heartbeats = 0;
      const req = http.get(
        { host: '127.0.0.1', port, path: `/api/v1/events?ticket=${ticket}` },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          expect(res.headers['content-encoding']).toBeUndefined();
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            received += chunk;
            heartbeats += chunk.split(': heartbeat').length - 1;
          });
          res.on('close', () => (ended = true));
        },
      );
      try {
        await expect.poll(() => received).toContain('retry:');
        // What another API process does for a new notification: publish it on the fan-out channel.
        const publish = (id: number) =>
          redis.publish(
            'live:folio_nginx_test',
            JSON.stringify({ userId: auth.user.id, event: 'notification', id, data: { id } }),
          );
        await publish(4_000_000_001);
        await expect
          .poll(() => received)
          .toContain('id: 4000000001\nevent: notification\ndata: {"id":4000000001}\n\n');
        expect(ended).toBe(false);

        // Heartbeats every 500 ms against nginx's 2 s: still open after three times that.
        const opened = Date.now();
        await expect
          .poll(() => heartbeats >= 12 && Date.now() - opened > 3 * EVENTS_READ_TIMEOUT_S * 1000, {
            timeout: 20_000,
          })
          .toBe(true);
        expect(ended).toBe(false);
        await publish(4_000_000_002);
        await expect.poll(() => received).toContain('id: 4000000002\n');
      } finally {
        req.destroy();
      }
      // The single-use ticket stays out of the access log.
      await expect
        .poll(async () => readFile(accessLog, 'utf8'))
        .toContain('/api/v1/events?[redacted]');
      expect(await readFile(accessLog, 'utf8')).not.toContain(ticket);
    } finally {
      redis.disconnect();
      await db.end();
    }
  });

  // Last: it stops the API.
  it("answers with a 502 UNAVAILABLE envelope, in the reader's language, when the API is down", async () => {
    await stop(api);
    const reply = await request('/api/v1/blogs', {
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(reply.status).toBe(502);
    const body = json(reply);
    expect(body).toMatchObject({ result: false, code: 'UNAVAILABLE' });
    expect(body.msg).toMatch(/[\u4e00-\u9fff]/);
    expect(body.requestId).toBe(reply.headers['x-request-id']);
    expect(reply.headers['x-request-id']).toMatch(NGINX_ID);

    const upload = await request('/uploads/avatars/1.webp');
    expect(upload.status).toBe(502);
    expect(json(upload)).toMatchObject({
      result: false,
      code: 'UNAVAILABLE',
      msg: 'The service is unavailable; try again shortly.',
    });
  });
});
