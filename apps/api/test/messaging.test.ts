import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '@folio/schema';
import { Queue } from 'bullmq';
import { desc, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { DEV_JWT_SECRET } from '../src/config';
import { createDb, createPool } from '../src/db/connection';
import { outboxMessages } from '../src/db/schema';
import { MAINTENANCE_QUEUE, PURGE_PENDING_ACCOUNTS } from '../src/modules/maintenance/jobs';
import { bullConnection, createNotifier, MESSAGING_QUEUE } from '../src/modules/messaging/queue';
import { openMessage, queueKey, sealMessage, UnsealError } from '../src/modules/messaging/sealed';
import {
  placeholders,
  render,
  TEMPLATES,
  toHtml,
  type TemplateName,
} from '../src/modules/messaging/templates';
import { httpSmsTransport, maskRecipient } from '../src/modules/messaging/transports';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env';
import { buildTestApp, outbox, uniquePhone, waitFor, waitForMessages } from './helpers';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
let unique = 0;
const uniqueEmail = () => `notify${++unique}-${Date.now()}@example.test`;

// A minimal MIME reader for what nodemailer writes: RFC 2047 headers, one level of multipart,
// base64 or quoted-printable parts.
function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!));
    }
  }
  return Buffer.from(bytes);
}

function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')).toString('utf8'),
    );
}

function parsePart(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody({ headers, body }: ReturnType<typeof parsePart>): string {
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body).toString('utf8');
  return body;
}

function parseMail(raw: string) {
  const top = parsePart(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers['content-type'] ?? '')?.[1];
  const parts = boundary
    ? top.body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((p) => parsePart(p.replace(/^\r\n/, '')))
    : [top];
  const part = (type: string) => {
    const found = parts.find((p) => p.headers['content-type']?.startsWith(type));
    return found && decodeBody(found);
  };
  return {
    from: top.headers.from ?? '',
    to: top.headers.to ?? '',
    subject: top.headers.subject ?? '',
    text: part('text/plain') ?? '',
    html: part('text/html') ?? '',
  };
}

function listen(server: Server | SMTPServer): Promise<number> {
  return new Promise((resolve) => {
    const net = server instanceof SMTPServer ? server.server : server;
    net.listen(0, '127.0.0.1', () => resolve((net.address() as AddressInfo).port));
  });
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
  });

describe('templates', () => {
  const names = Object.keys(TEMPLATES) as TemplateName[];

  it.each(names)('%s exists in every locale with the same placeholders, all filled', (name) => {
    const template = TEMPLATES[name];
    const expected = placeholders(`${template.en.subject ?? ''} ${template.en.body}`).sort();
    expect(expected.length).toBeGreaterThan(0);
    const params = Object.fromEntries(expected.map((p) => [p, `<<${p}-value>>`]));
    const bodies = new Set<string>();
    for (const locale of LOCALES) {
      const text = template[locale];
      expect(text, `${name} in ${locale}`).toBeDefined();
      expect(placeholders(`${text.subject ?? ''} ${text.body}`).sort()).toEqual(expected);
      const message = render(name, locale, 'someone', params);
      expect(message.channel).toBe(template.channel);
      expect(message.locale).toBe(locale);
      expect(`${message.subject ?? ''} ${message.body}`).not.toMatch(/\{\w+\}/);
      for (const p of expected) expect(message.body).toContain(`<<${p}-value>>`);
      if (template.channel === 'email') expect(message.subject).toBeTruthy();
      else expect(message.subject).toBeNull();
      bodies.add(message.body);
    }
    // Each locale has its own words, not a copy of English.
    expect(bodies.size).toBe(LOCALES.length);
  });

  it('refuses to render when a parameter is missing', () => {
    expect(() =>
      render('verify-email', 'en', 'a@example.test', { nickname: 'Ann', site: 'Folio' }),
    ).toThrow(/verify-email needs \{link\}/);
  });

  it('makes an HTML version with the link clickable and the text escaped', () => {
    const html = toHtml(
      'Hello <Ann> & co,\n\nOpen:\n\nhttp://localhost:3000/verify-email?token=a.b&x=1\n\nBye',
      'zh-CN',
    );
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<p>Hello &lt;Ann&gt; &amp; co,</p>');
    expect(html).toContain(
      '<a href="http://localhost:3000/verify-email?token=a.b&amp;x=1">http://localhost:3000/verify-email?token=a.b&amp;x=1</a>',
    );
  });

  it('masks recipients for logs', () => {
    expect(maskRecipient('alice@example.test')).toBe('a***@example.test');
    expect(maskRecipient('+8613812345678')).toBe('+86*******5678');
    expect(maskRecipient('12345')).toBe('***');
  });
});

