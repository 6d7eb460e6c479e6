import type { AdminUserFilterValue, AdminUserListParams, BulkUserAction } from '@folio/schema';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  like,
  ne,
  or,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { rolePermissions, roles, userIdentities, userRoles, users } from '../../db/schema';
import { asValue, containsPattern, placeholders, withinDays, type Bind } from '../../lib/sql';

export interface AdminUserRow {
  id: number;
  nickname: string;
  avatar: string | null;
  status: 'pending' | 'active' | 'locked';
  deletedAt: Date | null;
  createdAt: Date;
  lastLoginAt: Date | null;
  lastLoginIp: string | null;
  email: string | null;
  phone: string | null;
  /** In id order. */
  roles: { id: number; name: string }[];
}

// Written out with table names: drizzle leaves them off a query of one table, where the inner
// tables' own `id` and `user_id` would be read instead of the user's.
const contact = (provider: 'email' | 'phone') =>
  sql<string | null>`(SELECT i.subject FROM user_identities i FORCE INDEX (user_identities_user_idx)
    WHERE i.user_id = users.id AND i.kind = ${provider} AND i.provider = ${provider} LIMIT 1)`;

/** A row of the table with its email, phone and roles: one statement for a whole page. */
const columns = {
  id: users.id,
  nickname: users.nickname,
  avatar: users.avatar,
  status: users.status,
  deletedAt: users.deletedAt,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
  lastLoginIp: users.lastLoginIp,
  email: contact('email'),
  phone: contact('phone'),
  roles:
    sql`(SELECT COALESCE(JSON_ARRAYAGG(JSON_OBJECT('id', r.id, 'name', r.name) ORDER BY r.id), '[]')
    FROM user_roles ur INNER JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = users.id)`.mapWith(
      (value: string) => JSON.parse(value) as { id: number; name: string }[],
    ),
};

const SORT_COLUMNS = {
  id: users.id,
  nickname: users.nickname,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
} as const;

type SortName = keyof typeof SORT_COLUMNS;

/**
 * The index a page is read in order from: with a status (not `deleted`), the status's index for
 * the sort column, else the sort column's own. A search or a role filter is left to the
 * optimizer. Named, so the plan does not hang on the table's statistics (tested by EXPLAIN).
 */
