import multipart from '@fastify/multipart';
import { Envelope, LIMITS, UploadSchema } from '@folio/schema';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { failures, ok } from '../../lib/route-schema';
import { UPLOAD_LIMIT } from '../../plugins/external/rate-limit';
import { UPLOAD_FIELD } from './service';

const tags = ['uploads'];
/**
 * The upload form, for the OpenAPI document only: the handler reads the multipart body itself,
 * so this accepts whatever Fastify holds and just describes the form.
 */
const UploadBody = z.unknown().meta({
  type: 'object',
  required: [UPLOAD_FIELD],
  properties: {
    [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: 'The image file' },
  },
});

const fileError = (
  code: 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE' | 'BAD_REQUEST',
  message: string,
  cause?: unknown,
) => new AppError(code, { errors: { [UPLOAD_FIELD]: message }, cause });

const uploadRoutes: FastifyPluginAsyncZod = async (app) => {
  // One file of at most 5 MB; a second file is refused by the handler, more parts by busboy.
  await app.register(multipart, {
    limits: {
      fileSize: LIMITS.uploadBytes,
      files: 2,
      fields: 2,
      fieldSize: 1024,
      parts: 4,
      headerPairs: 20,
    },
  });
  const service = app.uploadService;

  /**
   * The form's one file, read whole. Anything busboy can't parse is a 400, a file over 5 MB or a
   * form of too many parts a 413, a second file a 422: each naming the field.
   */
  async function readFile(request: FastifyRequest): Promise<Buffer> {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    let file: Buffer | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue;
        if (file) throw fileError('VALIDATION_FAILED', 'uploadOneFile');
        file = await part.toBuffer();
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof app.multipartErrors.RequestFileTooLargeError) {
        throw fileError('PAYLOAD_TOO_LARGE', 'uploadTooLarge', err);
      }
      if (
        err instanceof app.multipartErrors.FilesLimitError ||
        err instanceof app.multipartErrors.PartsLimitError ||
        err instanceof app.multipartErrors.FieldsLimitError
      ) {
        throw fileError('PAYLOAD_TOO_LARGE', 'uploadOneFile', err);
      }
      throw fileError('BAD_REQUEST', 'uploadUnreadable', err);
    }
    if (!file) throw fileError('VALIDATION_FAILED', 'required');
    return file;
  }

  app.post(
    '/uploads',
    {
      onRequest: app.authenticate,
      config: { rateLimit: UPLOAD_LIMIT },
      schema: {
        tags,
        summary: 'Upload an image (a blog cover, a picture in a text)',
        description:
          'A `multipart/form-data` body with one file (any field name; errors name `file`): JPEG, PNG, WebP or GIF ' +
          'by its content, at most 5 MB and 50 megapixels. SVG, HTML and other files answer 415, and so does an ' +
          'image that also holds markup or script. It is re-encoded without metadata to WebP at 400, 800 and ' +
          '1600 px wide (never wider than the original; a GIF keeps its first frame), each served from its `url` ' +
          'for good. Build `srcset` from `variants`. Past the per-user quota of stored bytes a 413 says the ' +
          'usage in `msg` and in `quota` (`usedBytes`, `limitBytes`, `fileBytes`). An upload nothing uses ' +
          '(no blog refers to it) is deleted after a day. At most 30 uploads a minute per user.',
        consumes: ['multipart/form-data'],
        body: UploadBody,
        response: { 201: Envelope(UploadSchema), ...failures(403) },
      },
    },
    async (request, reply) => {
      const upload = await service.create(request.auth!.userId, await readFile(request));
      reply.code(201).header('location', upload.url);
      return ok(upload, { location: upload.url });
    },
  );
};

export default uploadRoutes;
