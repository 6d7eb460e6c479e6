import { AuthorListQuery } from '@folio/schema';
import { PagedList } from '../../components/paged-list';
import { PerPageSelect } from '../../components/per-page-select';
import { SearchForm } from '../../components/search-form';
import { useAuthors } from '../../features/authors/api/get-authors';
import { AuthorTable } from '../../features/authors/components/author-table';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AuthorsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('authors.title'));
  const [params, update] = useListSearch(AuthorListQuery);
  const authors = useAuthors(params);

  return (
    <>
      <h1 className="h2 mb-3">{t('authors.title')}</h1>
      <div className="row g-2 align-items-end mb-3">
        <div className="col-12 col-sm-8 col-lg-6">
          <SearchForm
            value={params.q ?? ''}
            onSearch={(q) => update({ q })}
            placeholder={t('authors.searchPlaceholder')}
          />
        </div>
        <div className="col-6 col-sm-4 col-lg-2 ms-lg-auto">
          <PerPageSelect value={params.perPage} onChange={(perPage) => update({ perPage })} />
        </div>
      </div>
      <PagedList
        query={authors}
        empty={t('authors.empty')}
        onPageChange={(page) => update({ page })}
      >
        {(page) => (
          <AuthorTable authors={page.items} firstNumber={(page.page - 1) * page.perPage + 1} />
        )}
      </PagedList>
    </>
  );
}
