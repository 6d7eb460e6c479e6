import type { FastifyReply } from 'fastify';
import { ok } from './route-schema';

/** Keeps a rendered answer in Redis under `key`, made by `render` once when it is missing. */
export type Rendered = (key: object, render: () => Promise<string>) => Promise<string>;

/**
 * Sends a public read from a cache of rendered answers (`BlogService.rendered`): the envelope
 * serialized by the route's own response schema, with the ETag, if any, on the line before it.
 */
export async function sendRendered(
  reply: FastifyReply,
  rendered: Rendered,
  key: object,
  read: () => Promise<{ data: unknown; etag?: string }>,
) {
  const text = await rendered(key, async () => {
    const { data, etag = '' } = await read();
    return `${etag}\n${reply.serializeInput(ok(data), '200') as string}`;
  });
  const cut = text.indexOf('\n');
  if (cut > 0) reply.header('etag', text.slice(0, cut));
  return reply.type('application/json; charset=utf-8').send(text.slice(cut + 1));
}
