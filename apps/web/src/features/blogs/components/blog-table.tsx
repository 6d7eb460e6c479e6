import type { BlogSummary } from '@folio/schema';
import { DataTable } from '../../../components/data-table';
import type { DataColumn } from '../../../components/data-table';
import { useI18n } from '../../../lib/i18n';
import { useBlogColumns } from './blog-columns';

interface BlogTableProps {
  blogs: BlogSummary[];
  /** The serial number of the first row, so numbering continues across pages. */
  firstNumber: number;
  showAuthor?: boolean;
}

export function BlogTable({ blogs, firstNumber, showAuthor = true }: BlogTableProps) {
  const { t, locale } = useI18n();
  const { title, fields } = useBlogColumns(showAuthor, blogs[0]?.id);
  // The list pages' own column (the home page's first load stays as it is).
  const comments: DataColumn<BlogSummary> = {
    id: 'comments',
    header: t('blog.comments'),
    numeric: true,
    cell: (blog) => new Intl.NumberFormat(locale).format(blog.commentCount),
  };
  const columns = { title, fields: [...fields, comments] };
  return (
    <DataTable
      testId="blog"
      items={blogs}
      itemKey={(blog) => blog.id}
      firstNumber={firstNumber}
      {...columns}
    />
  );
}
