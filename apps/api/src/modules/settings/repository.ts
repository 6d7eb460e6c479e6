import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { settings } from '../../db/schema';

export interface SettingRow {
  name: string;
  value: unknown;
}

/** The `settings` rows: one per setting staff changed, by its dotted name. */
export function createSettingsRepository(db: Db) {
  return {
    async all(): Promise<SettingRow[]> {
      return db.select({ name: settings.name, value: settings.value }).from(settings);
    },

    /**
     * Runs `change` with the rows as they are, locked (the whole table, gaps included, so a
     * concurrent change waits), then writes the rows it returns and deletes the ones it names,
     * all in one transaction.
     */
    async change<T>(
      updatedBy: number | null,
      change: (rows: SettingRow[]) => { write: SettingRow[]; remove?: string[]; result: T },
    ): Promise<T> {
      return db.transaction(async (tx) => {
        const rows = await tx
          .select({ name: settings.name, value: settings.value })
          .from(settings)
          .for('update');
        const { write, remove = [], result } = change(rows);
        if (remove.length) await tx.delete(settings).where(inArray(settings.name, remove));
        if (write.length) {
          await tx
            .insert(settings)
            .values(write.map((row) => ({ name: row.name, value: row.value, updatedBy })))
            .onDuplicateKeyUpdate({
              set: {
                value: sql`VALUES(value)`,
                updatedBy: sql`VALUES(updated_by)`,
                updatedAt: sql`CURRENT_TIMESTAMP(3)`,
              },
            });
        }
        return result;
      });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