describe('sending through SMTP and the HTTP SMS provider', () => {
  const SMS_KEY = 'sms-test-key-1234';
  const mails: { envelopeFrom: string; envelopeTo: string[]; raw: string }[] = [];
  const smsAttempts: {
    status: number;
    method: string;
    contentType: string;
    to: string;
    text: string;
  }[] = [];
  const failFirst = new Set<string>();
  let smtp: SMTPServer;
  let sms: Server;
  let app: App;
  let logs: Record<string, unknown>[];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          mails.push({
            envelopeFrom: from ? from.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    sms = createServer(async (req, res) => {
      const body = await readBody(req);
      if (req.headers.authorization !== `Bearer ${SMS_KEY}`) {
        res.writeHead(401).end();
        return;
      }
      const { to, text } = JSON.parse(body) as { to: string; text: string };
      const status = failFirst.delete(to) ? 500 : 200;
      smsAttempts.push({
        status,
        method: req.method ?? '',
        contentType: req.headers['content-type'] ?? '',
        to,
        text,
      });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
    const [smtpPort, smsPort] = await Promise.all([listen(smtp), listen(sms)]);
    ({ app, logs } = await buildTestApp(
      {
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Folio Test <no-reply@folio.test>',
        SMS_TRANSPORT: 'http',
        SMS_HTTP_URL: `http://127.0.0.1:${smsPort}/send`,
        SMS_HTTP_KEY: SMS_KEY,
        NOTIFY_BACKOFF_MS: '200',
      },
      { captureLogs: true },
    ));
  });

  afterAll(async () => {
    await app?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    await new Promise<void>((r) => sms.close(() => r()));
  });

  const mailTo = (address: string) =>
    waitFor(() => mails.find((m) => m.envelopeTo.includes(address)), `mail to ${address}`);

  it('mails verify-email in Chinese to a zh-CN reader, with a clickable link', async () => {
    const to = uniqueEmail();
    const link = 'http://localhost:3000/verify-email?token=zh.cn-token_1';
    await app.notifier.send('verify-email', to, 'zh-CN', { nickname: '小明', link });
    const mail = await mailTo(to);
    expect(mail.envelopeFrom).toBe('no-reply@folio.test');
    const parsed = parseMail(mail.raw);
    expect(parsed.from).toContain('no-reply@folio.test');
    expect(parsed.to).toContain(to);
    expect(parsed.subject).toBe('确认你在 Folio 的邮箱');
    expect(parsed.text).toContain('小明，你好');
    expect(parsed.text).toContain(link);
    expect(parsed.html).toContain(`<a href="${link}">`);
    expect(parsed.html).toContain('<html lang="zh-CN">');
  });

  it('mails reset-password in English to an en reader', async () => {
    const to = uniqueEmail();
    const link = 'http://localhost:3000/reset-password?token=en-token_2';
    await app.notifier.send('reset-password', to, 'en', { nickname: 'Ann', link });
    const parsed = parseMail((await mailTo(to)).raw);
    expect(parsed.subject).toBe('Reset your Folio password');
    expect(parsed.text).toContain('Hello Ann,');
    expect(parsed.text).toContain(link);
    expect(parsed.text).toContain('expires in 1 hour');
  });

  it('posts SMS codes as JSON with the Bearer key, in the reader’s language', async () => {
    const phone = uniquePhone();
    await app.notifier.send('sms-code', phone, 'zh-CN', { code: '482913' });
    const attempt = await waitFor(
      () => smsAttempts.find((a) => a.to === phone && a.status === 200),
      'the SMS',
    );
    expect(attempt).toMatchObject({
      method: 'POST',
      contentType: 'application/json',
      text: '【Folio】你的验证码是 482913，5 分钟内有效，请勿泄露给他人。',
    });
  });

  it('tries an SMS again after the provider fails, and it goes through', async () => {
    const phone = uniquePhone();
    failFirst.add(phone);
    await app.notifier.send('sms-code', phone, 'en', { code: '551207' });
    await waitFor(() => smsAttempts.find((a) => a.to === phone && a.status === 200), 'the retry');
    const attempts = smsAttempts.filter((a) => a.to === phone);
    expect(attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(attempts[1]!.text).toBe(
      '[Folio] Your code is 551207. It expires in 5 minutes. Never share it.',
    );
    const masked = maskRecipient(phone);
    const failed = logs.find((l) => l.msg === 'notification delivery failed' && l.to === masked);
    expect(failed).toMatchObject({
      channel: 'sms',
      template: 'sms-code',
      transport: 'http',
      attempt: 1,
      willRetry: true,
      reason: 'SMS provider answered 500',
    });
    await waitFor(
      () => logs.find((l) => l.msg === 'notification sent' && l.to === masked),
      'the log line',
    );
    expect(logs.find((l) => l.msg === 'notification sent' && l.to === masked)).toMatchObject({
      attempt: 2,
    });
  });

  it('logs each delivery with the recipient masked and never a code or a link', async () => {
    const to = uniqueEmail();
    const phone = uniquePhone();
    const link = 'http://localhost:3000/change-email?token=secret-link-token-9';
    await app.notifier.send('change-email', to, 'en', { nickname: 'Bo', link });
    await app.notifier.send('sms-code', phone, 'en', { code: '906115' });
    await mailTo(to);
    const sent = (template: string, recipient: string) =>
      logs.find(
        (l) =>
          l.msg === 'notification sent' &&
          l.template === template &&
          l.to === maskRecipient(recipient),
      );
    await waitFor(() => sent('change-email', to) && sent('sms-code', phone), 'the log lines');
    expect(sent('change-email', to)).toMatchObject({
      level: 30,
      channel: 'email',
      transport: 'smtp',
      attempt: 1,
    });
    expect(sent('sms-code', phone)).toMatchObject({ channel: 'sms', transport: 'http' });
    // Without the times and pid: a millisecond timestamp may hold any six digits.
    const text = JSON.stringify(logs.map(({ time: _time, pid: _pid, ...line }) => line));
    for (const secret of ['secret-link-token-9', '906115', '551207', '482913', to, phone]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('the HTTP SMS provider', () => {
  const message = { channel: 'sms' as const, to: '+8613800000000', subject: null, body: 'hi' };

  it('fails an attempt on a wrong key, a timeout or an unreachable provider', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/slow') return; // never answers
      res.writeHead(req.headers.authorization === 'Bearer right' ? 200 : 401).end();
    });
    const port = await listen(server);
    try {
      const url = `http://127.0.0.1:${port}`;
      await expect(httpSmsTransport({ url, key: 'right' }).deliver(message)).resolves.toBe(
        undefined,
      );
      await expect(httpSmsTransport({ url, key: 'wrong' }).deliver(message)).rejects.toThrow(
        'SMS provider answered 401',
      );
      await expect(
        httpSmsTransport({ url: `${url}/slow`, key: 'right', timeoutMs: 200 }).deliver(message),
      ).rejects.toThrow('SMS provider unreachable: no answer within 200 ms');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((r) => closed.close(r));
    await expect(
      httpSmsTransport({ url: `http://127.0.0.1:${closedPort}`, key: 'right' }).deliver(message),
    ).rejects.toThrow('SMS provider unreachable: ECONNREFUSED');
  });
});

describe('the outbox (the default outside production)', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await buildTestApp());
  });
  afterAll(async () => {
    await app?.close();
  });

  const outboxRow = (to: string) =>
    waitFor(async () => {
      const [row] = await app.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.recipient, to))
        .orderBy(desc(outboxMessages.id))
        .limit(1);
      return row;
    }, `the outbox row for ${to}`);

  it('stores mail with its subject and body', async () => {
    expect(app.config.MAIL_TRANSPORT).toBe('outbox');
    const to = uniqueEmail();
    const link = 'http://localhost:3000/verify-email?token=outbox';
    await app.notifier.send('verify-email', to, 'en', { nickname: 'Cy', link });
    const row = await outboxRow(to);
    expect(row).toMatchObject({ channel: 'email', subject: 'Confirm your email for Folio' });
    expect(row.body).toContain(link);
    expect(row.createdAt).toBeInstanceOf(Date);
  });

  it('stores SMS without a subject', async () => {
    const phone = uniquePhone();
    await app.notifier.send('sms-code', phone, 'zh-CN', { code: '700700' });
    const row = await outboxRow(phone);
    expect(row).toMatchObject({ channel: 'sms', subject: null });
    expect(row.body).toContain('700700');
  });
});

