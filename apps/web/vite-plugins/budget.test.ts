import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, measurePage } from './budget';
import type { PageBudget } from './budget';

let dist: string;

async function file(name: string, raw: number, gzip?: number, brotli?: number) {
  await writeFile(join(dist, name), 'x'.repeat(raw));
  if (gzip !== undefined) await writeFile(join(dist, `${name}.gz`), 'x'.repeat(gzip));
  if (brotli !== undefined) await writeFile(join(dist, `${name}.br`), 'x'.repeat(brotli));
}

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'folio-budget-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(
    join(dist, 'index.html'),
    `<!doctype html><link rel="icon" href="/favicon.svg">
    <script type="module" crossorigin src="/assets/index-AAAAAAAA.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shared-BBBBBBBB.js">
    <link rel="stylesheet" crossorigin href="/assets/index-CCCCCCCC.css">
    <script type="module" src="https://elsewhere.example/x.js"></script>`,
  );
  await file('favicon.svg', 500, 300, 200);
  await file('assets/index-AAAAAAAA.js', 9000, 3000, 2500);
  await file('assets/shared-BBBBBBBB.js', 2000, 800, 700);
  await file('assets/index-CCCCCCCC.css', 5000, 1200, 1000);
  await file('assets/en-DDDDDDDD.js', 700, 400, 350);
  await file('assets/zh-cn-EEEEEEEE.js', 800, 500, 420);
  // No smaller copy was worth writing: the file itself is what is sent.
  await file('assets/lazy-FFFFFFFF.js', 100);
});
afterAll(async () => {
  await rm(dist, { recursive: true, force: true });
});

const home: PageBudget = {
  name: 'the home page',
  html: 'index.html',
  loadsOneOf: [/^en-[\w-]{8}\.js$/, /^zh-cn-[\w-]{8}\.js$/],
  jsGzip: 4300,
  cssGzip: 1200,
};

describe('the first-load budget', () => {
  it("adds up the page's scripts, preloads, stylesheet and the larger language file", async () => {
    const report = await measurePage(dist, home);
    expect(report.files.map((f) => f.file).sort()).toEqual([
      'assets/index-AAAAAAAA.js',
      'assets/index-CCCCCCCC.css',
      'assets/shared-BBBBBBBB.js',
      'assets/zh-cn-EEEEEEEE.js',
    ]);
    expect(report.js).toEqual({ gzip: 3000 + 800 + 500, brotli: 2500 + 700 + 420 });
    expect(report.css).toEqual({ gzip: 1200, brotli: 1000 });
    expect(report.failures).toEqual([]);
    expect(formatReport(report)).toContain('JavaScript 4.3 kB gzip (budget 4.3 kB), 3.6 kB brotli');
  });

  it('fails a page one byte over either budget, saying which and by how much', async () => {
    const report = await measurePage(dist, { ...home, jsGzip: 4299, cssGzip: 1199 });
    expect(report.failures).toEqual([
      'the home page: 4.3 kB of JavaScript after gzip, 1 bytes over its budget of 4.3 kB',
      'the home page: 1.2 kB of CSS after gzip, 1 bytes over its budget of 1.2 kB',
    ]);
  });

  it('refuses a language-file pattern that matches nothing, rather than counting nothing', async () => {
    await expect(measurePage(dist, { ...home, loadsOneOf: [/^fr-/] })).rejects.toThrow(
      /no chunk of the home page matches/,
    );
  });
});
