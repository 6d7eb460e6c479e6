import type { BlogSummary } from '@folio/schema';
import { Link } from 'react-router';
import type { DataColumn } from '../../../components/data-table';
import { RelativeTime } from '../../../components/relative-time';
import { useI18n } from '../../../lib/i18n';
import { BlogHeadline } from './blog-headline';

/**
 * A blog's columns: the title (with excerpt, reading time, tags and cover), then its author
 * (unless the list is one author's), date and views. The cover of `firstId`, at the top of the
 * list, is fetched at once; the others as they come into view.
 */
export function useBlogColumns(showAuthor: boolean, firstId: number | undefined) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const title: DataColumn<BlogSummary> = {
    id: 'title',
    header: t('blog.title'),
    className: 'blog-title-cell',
    cell: (blog) => <BlogHeadline blog={blog} eager={blog.id === firstId} />,
  };
  const author: DataColumn<BlogSummary> = {
    id: 'author',
    header: t('blog.author'),
    className: 'text-nowrap',
    cell: (blog) => (
      <Link to={`/authors/${blog.author.id}`} className="link-secondary">
        {blog.author.name}
      </Link>
    ),
  };
  const fields: DataColumn<BlogSummary>[] = [
    ...(showAuthor ? [author] : []),
    {
      id: 'published',
      header: t('blog.published'),
      className: 'text-nowrap',
      cell: (blog) => <RelativeTime dateTime={blog.pubDate} />,
    },
    {
      id: 'views',
      header: t('blog.views'),
      numeric: true,
      cell: (blog) => number.format(blog.viewCount),
    },
  ];
  return { title, fields };
}
