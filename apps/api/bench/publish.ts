/**
 * The publishing scenarios' writers and requests: the bench login users (login.ts), each logged
 * in once from its own client address, publish 5 000-character blogs in turn. The blogs they
 * write are the bench's own: deleted when the bench prepares its database and before and after
 * each publishing scenario, so repeated runs do not grow the database.
 */
import { and, eq, inArray, like } from 'drizzle-orm';
import { createDb, createPool, type Db } from '../src/db/connection';
import { DEMO_TAGS } from '../src/db/demo';
import { authors, blogs, userIdentities } from '../src/db/schema';
import { CountCache } from '../src/lib/count-cache';
import { createRedis } from '../src/lib/redis';
import { blogListsChanged } from '../src/modules/blogs/service';
import { fromClient } from './clients';
import { BENCH_LOGIN_USERS, BENCH_PASSWORD, EMAIL_PATTERN, emailOf } from './login';
import type { Load } from './scenarios';
import { createMroongaIndex } from '../src/modules/search/mroonga';

export const PUBLISHED_CHARS = 5_000;
/**
 * The writers' client addresses: far from the ones the login scenarios walk from 0, so logging
 * them in never meets a per-IP count those left.
 */
const CLIENT_OFFSET = 100_000;
const LOGINS_AT_ONCE = 4;

const SENTENCES = [
  'The river was low that summer, and the stones of the old ford showed through the water.',
  'Nobody in the village remembered who had built the mill, only that it had always been there.',
  'She kept a notebook of every book she finished, with a line about what it had changed.',
  'By the third week the rain had stopped, and the roads to the city opened again.',
  'What makes a story last is rarely its plot; it is the voice that tells it.',
  'He read slowly, with a pencil, and argued with the margins as if the author could hear.',
  'The map in the front of the book was wrong in two places, which made it more believable.',
  'Every chapter ended one page earlier than you expected, and that was the trick of it.',
];

function paragraph(start: number, sentences: number): string {
  return Array.from(
    { length: sentences },
    (_, i) => SENTENCES[(start + i) % SENTENCES.length],
  ).join(' ');
}

/** A blog of exactly PUBLISHED_CHARS characters: paragraphs, a heading, a list, a quote, emphasis. */
function publishedContent(): string {
  const parts = [
    paragraph(0, 5),
    '## What the summer taught',
    paragraph(2, 6),
    [
      '- a **first** reading, for the story',
      '- a second one, for the *voice*',
      '- a third, with a pencil',
    ].join('\n'),
    `> ${SENTENCES[4]}`,
    paragraph(5, 7),
    '### Notes',
    [1, 2, 3].map((n) => `${n}. ${SENTENCES[n]}`).join('\n'),
  ];
  let content = parts.join('\n\n');
  for (let i = 0; content.length < PUBLISHED_CHARS; i++) {
    content += `\n\n${paragraph(i, 6)}`;
  }
  return `${content.slice(0, PUBLISHED_CHARS - 1).trimEnd()}.`.padEnd(PUBLISHED_CHARS, '.');
}

const CONTENT = publishedContent();

/** The bench writers' access tokens, got once per scenario (`logIn`), valid for 15 minutes. */
export interface Writers {
  tokens: string[];
}

/** Logs every bench user in, each from its own client address, and keeps the access tokens. */
export async function logIn(writers: Writers, baseUrl: string): Promise<void> {
  const tokens: string[] = new Array<string>(BENCH_LOGIN_USERS);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < BENCH_LOGIN_USERS; i = next++) {
      const response = await fetch(new URL('/api/v1/auth/login', baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...fromClient(CLIENT_OFFSET + i) },
        body: JSON.stringify({ account: emailOf(i), password: BENCH_PASSWORD }),
      });
      const body = (await response.json()) as { data?: { accessToken?: string } };
      const token = body.data?.accessToken;
      if (!response.ok || !token) {
        throw new Error(`bench writer ${i} could not log in: ${response.status}`);
      }
      tokens[i] = token;
    }
  };
  await Promise.all(Array.from({ length: LOGINS_AT_ONCE }, worker));
  writers.tokens = tokens;
}

/**
 * POST /api/v1/blogs: a published blog of PUBLISHED_CHARS characters with two of the demo tags,
 * from each writer in turn (from the writer's own address), so no one account writes them all.
 */
export function publishLoad(writers: Writers): Load {
  let next = 0;
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const n = next++;
          const writer = n % writers.tokens.length;
          return {
            ...request,
            path: '/api/v1/blogs',
            method: 'POST',
            headers: {
              ...request.headers,
              ...fromClient(CLIENT_OFFSET + writer),
              authorization: `Bearer ${writers.tokens[writer]}`,
            },
            body: JSON.stringify({
              title: `Bench publishing ${n}`,
              content: CONTENT,
              status: 'published',
              tags: [DEMO_TAGS[n % 10], DEMO_TAGS[10 + (n % 40)]],
            }),
          };
        },
      },
    ],
  };
}

/**
 * Deletes every blog the bench writers wrote, takes them out of the search index, then drops the
 * cached lists; returns how many.
 */
export async function deleteBenchBlogs(db: Db, counts: CountCache): Promise<number> {
  const benchAuthors = db
    .select({ id: authors.id })
    .from(authors)
    .innerJoin(userIdentities, eq(userIdentities.userId, authors.userId))
    .where(and(eq(userIdentities.provider, 'email'), like(userIdentities.subject, EMAIL_PATTERN)));
  try {
    const written = await db
      .select({ id: blogs.id })
      .from(blogs)
      .where(inArray(blogs.authorId, benchAuthors));
    const [result] = await db.delete(blogs).where(inArray(blogs.authorId, benchAuthors));
    const index = createMroongaIndex(db);
    for (let i = 0; i < written.length; i += 1_000) {
      await index.remove(written.slice(i, i + 1_000).map((row) => row.id));
    }
    return result.affectedRows;
  } finally {
    await blogListsChanged(counts);
  }
}

/** `deleteBenchBlogs` with connections of its own, for a scenario's setup and teardown. */
export async function clearBenchBlogs(databaseUrl: string, redisUrl: string): Promise<void> {
  const pool = createPool({ url: databaseUrl, size: 1 });
  const redis = createRedis(redisUrl);
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await deleteBenchBlogs(createDb(pool), new CountCache(redis, databaseUrl));
  } finally {
    redis.disconnect();
    await pool.end();
  }
}
