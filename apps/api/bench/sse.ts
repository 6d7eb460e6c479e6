/**
 * Idle event streams: SSE_STREAMS streams (GET /api/v1/events) held open against one events
 * process (src/events.ts, built; the API gives out the tickets),
 * each with its own single-use ticket, spread over the bench users; the server's resident memory
 * is read from /proc before and after they open. The client sockets come from several loopback
 * addresses (127.0.0.2 …), so no one source address runs short of ephemeral ports, and both
 * processes need SSE_STREAMS open files (`ulimit -n`, which Node cannot raise for itself).
 */
import { readFileSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { EVENT_TICKET_LIMIT } from '../src/plugins/external/rate-limit';
import { fromClient } from './clients';
import { BENCH_LOGIN_USERS, BENCH_PASSWORD, emailOf, ensureLoginUsers } from './login';

export const SSE_STREAMS = 5_000;
export const SSE_RSS_BYTES = 200 * 1024 * 1024;
const SOURCE_ADDRESSES = 8;
/**
 * The streams' owners, logged in one after another (argon2's memory for many logins at once
 * would stay in the process's RSS and be counted against the streams): enough of them that none
 * asks for more tickets than a person may in a minute (EVENT_TICKET_LIMIT).
 */
const OWNERS = Math.ceil(SSE_STREAMS / EVENT_TICKET_LIMIT.max);
const AT_ONCE = 100;

export interface SseIdleLoad {
  streams: number;
  rssBeforeBytes: number;
  rssBytes: number;
  /** What each stream added, on average. */
  perStreamBytes: number;
  openMs: number;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** Opens one stream and resolves once its first bytes (`retry:`) arrived. */
function openStream(baseUrl: string, ticket: string, n: number): Promise<ClientRequest> {
  const url = new URL(`/api/v1/events?ticket=${ticket}`, baseUrl);
  return new Promise((resolveOpen, reject) => {
    const req = request(url, {
      agent: false,
      localAddress: `127.0.0.${2 + (n % SOURCE_ADDRESSES)}`,
      headers: { accept: 'text/event-stream' },
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream ${n}: ${res.statusCode}`));
        return;
      }
      res.once('data', () => resolveOpen(req));
      // Heartbeats are read and dropped, as a browser would.
      res.on('data', () => undefined);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function measureSseIdle(
  ctx: { baseUrl: string; eventsUrl: string; databaseUrl: string },
  pid: number,
): Promise<SseIdleLoad> {
  if (OWNERS > BENCH_LOGIN_USERS) throw new Error(`the SSE bench needs ${OWNERS} bench users`);
  await ensureLoginUsers(ctx.databaseUrl);
  const tokens: string[] = [];
  for (let i = 0; i < OWNERS; i++) {
    const response = await fetch(new URL('/api/v1/auth/login', ctx.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...fromClient(i) },
      body: JSON.stringify({ account: emailOf(i), password: BENCH_PASSWORD }),
    });
    const body = (await response.json()) as { data?: { accessToken?: string } };
    if (!response.ok || !body.data?.accessToken) throw new Error(`login ${i}: ${response.status}`);
    tokens.push(body.data.accessToken);
  }
  // Let start-up garbage settle before the first reading.
  await sleep(2_000);
  const rssBeforeBytes = rssOf(pid);

  const open: ClientRequest[] = [];
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < SSE_STREAMS; n = next++) {
      const token = tokens[n % OWNERS]!;
      const response = await fetch(new URL('/api/v1/events/ticket', ctx.baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { data?: { ticket?: string } };
      if (!response.ok || !body.data?.ticket) {
        throw new Error(`ticket ${n}: ${response.status}`);
      }
      open.push(await openStream(ctx.eventsUrl, body.data.ticket, n));
    }
  };
  try {
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
    const openMs = Date.now() - started;
    // Idle for a while, as open pages are: what the process holds then is what they cost.
    await sleep(5_000);
    const rssBytes = rssOf(pid);
    return {
      streams: open.length,
      rssBeforeBytes,
      rssBytes,
      perStreamBytes: Math.round((rssBytes - rssBeforeBytes) / open.length),
      openMs,
    };
  } finally {
    for (const req of open) req.destroy();
  }
}
