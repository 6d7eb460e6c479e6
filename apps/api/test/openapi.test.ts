import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp } from './helpers';
import {
  freshAddress,
  label,
  needsToken,
  openApiDocument,
  operationsOf,
  refusedValue,
  tokenFor,
  tokenOptional,
  urlFor,
  type Operation,
} from './openapi-operations';

const BODY_LIMIT = 4096;
let app: App;
let ops: Operation[];
let token: string;
beforeAll(async () => {
  ({ app } = await buildTestApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT) }));
  ops = operationsOf(await openApiDocument(app));
  token = await tokenFor(app);
});
afterAll(() => app.close());

/** A request to the operation that gets past its token check (when it has one). */
function send(
  op: Operation,
  {
    pathValues = {},
    query = [],
    headers = {},
    payload,
    withToken = needsToken(op),
    remoteAddress = freshAddress(),
  }: {
    pathValues?: Record<string, string>;
    query?: [string, string][];
    headers?: Record<string, string>;
    payload?: string | Buffer;
    withToken?: boolean;
    remoteAddress?: string;
  } = {},
) {
  const values = Object.fromEntries(
    op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValues[p.name] ?? '1']),
  );
  return app.inject({
    method: op.method as 'GET',
    url: urlFor(op, values, query),
    headers: { ...(withToken ? { authorization: `Bearer ${token}` } : {}), ...headers },
    payload,
    remoteAddress,
  });
}

