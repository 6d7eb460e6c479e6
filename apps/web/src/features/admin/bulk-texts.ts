import type { BulkResult } from '@folio/schema';
import type { AdminMessageKey, Translate } from '../../lib/i18n';

/** What a bulk action's result says: what it changed (`done`), and what it left as it was. */
export function bulkResultText(t: Translate, done: AdminMessageKey, result: BulkResult): string {
  const changed = t(done, { affected: result.affected });
  return result.skipped > 0
    ? `${changed} ${t('admin.bulk.skipped', { skipped: result.skipped })}`
    : changed;
}
