import type { AuditEntry } from '@folio/schema';
import { Fragment, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { actionText, targetTypeText } from '../audit-texts';

const COLUMNS = 6;

/**
 * Audit entries, one row each: when, what, who, to what, from where; a row's changes (the fields
 * before and after) open under it from a button beside the action. A table on every screen: on a
 * phone it scrolls sideways, the changes staying in view at its left edge.
 */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());

  function toggle(id: number) {
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  return (
    <div className="table-responsive">
      <table className="table align-middle mb-0" data-testid="audit-table">
        <thead className="text-nowrap">
          <tr>
            <th scope="col">{t('admin.audit.column.at')}</th>
            <th scope="col">{t('admin.audit.column.action')}</th>
            <th scope="col">{t('admin.audit.column.actor')}</th>
            <th scope="col">{t('admin.audit.column.target')}</th>
            <th scope="col">{t('admin.audit.column.ip')}</th>
            <th scope="col">{t('admin.audit.column.userAgent')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow
              key={entry.id}
              entry={entry}
              open={open.has(entry.id)}
              onToggle={() => toggle(entry.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditRow({
  entry,
  open,
  onToggle,
}: {
  entry: AuditEntry;
  open: boolean;
  onToggle: () => void;
}) {
  const { t, locale } = useI18n();
  const detailId = `audit-entry-${entry.id}-changes`;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const changed = entry.before !== null || entry.after !== null;
  const none = <span className="text-body-secondary">—</span>;
  return (
    <Fragment>
      <tr data-testid={`audit-entry-${entry.id}`}>
        <td className="text-nowrap">
          <time dateTime={entry.at}>{time.format(Date.parse(entry.at))}</time>
        </td>
        <td>
          <div className="text-nowrap" title={entry.action}>
            {actionText(entry.action, t)}
          </div>
          {changed && (
            <button
              type="button"
              className="btn btn-sm btn-outline-secondary text-nowrap mt-1"
              aria-expanded={open}
              aria-controls={detailId}
              onClick={onToggle}
            >
              {open ? t('admin.audit.hideChanges') : t('admin.audit.showChanges')}
            </button>
          )}
        </td>
        <td className="text-nowrap">
          {entry.actor ? (
            <>
              {entry.actor.nickname || t('admin.audit.actorGone')}{' '}
              <span className="small text-body-secondary">#{entry.actor.id}</span>
            </>
          ) : (
            <span className="text-body-secondary">{t('admin.audit.noActor')}</span>
          )}
        </td>
        <td className="text-nowrap">
          {entry.targetType ? <Target type={entry.targetType} id={entry.targetId} /> : none}
        </td>
        <td className="text-nowrap">{entry.ip ?? none}</td>
        <td className="small admin-audit-agent">{entry.userAgent ?? none}</td>
      </tr>
      {changed && (
        <tr id={detailId} hidden={!open}>
          <td colSpan={COLUMNS} className="bg-body-tertiary">
            {open && (
              <div className="admin-audit-changes">
                <Changes before={entry.before} after={entry.after} />
              </div>
            )}
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function Target({ type, id }: { type: string; id: string | null }) {
  const { t } = useI18n();
  const kind = targetTypeText(type, t);
  return id === null ? kind : t('admin.audit.target', { type: kind, id });
}

type Fields = Record<string, unknown> | null;

/** Each field an action touched, as it was and as the action left it. */
function Changes({ before, after }: { before: Fields; after: Fields }) {
  const { t } = useI18n();
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return (
    <table className="table table-sm caption-top mb-0" data-testid="audit-changes">
      <caption>{t('admin.audit.changesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.audit.changes.field')}</th>
          <th scope="col">{t('admin.audit.changes.before')}</th>
          <th scope="col">{t('admin.audit.changes.after')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field}>
            <th scope="row" className="fw-normal font-monospace">
              {field}
            </th>
            <td>
              <FieldValue fields={before} field={field} />
            </td>
            <td>
              <FieldValue fields={after} field={field} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldValue({ fields, field }: { fields: Fields; field: string }) {
  const { t } = useI18n();
  if (!fields || !Object.hasOwn(fields, field)) {
    return <span className="text-body-secondary">{t('admin.audit.changes.absent')}</span>;
  }
  const value = fields[field];
  if (typeof value === 'string') return <span className="text-break">{value}</span>;
  return <code className="text-break">{JSON.stringify(value)}</code>;
}
