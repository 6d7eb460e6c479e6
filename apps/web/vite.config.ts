import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { budget } from './vite-plugins/budget.ts';
import { firstLoadChunk } from './vite-plugins/first-load-chunk.ts';
import { precompress } from './vite-plugins/precompress.ts';

const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
);

const zodWithoutEval = fileURLToPath(new URL('./src/lib/zod.ts', import.meta.url));

const apiProxy = {
  '/api': { target: process.env.FOLIO_API_URL ?? 'http://localhost:3000', changeOrigin: true },
};

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    precompress(),
    budget([
      {
        name: 'the home page',
        html: 'index.html',
        // The language's site texts, loaded before the first render (src/lib/i18n.ts).
        loadsOneOf: [/^en-[\w-]{8}\.js$/, /^zh-cn-[\w-]{8}\.js$/],
        jsGzip: 100_000,
        cssGzip: 25_000,
      },
    ]),
  ],
  // The API serves the build from its root with a history fallback, so assets load from '/'.
  base: '/',
  resolve: {
    // react-router's package exports only its development build, with its warnings and checks;
    // the build takes the production one it ships beside it.
    alias: [
      { find: /^zod$/, replacement: zodWithoutEval },
      ...(command === 'build'
        ? [{ find: /^react-router$/, replacement: reactRouterProduction }]
        : []),
    ],
  },
  css: {
    preprocessorOptions: {
      // Bootstrap 5.3's Sass still uses @import and the global functions Dart Sass deprecates.
      scss: {
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'mixed-decls'],
      },
    },
  },
  server: { port: 5173, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [firstLoadChunk()] },
        // The first load lists every script a page may preload (vite's dependency map), so a
        // lazily loaded script's name is first-load bytes: it is its hash alone, but for the
        // catalogs of texts (the budget finds the one a visit loads by its name). Hashes in
        // [0-9a-z] (base 36) compress better than in base 64, and never start a name with "-".
        hashCharacters: 'base36',
        chunkFileNames: (chunk) =>
          /^(en|zh-cn)(-|$)/.test(chunk.name) ? 'assets/[name]-[hash].js' : 'assets/[hash].js',
      },
      // Zopfli (precompress) takes most of the build's time by design; no warning about it.
      checks: { bundlerTimings: false },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
}));
