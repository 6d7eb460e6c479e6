import type { BlogSummary } from '@folio/schema';
import { DataCards } from '../../../components/data-table';
import { useBlogColumns } from './blog-columns';

/** The newest blogs as cards at every width: a short feed to read, not a catalogue to scan. */
export function LatestBlogs({ blogs }: { blogs: BlogSummary[] }) {
  const columns = useBlogColumns(true, blogs[0]?.id);
  return <DataCards testId="latest-blogs" items={blogs} itemKey={(blog) => blog.id} {...columns} />;
}
