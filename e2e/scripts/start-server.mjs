// Starts the built API for e2e on a database made fresh for the run (the server migrates and seeds it),
// an emptied Redis database and an emptied uploads folder.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';

const server = fileURLToPath(new URL('../../apps/api/dist/server.js', import.meta.url));
const web = fileURLToPath(new URL('../../apps/web/dist/index.html', import.meta.url));
for (const built of [server, web]) {
  if (!existsSync(built)) {
    console.error(`e2e: ${built} is missing; run \`pnpm build\` first`);
    process.exit(1);
  }
}

const url = new URL(process.env.DATABASE_URL);
const name = url.pathname.slice(1);
url.pathname = '/';
const admin = await mysql.createConnection({ uri: url.toString() });
await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
await admin.end();

// So do its uploads (a folder of the run's own, UPLOADS_DIR): no files of an earlier database.
rmSync(process.env.UPLOADS_DIR, { recursive: true, force: true });

// Its Redis database starts empty too: no rate-limit counters or sessions from an earlier run.
const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true });
await redis.connect();
await redis.flushdb();
await redis.quit();

const child = spawn(process.execPath, ['--enable-source-maps', server], { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