export function pageIndex(sort: SortName, filter: AdminUserFilterValue): string | undefined {
  if (filter.q || filter.roleId !== undefined) return undefined;
  const byStatus = filter.status !== undefined && filter.status !== 'deleted';
  const indexes: Record<SortName, [string | undefined, string]> = {
    id: [undefined, 'users_status_idx'],
    createdAt: ['users_created_idx', 'users_status_created_idx'],
    nickname: ['users_nickname_idx', 'users_status_nickname_idx'],
    lastLoginAt: ['users_login_idx', 'users_status_login_idx'],
  };
  return indexes[sort][byStatus ? 1 : 0];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE of the users table's filters (the list, its total and "all matching" bulk actions). */
export function userFilter(filter: AdminUserFilterValue, bind: Bind = asValue): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  const { q, status, roleId, registeredFrom, registeredTo } = filter;
  if (status === 'deleted') parts.push(isNotNull(users.deletedAt));
  else if (status)
    parts.push(and(eq(users.status, bind('status', status)), isNull(users.deletedAt)));
  if (roleId !== undefined) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM ${userRoles} WHERE ${userRoles.userId} = ${users.id} AND ${userRoles.roleId} = ${bind('roleId', roleId)})`,
    );
  }
  parts.push(withinDays(users.createdAt, registeredFrom, registeredTo, bind));
  if (q) {
    // An email or phone is found by its start through the identities' unique index.
    const byIdentity = sql`${users.id} IN (SELECT ${userIdentities.userId} FROM ${userIdentities}
      WHERE ${userIdentities.provider} IN ('email', 'phone')
      AND ${userIdentities.subject} LIKE ${bind('prefix', `${escapeLike(q.toLowerCase())}%`)})`;
    parts.push(or(like(users.nickname, bind('contains', containsPattern(q))), byIdentity));
  }
  return and(...parts);
}

/** Whom an action changes: those not in its state already (a lock leaves the locked alone). */
function actionable(action: BulkUserAction): SQL {
  switch (action) {
    case 'lock':
      return and(ne(users.status, 'locked'), isNull(users.deletedAt))!;
    case 'unlock':
      return and(eq(users.status, 'locked'), isNull(users.deletedAt))!;
    case 'delete':
      return isNull(users.deletedAt);
    case 'restore':
      return isNotNull(users.deletedAt);
  }
}

/** The users table of the admin section: any user, deleted ones too. */
export function createAdminUserRepository(db: Db) {
  /**
   * A deferred join: the page's ids are found in the index alone (a status's indexes hold
   * `deleted_at` and the sort column, and InnoDB adds the id), so a deep page steps over the
   * rows before it without reading them; only its own rows are read.
   */
  function pageSelect(
    { sort, ...filter }: Omit<AdminUserListParams, 'page' | 'perPage'>,
    where: SQL | undefined,
    limit: number | Placeholder,
    offset: number | Placeholder,
  ) {
    const name = sort.replace(/^-/, '') as SortName;
    const order = sort.startsWith('-') ? desc : asc;
    const index = pageIndex(name, filter);
    const ids = db
      .select({ id: users.id })
      .from(users, index ? { forceIndex: index } : undefined)
      .where(where)
      .orderBy(order(SORT_COLUMNS[name]), order(users.id))
      .limit(limit)
      .offset(offset)
      .as('page_ids');
    return db
      .select(columns)
      .from(users)
      .innerJoin(ids, eq(users.id, ids.id))
      .orderBy(order(SORT_COLUMNS[name]), order(users.id));
  }

  /**
   * The page statement of each shape (sort, and which filters it has), prepared once: building
   * the SQL took as long as MariaDB took to answer it. At most sorts x filter combinations.
   */
  const pageStatements = new Map<string, ReturnType<ReturnType<typeof pageSelect>['prepare']>>();

  return {
    /** The page's rows. */
    page({ page, perPage, ...params }: AdminUserListParams): Promise<AdminUserRow[]> {
      const { bind, values, names } = placeholders();
      const where = userFilter(params, bind);
      const key = `${params.sort}:${params.status === 'deleted' ? 'deleted' : ''}:${names.join()}`;
      let statement = pageStatements.get(key);
      if (!statement) {
        statement = pageSelect(
          params,
          where,
          sql.placeholder('limit'),
          sql.placeholder('offset'),
        ).prepare();
        pageStatements.set(key, statement);
      }
      return statement.execute({ ...values, limit: perPage, offset: (page - 1) * perPage });
    },

    /** The page's statement with its values in it (for EXPLAIN). */
    pageQuery({ page, perPage, ...params }: AdminUserListParams) {
      return pageSelect(params, userFilter(params), perPage, (page - 1) * perPage);
    },

    async count(filter: AdminUserFilterValue): Promise<number> {
      const [row] = await db.select({ n: count() }).from(users).where(userFilter(filter));
      return row?.n ?? 0;
    },

    async find(id: number): Promise<AdminUserRow | undefined> {
      const [row] = await db.select(columns).from(users).where(eq(users.id, id));
      return row;
    },

    /** Their emails and phones, by user. */
    async contacts(
      ids: number[],
    ): Promise<Map<number, { email: string | null; phone: string | null }>> {
      const byUser = new Map(
        ids.map((id) => [id, { email: null as string | null, phone: null as string | null }]),
      );
      if (!ids.length) return byUser;
      const rows = await db
        .select({
          userId: userIdentities.userId,
          provider: userIdentities.provider,
          subject: userIdentities.subject,
        })
        .from(userIdentities)
        .where(
          and(
            inArray(userIdentities.userId, ids),
            inArray(userIdentities.provider, ['email', 'phone']),
          ),
        );
      for (const row of rows) {
        const contact = byUser.get(row.userId)!;
        if (row.provider === 'email') contact.email = row.subject;
        else contact.phone = row.subject;
      }
      return byUser;
    },

    /** Their roles, by user. */
    async rolesOf(ids: number[]): Promise<Map<number, { id: number; name: string }[]>> {
      const byUser = new Map(ids.map((id) => [id, [] as { id: number; name: string }[]]));
      if (!ids.length) return byUser;
      const rows = await db
        .select({ userId: userRoles.userId, id: roles.id, name: roles.name })
        .from(userRoles)
        .innerJoin(roles, eq(roles.id, userRoles.roleId))
        .where(inArray(userRoles.userId, ids))
        .orderBy(asc(roles.id));
      for (const { userId, ...role } of rows) byUser.get(userId)!.push(role);
      return byUser;
    },

    /**
     * The next ids, after `afterId`, of the users `where` selects whom `action` would change.
     * Walks the primary key in order, so a batch never meets the same user twice.
     */
    async nextBatch(
      where: SQL | undefined,
      action: BulkUserAction,
      afterId: number,
      limit: number,
    ): Promise<number[]> {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(where, actionable(action), gt(users.id, afterId)))
        .orderBy(asc(users.id))
        .limit(limit);
      return rows.map((row) => row.id);
    },

    /**
     * Applies the action to these users (those still in a state it changes) in one transaction,
     * never to `actorId`, and never to the last active accounts able to manage roles: a lock or
     * a delete that would take every one of them leaves one. Returns the ids it changed.
     */
    async apply(action: BulkUserAction, ids: number[], actorId: number): Promise<number[]> {
      if (!ids.length) return [];
      return db.transaction(async (tx) => {
        // Role changes lock the roles' rows first; so does this, so the two run one at a time.
        await tx.select({ id: roles.id }).from(roles).for('update');
        const rows = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.id, ids), actionable(action), ne(users.id, actorId)))
          .for('update');
        const changing = rows.map((row) => row.id);
        if (action === 'lock' || action === 'delete') {
          const managers = await tx
            .selectDistinct({ id: users.id })
            .from(users)
            .innerJoin(userRoles, eq(userRoles.userId, users.id))
            .innerJoin(
              rolePermissions,
              and(
                eq(rolePermissions.roleId, userRoles.roleId),
                eq(rolePermissions.permission, 'roles.manage'),
              ),
            )
            .where(and(eq(users.status, 'active'), isNull(users.deletedAt)));
          const taken = managers.filter((m) => changing.includes(m.id));
          if (taken.length && taken.length === managers.length) {
            changing.splice(changing.indexOf(taken[0]!.id), 1);
          }
        }
        if (!changing.length) return [];
        const values =
          action === 'lock'
            ? { status: 'locked' as const }
            : action === 'unlock'
              ? { status: 'active' as const }
              : action === 'delete'
                ? { deletedAt: sql`CURRENT_TIMESTAMP(3)` }
                : { deletedAt: null };
        await tx.update(users).set(values).where(inArray(users.id, changing));
        return changing;
      });
    },
  };
}

export type AdminUserRepository = ReturnType<typeof createAdminUserRepository>;
