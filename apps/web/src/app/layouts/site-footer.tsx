import { useI18n } from '../../lib/i18n';
import { useSiteName } from '../../lib/use-document-title';

export function SiteFooter() {
  const { t } = useI18n();
  const siteName = useSiteName();
  return (
    <footer className="border-top bg-body-tertiary py-3 mt-auto">
      <div className="container d-flex flex-wrap justify-content-between gap-2 small text-body-secondary">
        <span>
          © {new Date().getFullYear()} {siteName} · {t('footer.tagline')}
        </span>
        <a href="/api/docs" className="footer-link">
          {t('footer.apiDocs')}
        </a>
      </div>
    </footer>
  );
}
