import multipart from '@fastify/multipart';
import {
  AcceptedSchema,
  ChangeEmailBody,
  ChangePasswordBody,
  ChangePhoneBody,
  DeleteMeBody,
  EmailChangedSchema,
  Envelope,
  IdParam,
  LIMITS,
  MeSchema,
  SessionIdParam,
  SessionSchema,
  SessionsRevokedSchema,
  TokenBody,
  UpdateMeBody,
} from '@folio/schema';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { failures, ok } from '../../lib/route-schema';
import { auditContextOf } from '../audit/service';
import type { AuthContext } from '../sessions/service';

const tags = ['account'];
/**
 * The avatar form, for the OpenAPI document only: the handler reads the multipart body itself
 * (`request.file()`), so this accepts whatever Fastify holds and just describes the form.
 */
const AvatarUploadBody = z.unknown().meta({
  type: 'object',
  required: ['avatar'],
  properties: { avatar: { type: 'string', format: 'binary', description: 'The image file' } },
});
const accepted = { accepted: true as const };
/** Set by `app.authenticate`, which every route here but the email confirmation runs first. */
const authOf = (request: FastifyRequest): AuthContext => request.auth!;

const meRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only this plugin takes multipart bodies, and only one file of at most 2 MB.
  await app.register(multipart, {
    limits: { fileSize: LIMITS.avatarBytes, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
  });
  const service = app.meService;
  const onRequest = app.authenticate;

  /**
   * The one file of the avatar form. A body busboy can't parse (no boundary, cut short, broken
   * part headers) is the client's fault: a 400 naming the field, never an unhandled error.
   */
  async function readAvatar(request: FastifyRequest): Promise<Buffer> {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    try {
      const file = await request.file();
      if (!file) throw new AppError('VALIDATION_FAILED', { errors: { avatar: 'required' } });
      return await file.toBuffer();
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof app.multipartErrors.RequestFileTooLargeError) {
        throw new AppError('PAYLOAD_TOO_LARGE', { errors: { avatar: 'imageInvalid' } });
      }
      // The plugin's own limit errors (too many parts, files or fields) carry their 413.
      const status = (err as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) throw err;
      throw new AppError('BAD_REQUEST', { errors: { avatar: 'uploadUnreadable' }, cause: err });
    }
  }

  app.get(
    '/me',
    {
      onRequest,
      schema: {
        tags,
        summary: 'The logged-in account, with its login identities and any pending email change',
        response: { 200: Envelope(MeSchema) },
      },
    },
    async (request) => ok(await service.me(authOf(request).userId)),
  );

  app.patch(
    '/me',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Change nickname, birthday (null clears it) or language',
        body: UpdateMeBody,
        response: { 200: Envelope(MeSchema) },
      },
    },
    async (request) => ok(await service.update(authOf(request).userId, request.body)),
  );

  app.post(
    '/me/avatar',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Upload an avatar',
        description:
          'A `multipart/form-data` body with one file (any field name; errors name `avatar`): JPEG, PNG, WebP or GIF by ' +
          'its content, at most 2 MB. It is re-encoded to a 256×256 WebP without metadata.',
        consumes: ['multipart/form-data'],
        body: AvatarUploadBody,
        response: { 200: Envelope(MeSchema) },
      },
    },
    async (request) =>
      ok(await service.setAvatar(authOf(request).userId, await readAvatar(request))),
  );

  app.post(
    '/me/password',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Change the password; every other session ends',
        body: ChangePasswordBody,
        response: { 200: Envelope(AcceptedSchema), ...failures(429) },
      },
    },
    async (request) => {
      await service.changePassword(authOf(request), request.body);
      return ok(accepted);
    },
  );

  app.post(
    '/me/email',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Start a change of email: a link goes to the new address',
        description:
          'The current address stays until the link (24 h, single use) is followed. An address ' +
          'already used by another account gets the same answer and no mail.',
        body: ChangeEmailBody,
        response: { 200: Envelope(MeSchema), ...failures(429) },
      },
    },
    async (request) =>
      ok(await service.requestEmailChange(authOf(request).userId, request.body.email)),
  );

  app.post(
    '/me/email/confirm',
    {
      schema: {
        tags,
        summary: 'Follow a change-email link (no login needed: the token names the account)',
        body: TokenBody,
        response: { 200: Envelope(EmailChangedSchema), ...failures(409) },
      },
    },
    async (request) => ok(await service.confirmEmailChange(request.body.token)),
  );

  app.post(
    '/me/phone',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Change the phone with an SMS code sent to the new number (purpose change-phone)',
        body: ChangePhoneBody,
        response: { 200: Envelope(MeSchema), ...failures(409) },
      },
    },
    async (request) => ok(await service.changePhone(authOf(request).userId, request.body)),
  );

  app.get(
    '/me/sessions',
    {
      onRequest,
      schema: {
        tags,
        summary: "The account's sessions, this one first",
        response: { 200: Envelope(z.array(SessionSchema)) },
      },
    },
    async (request) => {
      return ok(await service.sessions(authOf(request)));
    },
  );

  app.delete(
    '/me/sessions/:id',
    {
      onRequest,
      schema: {
        tags,
        summary: 'End one of your sessions; its access token stops working at once',
        params: SessionIdParam,
        response: { 200: Envelope(AcceptedSchema), ...failures(404) },
      },
    },
    async (request) => {
      await service.revokeSession(authOf(request), request.params.id, auditContextOf(request));
      return ok(accepted);
    },
  );

  app.delete(
    '/me/sessions',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Log out everywhere else (this session stays)',
        response: { 200: Envelope(SessionsRevokedSchema) },
      },
    },
    async (request) =>
      ok(await service.revokeOtherSessions(authOf(request), auditContextOf(request))),
  );

  app.delete(
    '/me',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Delete the account (password confirms); blogs stay with their author',
        body: DeleteMeBody,
        response: { 200: Envelope(AcceptedSchema), ...failures(429) },
      },
    },
    async (request, reply) => {
      await service.deleteAccount(authOf(request), request.body.password);
      const cleared = app.sessions.clearedCookie();
      reply.clearCookie(cleared.name, cleared.options);
      return ok(accepted);
    },
  );

  app.delete(
    '/me/identities/:id',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Unbind a login identity (a provider, the email or the phone), never the last one',
        params: IdParam,
        response: { 200: Envelope(MeSchema), ...failures(404, 409) },
      },
    },
    async (request) => ok(await service.unbindIdentity(authOf(request).userId, request.params.id)),
  );
};

export default meRoutes;
