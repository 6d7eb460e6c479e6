import { and, asc, eq, inArray, lt, notExists, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { uploadReferences, uploads, users } from '../../db/schema';

export type UploadRow = typeof uploads.$inferSelect;
export type NewUpload = Omit<typeof uploads.$inferInsert, 'id' | 'createdAt'>;

const BATCH = 500;

/**
 * No reference row names the upload. `locking` reads the references as committed now (a shared
 * lock), not as the transaction's snapshot saw them, for the purge's final check.
 */
const unreferenced = (locking = false) =>
  notExists(
    sql`(select 1 from ${uploadReferences} where ${uploadReferences.uploadId} = ${uploads.id}${
      locking ? sql` lock in share mode` : sql``
    })`,
  );

export function createUploadRepository(db: Db) {
  const sumBytes = sql<string | null>`sum(${uploads.bytes})`;

  return {
    async usedBytes(userId: number): Promise<number> {
      const [row] = await db
        .select({ used: sumBytes })
        .from(uploads)
        .where(eq(uploads.userId, userId));
      return Number(row?.used ?? 0);
    },

    /**
     * Records an upload if it fits the user's quota. The user's row is locked first, so uploads
     * of one user at once are counted one after another and can't overshoot together.
     */
    async createWithinQuota(
      values: NewUpload,
      quotaBytes: number,
    ): Promise<{ row: UploadRow } | { usedBytes: number }> {
      return db.transaction(async (tx) => {
        await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.id, values.userId))
          .for('update');
        const [sum] = await tx
          .select({ used: sumBytes })
          .from(uploads)
          .where(eq(uploads.userId, values.userId));
        const usedBytes = Number(sum?.used ?? 0);
        if (usedBytes + values.bytes > quotaBytes) return { usedBytes };
        const [result] = await tx.insert(uploads).values(values);
        const [row] = await tx.select().from(uploads).where(eq(uploads.id, result.insertId));
        return { row: row! };
      });
    },

    async remove(id: number): Promise<void> {
      await db.delete(uploads).where(eq(uploads.id, id));
    },

    async findByIds(ids: number[]): Promise<UploadRow[]> {
      if (!ids.length) return [];
      return db.select().from(uploads).where(inArray(uploads.id, ids));
    },

    async ownedBy(ids: number[], userId: number): Promise<number[]> {
      if (!ids.length) return [];
      const rows = await db
        .select({ id: uploads.id })
        .from(uploads)
        .where(and(inArray(uploads.id, ids), eq(uploads.userId, userId)));
      return rows.map((r) => r.id);
    },

    /** Makes the owner's references exactly `ids` (those that exist), in one transaction. */
    async setReferences(ownerKind: string, ownerId: number, ids: number[]): Promise<void> {
      await db.transaction(async (tx) => {
        const owner = and(
          eq(uploadReferences.ownerKind, ownerKind),
          eq(uploadReferences.ownerId, ownerId),
        );
        await tx
          .delete(uploadReferences)
          .where(ids.length ? and(owner, notInArray(uploadReferences.uploadId, ids)) : owner);
        if (!ids.length) return;
        // Shared locks held until commit, so the purge can't take an upload while it gains a
        // reference (MariaDB spells it LOCK IN SHARE MODE, not drizzle's FOR SHARE).
        const [existing] = (await tx.execute(
          sql`select ${uploads.id} as id from ${uploads} where ${inArray(uploads.id, ids)} lock in share mode`,
        )) as unknown as [{ id: number }[]];
        if (!existing.length) return;
        await tx
          .insert(uploadReferences)
          .ignore()
          .values(existing.map((r) => ({ uploadId: r.id, ownerKind, ownerId })));
      });
    },

    async referencesOf(ownerKind: string, ownerId: number): Promise<number[]> {
      const rows = await db
        .select({ id: uploadReferences.uploadId })
        .from(uploadReferences)
        .where(
          and(eq(uploadReferences.ownerKind, ownerKind), eq(uploadReferences.ownerId, ownerId)),
        )
        .orderBy(asc(uploadReferences.uploadId));
      return rows.map((r) => r.id);
    },

    /** The ids of the uploads stored under these prefixes. */
    async idsOfStorageKeys(keys: string[]): Promise<number[]> {
      if (!keys.length) return [];
      const rows = await db
        .select({ id: uploads.id })
        .from(uploads)
        .where(inArray(uploads.storageKey, keys))
        .orderBy(asc(uploads.id));
      return rows.map((r) => r.id);
    },

    /** Those of the storage prefixes that an upload row names. */
    async knownStorageKeys(keys: string[]): Promise<Set<string>> {
      if (!keys.length) return new Set();
      const rows = await db
        .select({ key: uploads.storageKey })
        .from(uploads)
        .where(inArray(uploads.storageKey, keys));
      return new Set(rows.map((r) => r.key));
    },

    /** The oldest uploads made before `cutoff` that nothing refers to. */
    unreferencedBefore(cutoff: Date) {
      return db
        .select()
        .from(uploads)
        .where(and(lt(uploads.createdAt, cutoff), unreferenced()))
        .orderBy(asc(uploads.createdAt))
        .limit(BATCH);
    },

    /**
     * Deletes those of `ids` that still have no reference (one may have gained one since they
     * were listed) and answers which rows went.
     */
    async deleteUnreferenced(ids: number[]): Promise<number[]> {
      if (!ids.length) return [];
      return db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: uploads.id })
          .from(uploads)
          .where(and(inArray(uploads.id, ids), unreferenced(true)))
          .for('update');
        const gone = rows.map((r) => r.id);
        if (gone.length) await tx.delete(uploads).where(inArray(uploads.id, gone));
        return gone;
      });
    },
  };
}

export type UploadRepository = ReturnType<typeof createUploadRepository>;
export const PURGE_BATCH = BATCH;
