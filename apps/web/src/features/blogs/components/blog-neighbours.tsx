import type { BlogLink } from '@folio/schema';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useAdjacentBlogs } from '../api/get-adjacent-blogs';

/** The blogs published just before and just after this one; nothing while loading or alone. */
export function BlogNeighbours({ id }: { id: number }) {
  const { t } = useI18n();
  const adjacent = useAdjacentBlogs(id);
  const { previous, next } = adjacent.data ?? { previous: null, next: null };
  if (!previous && !next) return null;
  const side = (blog: BlogLink | null, label: string, className: string) =>
    blog ? (
      <Link to={`/blogs/${blog.id}`} className={`blog-neighbour ${className}`} rel={className}>
        <span className="small text-body-secondary d-block">{label}</span>
        <span className="blog-neighbour-title">{blog.title}</span>
      </Link>
    ) : (
      <span />
    );
  return (
    <nav
      className="blog-neighbours"
      aria-label={t('blog.neighbours')}
      data-testid="blog-neighbours"
    >
      {side(previous, `‹ ${t('blog.previous')}`, 'prev')}
      {side(next, `${t('blog.next')} ›`, 'next')}
    </nav>
  );
}
