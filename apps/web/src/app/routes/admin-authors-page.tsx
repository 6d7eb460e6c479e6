import { AdminAuthorListQuery } from '@folio/schema';
import type { AdminAuthor } from '@folio/schema';
import { useState } from 'react';
import { PagedList } from '../../components/paged-list';
import { PerPageSelect } from '../../components/per-page-select';
import { SearchForm } from '../../components/search-form';
import { useAdminAuthors } from '../../features/admin/api/get-admin-authors';
import { AdminAuthorTable } from '../../features/admin/components/admin-author-table';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { AuthorFormDialog } from '../../features/admin/components/author-form-dialog';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';

interface Editing {
  /** A new dialog for each opening: its fields start from the author (or empty). */
  key: number;
  author?: AdminAuthor;
}

/** The authors, searched by name, sorted and paged by the URL; a new one or a change in a dialog. */
export function AdminAuthorsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.authors.title'));
  const [params, update] = useListSearch(AdminAuthorListQuery);
  const authors = useAdminAuthors(params);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [open, setOpen] = useState(false);

  if (authors.error instanceof ApiError && authors.error.status === 403) {
    return <SectionNoAccess permission="content.moderate" />;
  }

  function edit(author?: AdminAuthor) {
    setEditing((current) => ({ key: (current?.key ?? 0) + 1, author }));
    setOpen(true);
  }

  return (
    <>
      <AdminHeader
        trail={[{ label: t('admin.authors.title') }]}
        title={t('admin.authors.title')}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => edit()}>
            {t('admin.authors.new')}
          </button>
        }
      />
      <p className="text-body-secondary">{t('admin.authors.intro')}</p>
      <div className="d-flex flex-wrap align-items-end gap-3 mb-3">
        <div className="flex-grow-1">
          <SearchForm
            value={params.q ?? ''}
            onSearch={(q) => update({ q })}
            placeholder={t('admin.authors.searchPlaceholder')}
          />
        </div>
        <PerPageSelect value={params.perPage} onChange={(perPage) => update({ perPage })} />
      </div>
      <PagedList
        query={authors}
        onPageChange={(page) => update({ page })}
        paginationLabel={t('admin.authors.pagination')}
        empty={params.q ? t('admin.authors.emptySearch') : t('admin.authors.empty')}
      >
        {(page) => (
          <AdminAuthorTable
            authors={page.items}
            sort={params.sort}
            onSort={(sort) => update({ sort })}
            onEdit={edit}
          />
        )}
      </PagedList>
      {editing && (
        <AuthorFormDialog
          key={editing.key}
          author={editing.author}
          open={open}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
