import { config } from 'zod/v4/core';

// The site's Content-Security-Policy forbids eval. Left to itself, zod probes `new Function` as
// it builds the first object schema, and the browser reports the blocked attempt as a CSP
// violation on every page that loads a schema.
config({ jitless: true });
