import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import type { Plugin } from 'vite';

/** Text formats worth compressing; images and fonts in the build are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip made by Zopfli, a few percent
 * smaller than zlib's level 9 and readable by every gzip decoder) next to every
 * compressible file of the build, so the API (@fastify/static's preCompressed) and nginx
 * (gzip_static) send them as they are instead of compressing on every request, or not at all.
 * A variant that would not be smaller than the file is not written: both servers then send the
 * plain file.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'folio-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // closeBundle: after Vite has written the bundle and copied public/ into the output.
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        for (const file of await filesUnder(outDir)) {
          if (!COMPRESSIBLE.test(file)) continue;
          const plain = await readFile(file);
          const variants: [string, Buffer][] = [
            [
              '.br',
              brotliCompressSync(plain, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 11,
                  [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
                },
              }),
            ],
            ['.gz', Buffer.from(await gzipAsync(plain, { numiterations: 5 }))],
          ];
          for (const [ext, packed] of variants) {
            if (packed.length < plain.length) await writeFile(file + ext, packed);
          }
        }
      },
    },
  };
}
