import type { BlogSummary } from '@folio/schema';
import { DataTable } from '../../../components/data-table';
import { useBlogColumns } from './blog-columns';

interface BlogTableProps {
  blogs: BlogSummary[];
  /** The serial number of the first row, so numbering continues across pages. */
  firstNumber: number;
  showAuthor?: boolean;
}

export function BlogTable({ blogs, firstNumber, showAuthor = true }: BlogTableProps) {
  const columns = useBlogColumns(showAuthor, blogs[0]?.id);
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
