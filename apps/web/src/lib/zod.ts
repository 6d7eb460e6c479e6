// Every `from 'zod'` in the SPA and in @folio/schema resolves to this module (vite.config.ts), so
// zod-jitless runs before any module builds a schema.
import './zod-jitless';

export * from 'zod/v4';
