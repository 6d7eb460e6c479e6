import { useI18n } from '../../../lib/i18n';
import { useRelatedBlogs } from '../api/get-related-blogs';
import { BlogHeadline } from './blog-headline';

/** Blogs sharing the most tags with this one; while loading a placeholder, without any nothing. */
export function RelatedBlogs({ id }: { id: number }) {
  const { t } = useI18n();
  const related = useRelatedBlogs(id);
  if (related.isPending) {
    return (
      <div className="placeholder-glow mt-5" aria-busy="true" role="status">
        <span className="visually-hidden">{t('common.loading')}</span>
        <span className="placeholder col-3 d-block mb-3" />
        <span className="placeholder col-12 d-block" style={{ height: '4rem' }} />
      </div>
    );
  }
  if (!related.data?.length) return null;
  return (
    <section className="mt-5" aria-labelledby="related-blogs" data-testid="related-blogs">
      <h2 id="related-blogs" className="h5 mb-3">
        {t('blog.related')}
      </h2>
      <ul className="row row-cols-1 row-cols-md-2 g-3 list-unstyled mb-0">
        {related.data.map((blog) => (
          <li key={blog.id} className="col">
            <div className="card h-100">
              <div className="card-body">
                <BlogHeadline blog={blog} />
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