describe('API documentation', () => {
  it('publishes an OpenAPI 3 document generated from the route schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/blogs',
        '/api/v1/blogs/{id}',
        '/api/v1/authors',
        '/api/v1/authors/{id}',
        '/api/v1/health/live',
        '/api/v1/health/ready',
      ]),
    );
    const list = doc.paths['/api/v1/blogs'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['page', 'perPage', 'authorId', 'q', 'sort']),
    );
    expect(doc.components.schemas).toHaveProperty('BlogSummary');
    expect(doc.components.schemas).toHaveProperty('Failure');
    expect(JSON.stringify(doc)).not.toContain('/api/openapi.json');
  });

  it('gives every operation an operationId of its own', () => {
    const missing = ops.filter((op) => !op.operationId).map(label);
    expect(missing).toEqual([]);
    const ids = ops.map((op) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/);
  });

  it('keeps only the components it refers to', async () => {
    const doc = await openApiDocument(app);
    const refs = new Set(
      [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]),
    );
    expect(Object.keys(doc.components.schemas).filter((name) => !refs.has(name))).toEqual([]);
  });

  it('declares a 4xx for every operation that takes input, a token or a per-IP limit', () => {
    for (const op of ops) {
      // Fastify reads a body sent with any method but GET and HEAD, schema or not.
      const readsBody = op.method !== 'GET' && op.method !== 'HEAD';
      const canFail =
        readsBody || op.parameters.length > 0 || op.security!.length > 0 || op.rateLimit;
      expect(
        op.statuses.some((s) => s >= 400 && s < 500),
        label(op),
      ).toBe(Boolean(canFail));
    }
  });

  it('says of every operation whether it needs a token: bearer, optional, or none', () => {
    for (const op of ops) {
      expect(op.security, label(op)).toBeDefined();
      const schemes = op.security!.flatMap((s) => Object.keys(s));
      expect(
        schemes.every((s) => s === 'bearerAuth'),
        label(op),
      ).toBe(true);
    }
    const optional = ops.filter(tokenOptional).map(label).sort();
    expect(optional).toEqual([
      'GET /api/v1/auth/oauth/{provider}/start',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/sms-codes',
    ]);
    expect(ops.filter((op) => op.path.startsWith('/api/v1/me/') && !needsToken(op)).map(label))
      // The change-email link names its account by its token and works logged out.
      .toEqual(['POST /api/v1/me/email/confirm']);
  });

  it('answers 401 without a token exactly where the document asks for one', async () => {
    for (const op of ops.filter(needsToken)) {
      const res = await send(op, { withToken: false });
      expect({ op: label(op), status: res.statusCode, code: res.json().code }).toEqual({
        op: label(op),
        status: 401,
        code: 'UNAUTHENTICATED',
      });
      expect(op.statuses, label(op)).toContain(401);
    }
    // A public operation ignores a token: a bad one changes nothing.
    for (const op of ops.filter((o) => o.security?.length === 0)) {
      const without = await send(op);
      const withBad = await send(op, { headers: { authorization: 'Bearer not-a-token' } });
      expect(withBad.statusCode, label(op)).toBe(without.statusCode);
    }
  });

  it('answers each generic failure status it declares (400, 413, 415, 422) to a request made for it', async () => {
    const bodyless = { 'content-type': 'application/json' };
    for (const op of ops) {
      const declared = new Set(op.statuses);
      const elicited = new Map<number, number>();
      if (declared.has(400)) {
        const res = await send(op, { headers: bodyless, payload: '{"unfinished":' });
        elicited.set(400, res.statusCode);
      }
      if (declared.has(413)) {
        const res = await send(op, {
          headers: bodyless,
          payload: JSON.stringify({ padding: 'x'.repeat(BODY_LIMIT) }),
        });
        elicited.set(413, res.statusCode);
      }
      if (declared.has(415)) {
        const res = await send(op, {
          headers: { 'content-type': 'application/xml' },
          payload: '<a/>',
        });
        elicited.set(415, res.statusCode);
      }
      if (declared.has(422)) elicited.set(422, (await invalidRequest(op)).statusCode);
      for (const [want, got] of elicited)
        expect({ op: label(op), status: got }).toEqual({ op: label(op), status: want });
    }
  });

  it('answers 429 after enough requests from one address, or one user, where it declares a limit', async () => {
    const limited = ops.filter((op) => op.rateLimit);
    expect(limited.length).toBeGreaterThan(0);
    for (const op of limited) {
      expect(op.statuses, label(op)).toContain(429);
      const { perIp, perUser, onlyWithQuery: only } = op.rateLimit!;
      // Per user: one fresh account, from a new address for every request.
      const user = perUser ? { authorization: `Bearer ${await tokenFor(app)}` } : undefined;
      const ip = freshAddress();
      const remoteAddress = () => (user ? freshAddress() : ip);
      let status = 0;
      // Invalid requests count too (the limit runs first) and cost the server nothing more; a
      // limit that counts only requests with some query parameter is sent that parameter.
      for (let i = 0; i <= (perIp ?? perUser); i++) {
        const res = only
          ? await send(op, { remoteAddress: remoteAddress(), query: [[only, 'probe']] })
          : await invalidRequest(op, remoteAddress(), user);
        status = res.statusCode;
      }
      expect({ op: label(op), status }).toEqual({ op: label(op), status: 429 });
    }
  });

  it('serves Swagger UI', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

/**
 * A request that the operation's own validation refuses, where it validates anything; with
 * `authorization`, as that user rather than the shared one.
 */
function invalidRequest(
  op: Operation,
  remoteAddress = freshAddress(),
  authorization?: { authorization: string },
) {
  if (op.body?.['multipart/form-data']) {
    // A form without the file.
    const boundary = 'folio-boundary';
    return send(op, {
      remoteAddress,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...authorization,
      },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--${boundary}--\r\n`,
    });
  }
  if (op.body) {
    return send(op, {
      remoteAddress,
      headers: { 'content-type': 'application/json', ...authorization },
      payload: '[]',
    });
  }
  const query = op.parameters.find((p) => p.in === 'query');
  if (query) {
    // A repeated parameter arrives as a list, which no query field takes.
    return send(op, {
      remoteAddress,
      headers: { ...authorization },
      query: [
        [query.name, 'a'],
        [query.name, 'b'],
      ],
    });
  }
  const path = op.parameters.find((p) => p.in === 'path' && refusedValue(p.schema) !== null);
  if (path) {
    return send(op, {
      remoteAddress,
      headers: { ...authorization },
      pathValues: { [path.name]: refusedValue(path.schema)! },
    });
  }
  // Nothing to get wrong: a plain request, which a limit counts all the same.
  return send(op, { remoteAddress, headers: { ...authorization } });
}