describe('the queue in Redis', () => {
  let app: App;
  let logs: Record<string, unknown>[];
  beforeAll(async () => {
    ({ app, logs } = await buildTestApp({}, { captureLogs: true }));
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Everything Redis holds under the queue's keys, as text. */
  async function queueContents() {
    const parts: string[] = [];
    for await (const keys of app.redis.scanStream({ match: 'bull:notifications:*', count: 500 })) {
      for (const key of keys as string[]) {
        const type = await app.redis.type(key);
        if (type === 'string') parts.push(String(await app.redis.get(key)));
        if (type === 'hash') parts.push(JSON.stringify(await app.redis.hgetall(key)));
        if (type === 'list') parts.push(...(await app.redis.lrange(key, 0, -1)));
        if (type === 'set') parts.push(...(await app.redis.smembers(key)));
        if (type === 'zset') parts.push(...(await app.redis.zrange(key, '0', '-1')));
        if (type === 'stream') parts.push(JSON.stringify(await app.redis.xrange(key, '-', '+')));
      }
    }
    return parts.join('\n');
  }

  it('holds neither codes, links nor recipients in plain text, and still delivers them', async () => {
    const phone = uniquePhone();
    const to = uniqueEmail();
    const token = `queue-link-token-${Date.now()}`;
    const link = `http://localhost:3000/reset-password?token=${token}`;
    await app.notifier.send('sms-code', phone, 'en', { code: '864209' });
    await app.notifier.send('reset-password', to, 'zh-CN', { nickname: 'Queue', link });

    const [sms] = await waitForMessages(app, phone);
    expect(sms!.body).toBe('[Folio] Your code is 864209. It expires in 5 minutes. Never share it.');
    const [mail] = await waitForMessages(app, to);
    expect(mail!.subject).toBe('重置你的 Folio 密码');
    expect(mail!.body).toContain(link);

    const contents = await queueContents();
    // The finished jobs are there (so the check below reads them), sealed.
    expect(contents).toContain('"name":"sms-code"');
    expect(contents).toContain('"name":"reset-password"');
    for (const secret of ['864209', token, phone, phone.slice(1), to]) {
      expect(contents).not.toContain(secret);
    }
  });

  it('keeps finished jobs briefly', async () => {
    await app.notifier.send('sms-code', uniquePhone(), 'en', { code: '100200' });
    const jobs = await waitFor(async () => {
      const found: Record<string, string>[] = [];
      for await (const keys of app.redis.scanStream({
        match: 'bull:notifications:*',
        count: 500,
      })) {
        for (const key of keys as string[]) {
          if ((await app.redis.type(key)) !== 'hash') continue;
          const job = await app.redis.hgetall(key);
          if (job.opts) found.push(job);
        }
      }
      return found.length ? found : null;
    }, 'a job');
    for (const job of jobs) {
      const { removeOnComplete: done, removeOnFail: failed } = JSON.parse(job.opts!) as Record<
        string,
        { age?: number; count?: number }
      >;
      expect(done?.age).toBeLessThanOrEqual(3600);
      expect(done?.count).toBeLessThanOrEqual(1000);
      expect(failed?.age).toBeLessThanOrEqual(86_400);
      expect(failed?.count).toBeLessThanOrEqual(1000);
    }
  });

  it('gives up at once on a message sealed with another secret', async () => {
    const queue = new Queue(MESSAGING_QUEUE, { connection: bullConnection(TEST_REDIS_URL) });
    try {
      const message = { channel: 'sms' as const, to: uniquePhone(), subject: null, body: 'x' };
      const job = await queue.add(
        'sms-code',
        sealMessage(queueKey('a secret this deployment never had'), message),
        { attempts: 5 },
      );
      const failed = await waitFor(
        () => logs.find((l) => l.msg === 'notification delivery failed' && l.jobId === job.id),
        'the failure line',
      );
      expect(failed).toMatchObject({ template: 'sms-code', attempt: 1, willRetry: false });
      expect(failed.reason).toMatch(/sealed with another JWT_SECRET/);
      expect(await outbox(app, message.to)).toEqual([]);
    } finally {
      await queue.close();
    }
  });

  it('seals with a key of its own that another secret does not open', () => {
    const message = { channel: 'sms' as const, to: '+8613800000000', subject: null, body: 'hi' };
    const sealed = sealMessage(queueKey('one secret, long enough for the test'), message);
    expect(JSON.stringify(sealed)).not.toContain('+8613800000000');
    expect(openMessage(queueKey('one secret, long enough for the test'), sealed)).toEqual(message);
    expect(() => openMessage(queueKey('another secret'), sealed)).toThrow(UnsealError);
    const altered = { ...sealed, data: `A${sealed.data.slice(1)}` };
    expect(() => openMessage(queueKey('one secret, long enough for the test'), altered)).toThrow(
      UnsealError,
    );
  });
});

describe('the worker process', () => {
  function startWorker(env: Record<string, string> = {}) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
      cwd: apiDir,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        // Set here, or a developer's .env would give the worker another secret than the test's.
        JWT_SECRET: DEV_JWT_SECRET,
        DATABASE_URL: TEST_DATABASE_URL,
        REDIS_URL: TEST_REDIS_URL,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    return { child, exited, output: () => output };
  }

  it('stops with one line saying Redis is down', async () => {
    const worker = startWorker({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await worker.exited).toBe(1);
    const lines = worker.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^folio worker: Redis is not reachable at 127\.0\.0\.1:1 /);
  });

  it('stops with one line saying MariaDB is down', async () => {
    const worker = startWorker({ DATABASE_URL: 'mysql://root@127.0.0.1:1/folio_test' });
    expect(await worker.exited).toBe(1);
    const lines = worker.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^folio worker: MariaDB is not reachable at 127\.0\.0\.1:1 /);
  });

  it('delivers queued messages, schedules the purge, and exits 0 on SIGTERM', async () => {
    const maintenance = new Queue(MAINTENANCE_QUEUE, {
      connection: bullConnection(TEST_REDIS_URL),
    });
    // The worker process is given the same secret, so the queue key matches.
    const notifier = createNotifier(TEST_REDIS_URL, console, {
      secret: DEV_JWT_SECRET,
      siteName: async () => 'Folio',
    });
    const pool = createPool({ url: TEST_DATABASE_URL, size: 1 });
    await maintenance.removeJobScheduler(PURGE_PENDING_ACCOUNTS);
    const worker = startWorker();
    try {
      await waitFor(() => worker.output().includes('worker started'), 'the worker to start');
      expect(await maintenance.getJobScheduler(PURGE_PENDING_ACCOUNTS)).toMatchObject({
        every: 3_600_000,
      });

      const phone = uniquePhone();
      await notifier.send('sms-code', phone, 'en', { code: '313131' });
      const db = createDb(pool);
      const row = await waitFor(async () => {
        const [found] = await db
          .select()
          .from(outboxMessages)
          .where(eq(outboxMessages.recipient, phone));
        return found;
      }, 'the worker to deliver');
      expect(row.body).toContain('313131');

      const started = Date.now();
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(worker.output()).not.toContain('313131');
    } finally {
      worker.child.kill('SIGKILL');
      await Promise.all([notifier.close(), maintenance.close(), pool.end()]);
    }
  });
});
