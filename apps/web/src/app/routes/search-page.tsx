import { LIMITS, SearchQuery } from '@folio/schema';
import { z } from 'zod';
import { EmptyState } from '../../components/empty-state';
import { PagedList } from '../../components/paged-list';
import { SearchForm } from '../../components/search-form';
import { AuthorSelect } from '../../features/authors/components/author-select';
import { TagLinks } from '../../features/blogs/components/tag-links';
import { TagSelect } from '../../features/blogs/components/tag-select';
import { useSearch } from '../../features/search/api/search-blogs';
import { SearchHit } from '../../features/search/components/search-hit';
import type { SearchParams } from '@folio/schema';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The page's URL: the API's query, with `q` allowed to be missing (nothing searched yet). */
const SearchPageQuery = SearchQuery.extend({
  q: z.string().trim().max(LIMITS.searchText).optional(),
});

export function SearchPage() {
  const { t } = useI18n();
  const [params, update] = useListSearch(SearchPageQuery);
  const { q } = params;
  useDocumentTitle(q ? t('search.documentTitle', { q }) : t('search.title'));

  return (
    <div className="search-page">
      <h1 className="h2 mb-3">{t('search.title')}</h1>
      <div className="row g-2 align-items-end mb-3">
        <div className="col-12 col-lg-6">
          <SearchForm
            value={q ?? ''}
            onSearch={(next) => update({ q: next })}
            placeholder={t('search.placeholder')}
          />
        </div>
        <div className="col-6 col-lg-3">
          <TagSelect value={params.tag} onChange={(tag) => update({ tag })} />
        </div>
        <div className="col-6 col-lg-3">
          <AuthorSelect value={params.authorId} onChange={(authorId) => update({ authorId })} />
        </div>
      </div>
      {q ? (
        <Results params={{ ...params, q }} onPageChange={(page) => update({ page })} />
      ) : (
        <EmptyState>{t('search.prompt')}</EmptyState>
      )}
    </div>
  );
}

function Results({
  params,
  onPageChange,
}: {
  params: SearchParams;
  onPageChange: (page: number) => void;
}) {
  const { t } = useI18n();
  const results = useSearch(params);
  return (
    <PagedList
      query={results}
      empty={t('search.empty', { q: params.q })}
      onPageChange={onPageChange}
    >
      {(page) => (
        <div className="search-hits" aria-label={t('search.results', { q: params.q })}>
          {page.items.map((hit) => (
            <SearchHit key={hit.id} hit={hit}>
              <TagLinks tags={hit.tags} />
            </SearchHit>
          ))}
        </div>
      )}
    </PagedList>
  );
}
