import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

export interface PageBudget {
  /** What the report calls the page. */
  name: string;
  /** The HTML file of the build whose scripts, module preloads and stylesheets the page loads. */
  html: string;
  /**
   * Chunks the page also loads before it renders, of which a visit loads one (its language's
   * texts), by file name under `assets/`: the largest counts.
   */
  loadsOneOf?: RegExp[];
  /** Most bytes of JavaScript, and of CSS, after gzip. */
  jsGzip: number;
  cssGzip: number;
}

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageReport {
  budget: PageBudget;
  files: FileSize[];
  js: { gzip: number; brotli: number };
  css: { gzip: number; brotli: number };
  failures: string[];
}

/** The size of `file`, and of the `.gz`/`.br` copies the server sends (the file when there is none). */
async function sizeOf(outDir: string, file: string): Promise<FileSize> {
  const path = join(outDir, file);
  const raw = (await stat(path)).size;
  const variant = async (ext: string) => {
    try {
      return (await stat(path + ext)).size;
    } catch {
      return raw;
    }
  };
  return { file, raw, gzip: await variant('.gz'), brotli: await variant('.br') };
}

/** Local files the HTML loads: module scripts, module preloads and stylesheets. */
function loadedBy(html: string): string[] {
  const files = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+)"/g)) files.add(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const link = match[0];
    const href = /\bhref="\/([^"]+)"/.exec(link)?.[1];
    if (href && /\brel="(?:modulepreload|stylesheet)"/.test(link)) files.add(href);
  }
  return [...files];
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export async function measurePage(outDir: string, budget: PageBudget): Promise<PageReport> {
  const html = await readFile(join(outDir, budget.html), 'utf8');
  const files = await Promise.all(loadedBy(html).map((file) => sizeOf(outDir, file)));
  if (budget.loadsOneOf?.length) {
    const assets = await readdir(join(outDir, 'assets'));
    const candidates = await Promise.all(
      assets
        .filter((name) => budget.loadsOneOf!.some((pattern) => pattern.test(name)))
        .map((name) => sizeOf(outDir, `assets/${name}`)),
    );
    if (candidates.length === 0) {
      throw new Error(`budget: no chunk of ${budget.name} matches ${budget.loadsOneOf.join(', ')}`);
    }
    files.push(candidates.reduce((a, b) => (b.gzip > a.gzip ? b : a)));
  }
  const total = (ext: RegExp) => ({
    gzip: files.filter((f) => ext.test(f.file)).reduce((sum, f) => sum + f.gzip, 0),
    brotli: files.filter((f) => ext.test(f.file)).reduce((sum, f) => sum + f.brotli, 0),
  });
  const js = total(/\.m?js$/);
  const css = total(/\.css$/);
  const failures: string[] = [];
  if (js.gzip > budget.jsGzip) {
    failures.push(
      `${budget.name}: ${kb(js.gzip)} of JavaScript after gzip, ${js.gzip - budget.jsGzip} bytes over its budget of ${kb(budget.jsGzip)}`,
    );
  }
  if (css.gzip > budget.cssGzip) {
    failures.push(
      `${budget.name}: ${kb(css.gzip)} of CSS after gzip, ${css.gzip - budget.cssGzip} bytes over its budget of ${kb(budget.cssGzip)}`,
    );
  }
  return { budget, files, js, css, failures };
}

export function formatReport(report: PageReport): string {
  const width = Math.max(...report.files.map((f) => f.file.length));
  const row = (label: string, raw: string, gzip: string, brotli: string) =>
    `  ${label.padEnd(width)}  ${raw.padStart(9)}  ${gzip.padStart(9)}  ${brotli.padStart(9)}`;
  return [
    `first load of ${report.budget.name}:`,
    row('', 'raw', 'gzip', 'brotli'),
    ...report.files.map((f) => row(f.file, kb(f.raw), kb(f.gzip), kb(f.brotli))),
    `  JavaScript ${kb(report.js.gzip)} gzip (budget ${kb(report.budget.jsGzip)}), ${kb(report.js.brotli)} brotli`,
    `  CSS ${kb(report.css.gzip)} gzip (budget ${kb(report.budget.cssGzip)}), ${kb(report.css.brotli)} brotli`,
  ].join('\n');
}

/**
 * After the build (and after `precompress`, whose files it measures): prints what each page's
 * first load weighs, file by file, after gzip and brotli, and fails the build when a page is over
 * its budget.
 */
export function budget(pages: PageBudget[]): Plugin {
  let outDir = '';
  let log: (text: string) => void = () => undefined;
  return {
    name: 'folio-budget',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      log = (text) => config.logger.info(text);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const reports = await Promise.all(pages.map((page) => measurePage(outDir, page)));
        for (const report of reports) log(formatReport(report));
        const failures = reports.flatMap((report) => report.failures);
        if (failures.length > 0) throw new Error(`over budget:\n${failures.join('\n')}`);
      },
    },
  };
}
