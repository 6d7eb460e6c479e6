/**
 * The cold home page: Debian's Chromium opens `/` of the app server (the API serving the SPA, as
 * `pnpm start` does) in a new browser context each time, so nothing is cached, and this reads
 * the first and largest contentful paints and the bytes that came over the wire (compressed bodies and
 * headers, as Chromium's network log counts them) once the page is idle. The median of
 * HOME_PAGE_RUNS runs.
 */
import { chromium } from 'playwright-core';

export const HOME_PAGE_RUNS = 5;
export const HOME_PAGE_WIRE_BYTES = 130_000;
export const HOME_PAGE_FCP_MS = 300;

export interface HomePageLoad {
  runs: number;
  fcpMs: number;
  /** Largest contentful paint: when the biggest text or image (the latest blogs) was drawn. */
  lcpMs: number;
  wireBytes: number;
  requests: number;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function measureHomePage(baseUrl: string): Promise<HomePageLoad> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const fcps: number[] = [];
    const lcps: number[] = [];
    const bytes: number[] = [];
    const counts: number[] = [];
    for (let run = 0; run < HOME_PAGE_RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      let wire = 0;
      let requests = 0;
      cdp.on('Network.loadingFinished', (event) => {
        wire += event.encodedDataLength;
        requests += 1;
      });
      await page.goto(baseUrl, { waitUntil: 'networkidle' });
      // The latest blogs are on screen: the page is what a reader came for, not a spinner.
      await page.locator('main a[href^="/blogs/"]').first().waitFor();
      const [fcp, lcp] = await page.evaluate(async () => {
        const largest = await new Promise<number>((resolveLargest) => {
          new PerformanceObserver((list) => {
            resolveLargest(list.getEntries().at(-1)?.startTime ?? NaN);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        });
        const first = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        return [first ?? NaN, largest];
      });
      if (!Number.isFinite(fcp) || !Number.isFinite(lcp)) {
        throw new Error('home page: Chromium reported no first or largest paint');
      }
      fcps.push(fcp);
      lcps.push(lcp);
      bytes.push(wire);
      counts.push(requests);
      await context.close();
    }
    return {
      runs: HOME_PAGE_RUNS,
      fcpMs: Math.round(median(fcps) * 10) / 10,
      lcpMs: Math.round(median(lcps) * 10) / 10,
      wireBytes: median(bytes),
      requests: median(counts),
    };
  } finally {
    await browser.close();
  }
}
