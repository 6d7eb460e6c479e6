import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { DOCS_CSP } from './helmet';

/** The OpenAPI document is generated from the zod schemas the routes validate with. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Folio API',
          version: '1.0.0',
          description:
            'Every response is an envelope: `{"result": true, "data": ...}` or `{"result": false, "code", "msg", "errors"?, "requestId"}`. ' +
            '`msg` follows `Accept-Language` (en or zh-CN).',
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
          { name: 'blogs', description: 'Published blogs' },
          { name: 'authors', description: 'Authors' },
          { name: 'health', description: 'Liveness and readiness' },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    // A route that needs a login says so in the document: it runs app.authenticate first.
    app.addHook('onRoute', (route) => {
      const hooks = [route.onRequest, route.preHandler].flat().filter(Boolean);
      if (route.schema && hooks.includes(app.authenticate)) {
        route.schema = { ...route.schema, security: [{ bearerAuth: [] }] };
      }
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'swagger', dependencies: ['auth'] },
);
