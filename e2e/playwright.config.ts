import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const E2E_REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/2';
export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/folio_e2e';
/** The server's uploads, emptied with its database at each start (scripts/start-server.mjs). */
const E2E_UPLOADS_DIR = join(
  tmpdir(),
  `folio-e2e-uploads-${new URL(E2E_DATABASE_URL).pathname.slice(1)}`,
);

/** Debian's Chromium; Playwright never downloads a browser here. */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    launchOptions: chromium,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromium } }],
  webServer: {
    // The production build, served by the API itself, on a fresh database seeded with the samples.
    command: 'node scripts/start-server.mjs',
    url: `${BASE_URL}/api/v1/health/ready`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      MAIL_TRANSPORT: 'outbox',
      SMS_TRANSPORT: 'outbox',
      HOST: '127.0.0.1',
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      DATABASE_URL: E2E_DATABASE_URL,
      // Its own Redis database, so sessions and cached totals never mix with a dev server's.
      REDIS_URL: E2E_REDIS_URL,
      UPLOADS_DIR: E2E_UPLOADS_DIR,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      // Refresh checks Origin against it, and mailed links point at it.
      SITE_ORIGIN: BASE_URL,
    },
  },
});
