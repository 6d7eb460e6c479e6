import type { App } from '../src/app';
import { PERMISSIONS } from '@folio/schema';
import { grant, makeUser, sessionFor } from './helpers';

/** A JSON Schema as the OpenAPI document gives it (3.0 flavour, components already named). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** The OpenAPI path, with `{name}` for path parameters. */
  path: string;
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters: Parameter[];
  /** Media type to its schema, when the operation takes a body. */
  body: Record<string, JsonSchema> | null;
  statuses: number[];
  /** The media types its success answers come in (a file's, where it sends one). */
  successTypes: string[];
  /**
   * Its limit, as `x-rate-limit` gives it: per IP, or per user (`perUser`); `onlyWithQuery`: the
   * limit counts only requests that carry this query parameter.
   */
  rateLimit:
    | ({ windowSeconds: number; onlyWithQuery?: string } & (
        { perIp: number; perUser?: undefined } | { perUser: number; perIp?: undefined }
      ))
    | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** The document as the app serves it. */
export async function openApiDocument(app: App): Promise<OpenApiDocument> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}`);
  return res.json();
}

/** Every operation the document describes, in its order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const requestBody = op.requestBody as
        { content: Record<string, { schema: JsonSchema }> } | undefined;
      ops.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId as string | undefined,
        security: op.security as Operation['security'],
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        body: requestBody
          ? Object.fromEntries(
              Object.entries(requestBody.content).map(([type, media]) => [type, media.schema]),
            )
          : null,
        statuses: Object.keys(op.responses as object).map(Number),
        successTypes: Object.entries(op.responses as Record<string, { content?: object }>)
          .filter(([status]) => status.startsWith('2'))
          .flatMap(([, response]) => Object.keys(response.content ?? {})),
        rateLimit: (op['x-rate-limit'] as Operation['rateLimit'] | undefined) ?? null,
      });
    }
  }
  return ops;
}

/** A schema with its `$ref`s (and `allOf`s of one) followed. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    if (current.$ref) current = doc.components.schemas[current.$ref.split('/').pop()!]!;
    else if (current.allOf?.length === 1) current = current.allOf[0]!;
    else return current;
  }
  return current;
}

export const needsToken = (op: Operation) =>
  Boolean(op.security?.length && op.security.every((s) => 'bearerAuth' in s));
export const tokenOptional = (op: Operation) =>
  Boolean(
    op.security?.some((s) => 'bearerAuth' in s) && op.security.some((s) => !('bearerAuth' in s)),
  );

export const label = (op: Operation) => `${op.method} ${op.path}`;

/** URLs carry UTF-8, which has no lone surrogates: they become U+FFFD as a browser would send. */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const encode = (s: string) => encodeURIComponent(wellFormed(s));

/** A URL for the operation with these path parameters (encoded) and query pairs. */
export function urlFor(
  op: Operation,
  pathValues: Record<string, string>,
  query: [string, string][] = [],
): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(pathValues[name] ?? 'x'));
  const qs = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  return qs ? `${path}?${qs}` : path;
}

let addresses = 0;
/**
 * A loopback source address no other request of the run uses, in its own /24, so per-IP (and
 * per-network) limits count each request apart.
 */
export function freshAddress(): string {
  addresses += 1;
  return `127.${(addresses >> 8) & 255}.${addresses & 255}.${1 + ((addresses >> 16) & 127)}`;
}

/**
 * A logged-in user of its own for an operation, so what one operation does can't end another's
 * session. It holds every permission, so an admin route reaches its own checks of the request.
 */
export async function tokenFor(app: App): Promise<string> {
  const user = await makeUser(app);
  await grant(app, user.id, ...PERMISSIONS);
  return (await sessionFor(app, user.id)).accessToken;
}

/** A value a parameter's schema refuses, or null when every string passes. */
export function refusedValue(schema: JsonSchema): string | null {
  if (schema.enum) return 'not-one-of-them';
  if (schema.pattern) {
    for (const candidate of ['0', '!', '-1', 'a b', '']) {
      if (!new RegExp(schema.pattern).test(candidate)) return candidate;
    }
  }
  if (schema.maxLength !== undefined) return 'x'.repeat(schema.maxLength + 1);
  if (schema.minLength) return '';
  if (schema.type === 'integer' || schema.type === 'number') return 'abc';
  return null;
}
