import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';

/**
 * Writes the OpenAPI document as `/api/openapi.json` serves it (from buildApp, without listening)
 * to node_modules/.cache/openapi.json and runs Redocly CLI's `recommended` rules on it
 * (redocly.yaml; .redocly.lint-ignore.yaml names the findings that are true of the API).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const file = join(root, 'node_modules/.cache/openapi.json');

const app = await buildApp(
  loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RUN_WORKER: 'false',
    WEB_DIST: '/nonexistent',
  }),
);
let status = 1;
try {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(res.json(), null, 2));
  const lint = spawnSync('redocly', ['lint', '--config', 'redocly.yaml', file], {
    cwd: root,
    stdio: 'inherit',
    // No usage data and no update check: the lint needs no network.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  status = lint.status ?? 1;
} finally {
  await app.close();
}
process.exit(status);
