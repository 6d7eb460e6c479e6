import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { DOCS_CSP } from './helmet';
import { documentRoute, FAILURE_DESCRIPTIONS } from '../../lib/route-schema';

type Transform = typeof jsonSchemaTransform;
type TransformObject = typeof jsonSchemaTransformObject;

/** Zod's JSON Schema per route, each failure response with what its status means. */
const transform: Transform = (document) => {
  const result = jsonSchemaTransform(document);
  const response = result.schema?.response as Record<string, Record<string, unknown>> | undefined;
  for (const [status, schema] of Object.entries(response ?? {})) {
    const description = FAILURE_DESCRIPTIONS[Number(status)];
    if (description) response![status] = { ...schema, description };
  }
  return result;
};

/** Every schema zod knows of becomes a component; the document keeps the ones it refers to. */
const transformObject: TransformObject = (document) => {
  const doc = jsonSchemaTransformObject(document) as ReturnType<TransformObject> & {
    components: { schemas: Record<string, unknown> };
  };
  const all = doc.components.schemas;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const name = key === '$ref' && typeof value === 'string' ? value.split('/').pop()! : null;
      if (name && !used.has(name) && name in all) {
        used.add(name);
        visit(all[name]);
      } else visit(value);
    }
  };
  visit({ ...doc, components: { ...doc.components, schemas: {} } });
  doc.components.schemas = Object.fromEntries(Object.entries(all).filter(([n]) => used.has(n)));
  return doc;
};

/** The OpenAPI document is generated from the zod schemas the routes validate with. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Folio API',
          version: '1.0.0',
          license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
          description:
            'Every response is an envelope: `{"result": true, "data": ...}` or `{"result": false, "code", "msg", "errors"?, "requestId"}`. ' +
            '`msg` follows `Accept-Language` (en or zh-CN). An operation under a limit says it in `x-rate-limit`: `perIp`, or `perUser` where it counts by account.',
        },
        servers: [{ url: '/' }],
        components: {
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description: 'The access token from a login or POST /api/v1/auth/refresh.',
            },
          },
        },
        tags: [
          { name: 'blogs', description: 'Blogs: reading, writing, revisions, trash and tags' },
          { name: 'comments', description: 'Comments on blogs, and their replies' },
          { name: 'authors', description: 'Authors' },
          { name: 'auth', description: 'Captchas, registration, login, sessions and recovery' },
          { name: 'account', description: 'The logged-in account' },
          { name: 'uploads', description: 'Images for blogs, stored in several sizes' },
          { name: 'health', description: 'Liveness and readiness' },
          { name: 'site', description: 'What the public site needs to know of its settings' },
          {
            name: 'admin',
            description:
              'The admin section: each operation needs the permission its `x-permission` names ' +
              '(every one of them, where it lists several)',
          },
        ],
      },
      transform,
      transformObject,
    });
    // Security, operationId and the generic failures come from the route itself (documentRoute).
    app.addHook('onRoute', (route) => {
      if (!route.schema || route.schema.hide || route.method === 'HEAD') return;
      const hooks = [route.onRequest, route.preValidation, route.preHandler].flat();
      route.schema = documentRoute({
        method: String(route.method),
        url: route.url,
        schema: route.schema,
        // A route that needs a permission (`app.requires`) checks the token with it.
        authenticates: hooks.includes(app.authenticate) || route.config?.permission !== undefined,
        rateLimit: route.config?.rateLimit as { max?: unknown; timeWindow?: unknown } | undefined,
        permission: route.config?.permission,
      });
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'swagger', dependencies: ['auth'] },
);
