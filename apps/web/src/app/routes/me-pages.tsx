import { Suspense } from 'react';
import { useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { MyBlogsPage } from './my-blogs-page';
import { NotFoundPage } from './not-found-page';
import { lazyComponent } from '../../lib/lazy-component';

// Loaded from here rather than from the router: the first load's table of chunks stays as it was.
const NotificationsPage = lazyComponent(
  async () => (await import('./notifications-page')).NotificationsPage,
);

/**
 * The person's own lists under `/me/`, one entry in the router (whose code is in the first load,
 * at its budget): the rest of the path picks the page here.
 */
export function MePages() {
  const rest = useParams()['*'];
  if (rest === 'blogs') return <MyBlogsPage />;
  if (rest === 'notifications') {
    return (
      <Suspense fallback={<Loading />}>
        <NotificationsPage />
      </Suspense>
    );
  }
  return <NotFoundPage />;
}
