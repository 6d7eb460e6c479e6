import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp } from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(() => app.close());

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
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '422']));
    expect(doc.components.schemas).toHaveProperty('BlogSummary');
    expect(doc.components.schemas).toHaveProperty('Failure');
    expect(JSON.stringify(doc)).not.toContain('/api/openapi.json');
  });

  it('marks the routes that need a login with the bearer scheme', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(doc.paths['/api/v1/me'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/v1/me/sessions'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/v1/blogs'].get.security).toBeUndefined();
    expect(doc.paths['/api/v1/auth/login'].post.security).toBeUndefined();
  });

  it('serves Swagger UI', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});
