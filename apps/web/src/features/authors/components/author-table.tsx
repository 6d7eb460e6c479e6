import type { Author } from '@folio/schema';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { RelativeTime } from '../../../components/relative-time';
import { useI18n } from '../../../lib/i18n';

interface AuthorTableProps {
  authors: Author[];
  firstNumber: number;
}

export function AuthorTable({ authors, firstNumber }: AuthorTableProps) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  return (
    <DataTable
      testId="author"
      items={authors}
      itemKey={(author) => author.id}
      firstNumber={firstNumber}
      title={{
        id: 'name',
        header: t('author.name'),
        className: 'text-nowrap',
        cell: (author) => <Link to={`/authors/${author.id}`}>{author.name}</Link>,
      }}
      fields={[
        {
          id: 'blogs',
          header: t('author.blogs'),
          numeric: true,
          cell: (author) => number.format(author.blogCount),
        },
        {
          id: 'joined',
          header: t('author.joined'),
          className: 'text-nowrap',
          cell: (author) => <RelativeTime dateTime={author.createdAt} />,
        },
      ]}
    />
  );
}
