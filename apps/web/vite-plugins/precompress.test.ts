import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from './precompress';

let project: string;
let dist: string;

const words = 'the quick brown fox jumps over the lazy dog '.repeat(40);

// A real Vite build of a small project with the plugin, as apps/web's own build runs it.
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'folio-precompress-'));
  dist = join(project, 'dist');
  await mkdir(join(project, 'public'));
  await writeFile(
    join(project, 'index.html'),
    `<!doctype html><title>t</title><link rel="icon" href="/icon.svg"><script type="module" src="/main.js"></script>`,
  );
  await writeFile(
    join(project, 'main.js'),
    `import './style.css';\ndocument.title = ${JSON.stringify(words)};\n`,
  );
  await writeFile(join(project, 'style.css'), `body::after { content: ${JSON.stringify(words)} }`);
  await writeFile(
    join(project, 'public', 'icon.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg"><title>${words}</title></svg>`,
  );
  await writeFile(join(project, 'public', 'data.json'), JSON.stringify({ words }));
  await writeFile(join(project, 'public', 'robots.txt'), `# ${words}\n`);
  // Not compressible: must be left as it is.
  await writeFile(join(project, 'public', 'photo.png'), Buffer.alloc(2048, 1));
  // Compressing two bytes makes them bigger: no sibling is worth writing.
  await writeFile(join(project, 'public', 'tiny.txt'), 'ok');
  await build({
    root: project,
    configFile: false,
    logLevel: 'silent',
    plugins: [precompress()],
    build: { outDir: dist, assetsDir: 'assets' },
  });
}, 60_000);
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

async function builtFiles() {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dist.length + 1));
}

describe('the precompress build plugin', () => {
  it('writes a brotli and a gzip sibling of every compressible file, bundled or public', async () => {
    const files = await builtFiles();
    const plain = files.filter((file) => /\.(?:js|css|html|svg|json|txt)$/.test(file));
    // The bundle's own script and stylesheet are among them, under their hashed names.
    expect(plain.some((file) => /^assets\/.+\.js$/.test(file))).toBe(true);
    expect(plain.some((file) => /^assets\/.+\.css$/.test(file))).toBe(true);
    for (const file of plain.filter((name) => name !== 'tiny.txt')) {
      const original = await readFile(join(dist, file));
      const br = await readFile(join(dist, `${file}.br`));
      const gz = await readFile(join(dist, `${file}.gz`));
      expect(brotliDecompressSync(br).equals(original), file).toBe(true);
      expect(gunzipSync(gz).equals(original), file).toBe(true);
      expect(br.length, file).toBeLessThan(original.length);
      expect(gz.length, file).toBeLessThan(original.length);
    }
    expect(plain).toEqual(expect.arrayContaining(['index.html', 'icon.svg', 'data.json']));
  });

  it('leaves images alone and writes no sibling that would be bigger than its file', async () => {
    const files = await builtFiles();
    expect(files).toContain('photo.png');
    expect(files).toContain('tiny.txt');
    for (const name of ['photo.png.br', 'photo.png.gz', 'tiny.txt.br', 'tiny.txt.gz']) {
      expect(files).not.toContain(name);
    }
  });

  it('compresses at the highest levels (brotli 11 is smaller than gzip 9 here)', async () => {
    const files = await builtFiles();
    const script = files.find((file) => /^assets\/.+\.js$/.test(file))!;
    const br = await readFile(join(dist, `${script}.br`));
    const gz = await readFile(join(dist, `${script}.gz`));
    expect(br.length).toBeLessThan(gz.length);
  });
});
