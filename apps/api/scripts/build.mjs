// Bundles the API server, the background worker and the events process (with @folio/schema's TypeScript source) into
// dist/server.js, dist/worker.js and dist/events.js; other packages stay external.
import { cp, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });
await build({
  entryPoints: { server: 'src/server.ts', worker: 'src/worker.ts', events: 'src/events.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // For --enable-source-maps, which production leaves off (it holds every loaded module's map in
  // memory): stack traces then name the source file and line; the sources are in the repository.
  sourcesContent: false,
  packages: 'external',
  alias: { '@folio/schema': '../../packages/schema/src/index.ts' },
  logLevel: 'warning',
});
await cp(new URL('../src/db/migrations/', import.meta.url), new URL('migrations/', dist), {
  recursive: true,
});
await cp(new URL('../data/', import.meta.url), new URL('data/', dist), { recursive: true });
