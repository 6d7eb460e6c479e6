import { defineConfig } from 'vitest/config';

// The built SPA and API behind Debian's nginx, with nginx/nginx.conf and its site template.
export default defineConfig({
  test: {
    include: ['nginx/**/*.test.ts'],
    environment: 'node',
    allowOnly: false,
    // Starting the API migrates and seeds its database.
    hookTimeout: 90_000,
    testTimeout: 20_000,
  },
});
