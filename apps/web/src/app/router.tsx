import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/loading';
import { PublicLayout } from './layouts/public-layout';
import { AuthorPage } from './routes/author-page';
import { AuthorsPage } from './routes/authors-page';
import { BlogsPage } from './routes/blogs-page';
import { ErrorPage } from './routes/error-page';
import { HomePage } from './routes/home-page';
import { NotFoundPage } from './routes/not-found-page';

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <ErrorPage />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        // Errors inside a page keep the navbar, so the reader can go elsewhere.
        errorElement: <ErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'blogs', element: <BlogsPage /> },
          {
            path: 'blogs/:id',
            // The markdown renderer and sanitizer are only needed here.
            lazy: async () => ({ Component: (await import('./routes/blog-page')).BlogPage }),
          },
          { path: 'authors', element: <AuthorsPage /> },
          { path: 'authors/:id', element: <AuthorPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
