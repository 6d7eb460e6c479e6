import {
  Envelope,
  SettingNameParams,
  SiteInfoSchema,
  SiteSettingsDefaultsSchema,
  SiteSettingsSchema,
  UpdateSiteSettingsBody,
} from '@folio/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, ok } from '../../lib/route-schema';
import { auditContextOf } from '../audit/service';

/** The site's settings: staff read and change them; anyone reads what the public site needs. */
const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.siteSettings;
  const guard = app.requires('system.settings');

  app.get(
    '/site',
    {
      schema: {
        tags: ['site'],
        summary: 'The site’s name, which ways of registering are open, and whether comments are',
        response: { 200: Envelope(SiteInfoSchema) },
      },
    },
    async () => ok(await service.site()),
  );

  app.get(
    '/admin/settings',
    {
      ...guard,
      schema: {
        tags: ['admin'],
        summary: 'The site’s settings as they apply now (the environment’s for those never set)',
        response: { 200: Envelope(SiteSettingsSchema), ...failures(403) },
      },
    },
    async () => ok(await service.get()),
  );

  app.patch(
    '/admin/settings',
    {
      ...guard,
      schema: {
        tags: ['admin'],
        summary: 'Change some of the site’s settings',
        description:
          'Only the settings given change; every API process applies them at once, without a ' +
          'restart. The audit log records each that changed (`settings.changed`), before and after.',
        body: UpdateSiteSettingsBody,
        response: { 200: Envelope(SiteSettingsSchema), ...failures(403) },
      },
    },
    async (request) => ok(await service.update(auditContextOf(request), request.body)),
  );

  app.get(
    '/admin/settings/defaults',
    {
      ...guard,
      schema: {
        tags: ['admin'],
        summary: 'The environment’s values of the settings, and which ones staff set instead',
        response: { 200: Envelope(SiteSettingsDefaultsSchema), ...failures(403) },
      },
    },
    async () => ok(await service.defaults()),
  );

  app.delete(
    '/admin/settings/:name',
    {
      ...guard,
      schema: {
        tags: ['admin'],
        summary: 'Reset a setting to the environment’s value',
        description:
          'Forgets the value staff set (`registration.phone` names one of a group): the ' +
          'environment’s applies at once in every API process, and again after it changes. The ' +
          'audit log records the value forgotten and the one that applies (`settings.changed`). ' +
          'A setting never set is left as it is. Answers the settings as they apply now.',
        params: SettingNameParams,
        response: { 200: Envelope(SiteSettingsSchema), ...failures(403) },
      },
    },
    async (request) => ok(await service.reset(auditContextOf(request), request.params.name)),
  );
};

export default settingsRoutes;
