import type { AuditAction, AuditTarget } from '@folio/schema';
import type { AdminMessageKey, Translate } from '../../lib/i18n';

const ACTION_TEXTS: Record<AuditAction, AdminMessageKey> = {
  login: 'admin.audit.action.login',
  'login.failed': 'admin.audit.action.login.failed',
  'password.reset': 'admin.audit.action.password.reset',
  'session.revoked': 'admin.audit.action.session.revoked',
  'role.created': 'admin.audit.action.role.created',
  'role.updated': 'admin.audit.action.role.updated',
  'role.deleted': 'admin.audit.action.role.deleted',
  'user.roles': 'admin.audit.action.user.roles',
  'user.locked': 'admin.audit.action.user.locked',
  'user.unlocked': 'admin.audit.action.user.unlocked',
  'user.deleted': 'admin.audit.action.user.deleted',
  'user.restored': 'admin.audit.action.user.restored',
  'blog.unpublished': 'admin.audit.action.blog.unpublished',
  'blog.deleted': 'admin.audit.action.blog.deleted',
  'blog.restored': 'admin.audit.action.blog.restored',
  'blog.featured': 'admin.audit.action.blog.featured',
  'blog.unfeatured': 'admin.audit.action.blog.unfeatured',
  'comment.deleted': 'admin.audit.action.comment.deleted',
  'comment.reportsDismissed': 'admin.audit.action.comment.reportsDismissed',
  'author.created': 'admin.audit.action.author.created',
  'author.updated': 'admin.audit.action.author.updated',
  'settings.changed': 'admin.audit.action.settings.changed',
  export: 'admin.audit.action.export',
};

const TARGET_TEXTS: Record<AuditTarget, AdminMessageKey> = {
  user: 'admin.audit.targetType.user',
  role: 'admin.audit.targetType.role',
  session: 'admin.audit.targetType.session',
  blog: 'admin.audit.targetType.blog',
  comment: 'admin.audit.targetType.comment',
  author: 'admin.audit.targetType.author',
};

/**
 * What an action is called in the reader's language; its name as the API sent it when this
 * build does not know it (an API newer than the SPA).
 */
export function actionText(action: string, t: Translate): string {
  const key = Object.hasOwn(ACTION_TEXTS, action) ? ACTION_TEXTS[action as AuditAction] : null;
  return key ? t(key) : action;
}

/** A kind of target ("User"), or its name as the API sent it. */
export function targetTypeText(type: string, t: Translate): string {
  const key = Object.hasOwn(TARGET_TEXTS, type) ? TARGET_TEXTS[type as AuditTarget] : null;
  return key ? t(key) : type;
}
