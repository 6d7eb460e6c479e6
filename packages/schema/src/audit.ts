import { z } from 'zod';
import { IdSchema, IsoDateTime, Page, PageQuery } from './common';

/** What the audit log records: staff's actions and security events. */
export const AUDIT_ACTIONS = [
  'login',
  'login.failed',
  'password.reset',
  'session.revoked',
  'role.created',
  'role.updated',
  'role.deleted',
  'user.roles',
  'user.locked',
  'user.unlocked',
  'user.deleted',
  'user.restored',
  'blog.unpublished',
  'blog.deleted',
  'blog.restored',
  'blog.featured',
  'blog.unfeatured',
  'comment.deleted',
  'comment.reportsDismissed',
  'author.created',
  'author.updated',
  'settings.changed',
  'export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGETS = ['user', 'role', 'session', 'blog', 'comment', 'author'] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    action: z.enum(AUDIT_ACTIONS),
    actor: z.object({ id: z.number().int(), nickname: z.string() }).nullable(),
    targetType: z.enum(AUDIT_TARGETS).nullable(),
    targetId: z.string().nullable(),
    /** The fields an action changed, as they were and as it left them. */
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    at: IsoDateTime,
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditFilter = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: IdSchema.optional(),
  targetType: z.enum(AUDIT_TARGETS).optional(),
  targetId: z.string().trim().min(1).max(64).optional(),
  /** On or after this day (UTC). */
  from: z.iso.date('dateInvalid').optional(),
  /** On or before this day (UTC). */
  to: z.iso.date('dateInvalid').optional(),
});
export type AuditFilterValue = z.output<typeof AuditFilter>;

export const AuditListQuery = PageQuery.extend(AuditFilter.shape);
export type AuditListParams = z.output<typeof AuditListQuery>;

export const AuditPageSchema = Page(AuditEntrySchema).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPageSchema>;
