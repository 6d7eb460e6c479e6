import type { MyBlogStatus } from '@folio/schema';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useMyBlogCounts } from '../api/get-my-blogs';
import { MY_BLOG_TABS, tabSearch } from '../my-blog-list';
import './my-blog-tabs.css';

/** Links (each tab has its own address), with how many blogs each holds once known. */
export function MyBlogTabs({ current }: { current: MyBlogStatus }) {
  const { t, locale } = useI18n();
  const location = useLocation();
  const counts = useMyBlogCounts(MY_BLOG_TABS);
  const number = new Intl.NumberFormat(locale);

  return (
    <nav aria-label={t('myBlogs.tabs')} className="mb-3">
      <ul className="nav nav-pills my-blog-tabs">
        {MY_BLOG_TABS.map((status) => {
          const active = status === current;
          const count = counts[status];
          return (
            <li key={status} className="nav-item">
              <Link
                to={{ pathname: location.pathname, search: tabSearch(location.search, status) }}
                className={`nav-link d-flex align-items-center justify-content-between justify-content-sm-start text-nowrap ${active ? 'active' : ''}`}
                aria-current={active ? 'page' : undefined}
                data-testid={`tab-${status}`}
              >
                {t(`myBlogs.tab.${status}`)}
                {count !== undefined && (
                  <span className="badge rounded-pill text-bg-light border ms-2">
                    {number.format(count)}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
