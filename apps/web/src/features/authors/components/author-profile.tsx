import type { Author } from '@folio/schema';
import { TimedPhrase } from '../../../components/timed-phrase';
import { useI18n } from '../../../lib/i18n';

export function AuthorProfile({ author }: { author: Author }) {
  const { t, locale } = useI18n();
  return (
    <section className="mb-4 pb-3 border-bottom">
      <h1 className="mb-2 text-break">{author.name}</h1>
      <p className="text-body-secondary mb-2">
        <TimedPhrase message={t('author.joinedAt')} dateTime={author.createdAt} /> ·{' '}
        {t('author.blogCount', { count: new Intl.NumberFormat(locale).format(author.blogCount) })}
      </p>
      {author.bio ? (
        <p className="mb-0 author-bio">{author.bio}</p>
      ) : (
        <p className="mb-0 text-body-secondary fst-italic">{t('author.noBio')}</p>
      )}
    </section>
  );
}
