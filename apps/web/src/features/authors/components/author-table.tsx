import type { Author } from '@folio/schema';
import { Link } from 'react-router';
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
    <div className="table-responsive">
      <table className="table table-hover align-middle mb-0" data-testid="author-table">
        <thead className="text-nowrap">
          <tr>
            <th scope="col" className="text-end col-serial">
              #
            </th>
            <th scope="col">{t('author.name')}</th>
            <th scope="col" className="text-end">
              {t('author.blogs')}
            </th>
            <th scope="col">{t('author.joined')}</th>
          </tr>
        </thead>
        <tbody>
          {authors.map((author, index) => (
            <tr key={author.id}>
              <td className="text-end text-body-secondary">{firstNumber + index}</td>
              <td className="text-nowrap">
                <Link to={`/authors/${author.id}`}>{author.name}</Link>
              </td>
              <td className="text-end">{number.format(author.blogCount)}</td>
              <td className="text-nowrap">
                <RelativeTime dateTime={author.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
