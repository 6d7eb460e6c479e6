import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './vite-plugins/precompress.ts';

const apiProxy = {
  '/api': { target: process.env.FOLIO_API_URL ?? 'http://localhost:3000', changeOrigin: true },
};

export default defineConfig({
  plugins: [react(), precompress()],
  // The API serves the build from its root with a history fallback, so assets load from '/'.
  base: '/',
  server: { port: 5173, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
  build: { outDir: 'dist', assetsDir: 'assets' },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
