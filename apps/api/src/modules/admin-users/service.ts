import type {
  AdminUser,
  AdminUserDetail,
  AdminUserListParams,
  AdminUserPage,
  BulkResult,
  BulkUsers,
} from '@folio/schema';
import type { AuditAction } from '@folio/schema';
import type { CountCache } from '../../lib/count-cache';
import { NotFound } from '../../lib/errors';
import type { AuditContext, AuditLog } from '../audit/service';
import { pageCount } from '../../lib/sql';
import { describeSession } from '../sessions/devices';
import type { SessionService } from '../sessions/service';
import { AVATAR_URL_PREFIX } from '../users/me';
import type { UserRepository } from '../users/repository';
import { userFilter, type AdminUserRepository, type AdminUserRow } from './repository';

export interface AdminUserServiceDeps {
  repo: AdminUserRepository;
  counts: Pick<CountCache, 'get' | 'invalidate'>;
  users: Pick<UserRepository, 'identities'>;
  sessions: Pick<SessionService, 'list' | 'get' | 'end' | 'endAll'>;
  audit: Pick<AuditLog, 'record'>;
}

const RECORDED: Record<BulkUsers['action'], AuditAction> = {
  lock: 'user.locked',
  unlock: 'user.unlocked',
  delete: 'user.deleted',
  restore: 'user.restored',
};

/**
 * The users table's totals, per filter: counting a million rows takes most of a second, so a
 * total is counted once per TOTAL_SECONDS (however many ask at once), and afresh after the
 * table's own bulk actions. Registrations and changes elsewhere show in it within that time.
 */
const USERS_TOTALS_SCOPE = 'admin-users';
export const TOTAL_SECONDS = 30;

/** Users a bulk action changes per transaction. */
export const BULK_BATCH = 500;

/** The users table and the actions staff take on accounts. */
export function createAdminUserService({
  repo,
  counts,
  users,
  sessions,
  audit,
}: AdminUserServiceDeps) {
  function describe(row: AdminUserRow): AdminUser {
    return {
      id: row.id,
      nickname: row.nickname,
      avatarUrl: row.avatar ? `${AVATAR_URL_PREFIX}${row.avatar}` : null,
      email: row.email,
      phone: row.phone,
      status: row.deletedAt ? 'deleted' : row.status,
      roles: row.roles,
      createdAt: row.createdAt.toISOString(),
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
      lastLoginIp: row.lastLoginIp,
    };
  }

  async function found(id: number): Promise<AdminUserRow> {
    const row = await repo.find(id);
    if (!row) throw NotFound('userNotFound');
    return row;
  }

  return {
    async list(params: AdminUserListParams): Promise<AdminUserPage> {
      const { page, perPage, sort: _sort, ...filter } = params;
      const [rows, total] = await Promise.all([
        repo.page(params),
        counts.get(USERS_TOTALS_SCOPE, filter, () => repo.count(filter), TOTAL_SECONDS),
      ]);
      return {
        items: rows.map(describe),
        page,
        perPage,
        total,
        pages: pageCount(total, perPage),
      };
    },

    async get(id: number): Promise<AdminUserDetail> {
      const [row, identities, live] = await Promise.all([
        found(id),
        users.identities(id),
        sessions.list(id),
      ]);
      return {
        ...describe(row),
        identities: identities.map((i) => ({
          id: i.id,
          kind: i.kind,
          provider: i.provider,
          label: i.label ?? i.subject,
          verifiedAt: i.verifiedAt?.toISOString() ?? null,
          createdAt: i.createdAt.toISOString(),
        })),
        sessions: live.map(({ sid, session }) => describeSession(sid, session, '')),
      };
    },

    /** Ends one of a user's sessions; its access token stops working at once. */
    async endSession(context: AuditContext, userId: number, sid: string): Promise<void> {
      await found(userId);
      const session = await sessions.get(sid);
      if (!session || session.userId !== userId) throw NotFound('sessionNotFound');
      await sessions.end(sid);
      await audit.record(context, {
        action: 'session.revoked',
        target: { type: 'user', id: userId },
        before: { session: sid, ip: session.ip },
      });
    },

    /**
     * Locks, unlocks, deletes or restores the selected users, or every user the filter matches,
     * a batch at a time. Never the actor, never the last active accounts that can manage roles.
     * Locking or deleting ends the users' sessions at once.
     */
    async bulk(context: AuditContext & { actorId: number }, body: BulkUsers): Promise<BulkResult> {
      const where = body.all ? userFilter(body.all) : undefined;
      const chosen = body.ids ? [...new Set(body.ids)].sort((a, b) => a - b) : undefined;
      let affected = 0;
      let considered = 0;
      let afterId = 0;
      for (;;) {
        const batch = chosen
          ? chosen.slice(considered, considered + BULK_BATCH)
          : await repo.nextBatch(where, body.action, afterId, BULK_BATCH);
        if (!batch.length) break;
        const changed = await repo.apply(body.action, batch, context.actorId);
        await audit.record(
          context,
          ...changed.map((id) => ({
            action: RECORDED[body.action],
            target: { type: 'user' as const, id },
            ...(body.all && { after: { filter: body.all } }),
          })),
        );
        if (body.action === 'lock' || body.action === 'delete') {
          for (const userId of changed) await sessions.endAll(userId);
        }
        affected += changed.length;
        considered += batch.length;
        afterId = batch[batch.length - 1]!;
        if (chosen && considered >= chosen.length) break;
      }
      if (affected) await counts.invalidate(USERS_TOTALS_SCOPE);
      // Those in the batches it did not change: already in that state, the actor, the last manager.
      return { affected, skipped: (chosen?.length ?? considered) - affected };
    },
  };
}

export type AdminUserService = ReturnType<typeof createAdminUserService>;
