/**
 * `npx tsx bench/search-million.ts`: how the Mroonga search index behaves at a million blogs
 * (src/modules/search/README.md reports its figures). Makes a database of its own
 * (`folio_search_million`), fills `blog_search` with 1 000 000 rows by INSERT ... SELECT from the
 * bench database's index (its 100 000 demo blogs, ten times, under new ids), builds the full-text
 * indexes once the rows are in, times the queries GET /search and GET /blogs?q= run, measures the
 * files on disk, then drops the database. Run it under the bench lock: it loads the machine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { createDb, createPool } from '../src/db/connection';
import { createMroongaIndex } from '../src/modules/search/mroonga';

const SERVER = process.env.SEARCH_MILLION_SERVER ?? 'mysql://root@127.0.0.1:3306';
const SOURCE = process.env.SEARCH_MILLION_SOURCE ?? 'folio_bench';
const NAME = 'folio_search_million';
const COPIES = 10;
const RUNS = 100;

const here = fileURLToPath(new URL('.', import.meta.url));
const migration = readFileSync(resolve(here, '../src/db/migrations/0006_search.sql'), 'utf8');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const admin = await mysql.createConnection({ uri: `${SERVER}/`, multipleStatements: true });
  const [source] = await admin.query(`SELECT COUNT(*) AS n FROM \`${SOURCE}\`.blog_search`);
  const sourceRows = Number((source as { n: number }[])[0]!.n);
  console.log(`source: ${sourceRows} rows in ${SOURCE}.blog_search, ${COPIES} copies`);
  await admin.query(`DROP DATABASE IF EXISTS ${NAME}`);
  await admin.query(`CREATE DATABASE ${NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    // The migration's table without its full-text indexes: the rows go in first, then one build.
    const bare = migration
      .replace(/^--.*\n/gm, '')
      .replace(/^\s*(FULLTEXT INDEX|INDEX) .*\n/gm, '')
      .replace(/,\s*\)\s*ENGINE/, '\n) ENGINE');
    await admin.query(`USE ${NAME}; ${bare}`);
    const [, fillMs] = await timed(async () => {
      for (let copy = 0; copy < COPIES; copy++) {
        await admin.query(
          `INSERT INTO ${NAME}.blog_search
             SELECT blog_id + ${copy * 10_000_000}, version, author_id, pub_date, title, excerpt,
                    body, tags, tag_slugs
             FROM \`${SOURCE}\`.blog_search`,
        );
      }
    });
    const [count] = await admin.query(`SELECT COUNT(*) AS n FROM ${NAME}.blog_search`);
    const rows = Number((count as { n: number }[])[0]!.n);
    console.log(`filled ${rows} rows in ${seconds(fillMs)} (no full-text index yet)`);

    const indexes = [
      ...migration.matchAll(/(FULLTEXT INDEX|INDEX) (`[a-z_]+`) \(([^)]+)\)( COMMENT '[^']*')?/g),
    ];
    const [, buildMs] = await timed(async () => {
      for (const [, kind, name, columns, comment = ''] of indexes) {
        const [, oneMs] = await timed(() =>
          admin.query(`ALTER TABLE ${NAME}.blog_search ADD ${kind} ${name} (${columns})${comment}`),
        );
        console.log(`  ${name}: ${seconds(oneMs)}`);
      }
    });
    console.log(`built the indexes in ${seconds(buildMs)}`);

    const [datadirRows] = await admin.query('SELECT @@datadir AS d');
    const datadir = (datadirRows as { d: string }[])[0]!.d;
    // Mroonga keeps its files beside the database's folder: <datadir>/<database>.mrn*.
    await admin.query(`FLUSH TABLES`);
    const size = execFileSync('sh', [
      '-c',
      `du -cb ${datadir}${NAME}.mrn* ${datadir}${NAME} | tail -1`,
    ])
      .toString()
      .split('\t')[0];
    console.log(`on disk: ${(Number(size) / 1e9).toFixed(2)} GB (Mroonga files and the table)`);

    const pool = createPool({ url: `${SERVER}/${NAME}`, size: 1 });
    const index = createMroongaIndex(createDb(pool));
    const cases: [string, string][] = [
      ['common English word', 'the'],
      ['English word (1 in 4 blogs)', 'river'],
      ['rare English word', 'bandwidth'],
      ['two English words', 'river system'],
      ['common Chinese term', '动物'],
      ['Chinese term', '城市'],
      ['rare Chinese term', '北京'],
    ];
    console.log(`\nqueries, ${RUNS} runs each, one at a time (ms):`);
    console.log('case | q | matches | page 1 p50 / p99 | page 50 p50 | count p50 | title page p50');
    for (const [label, q] of cases) {
      const page = async (offset: number) => {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const [, ms] = await timed(() => index.query({ q, limit: 20, offset }));
          times.push(ms);
        }
        return times.sort((a, b) => a - b);
      };
      const first = await page(0);
      const deep = await page(980);
      const counts: number[] = [];
      let matches = 0;
      for (let i = 0; i < 20; i++) {
        const [n, ms] = await timed(() => index.count({ q }));
        matches = n;
        counts.push(ms);
      }
      counts.sort((a, b) => a - b);
      const titles: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const [, ms] = await timed(() =>
          index.titles({ q, sort: '-pubDate', limit: 20, offset: 0 }),
        );
        titles.push(ms);
      }
      titles.sort((a, b) => a - b);
      const f = (n: number) => n.toFixed(1);
      console.log(
        `${label} | ${q} | ${matches} | ${f(percentile(first, 50))} / ${f(percentile(first, 99))} | ` +
          `${f(percentile(deep, 50))} | ${f(percentile(counts, 50))} | ${f(percentile(titles, 50))}`,
      );
    }
    await pool.end();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${NAME}`);
    await admin.end();
    console.log(`\ndropped ${NAME}`);
  }
}

await main();
