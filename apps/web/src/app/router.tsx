import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/loading';
import { AccountLayout } from './layouts/account-layout';
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
          // Login, registration and account pages carry the phone-number library: loaded on demand.
          {
            path: 'login',
            lazy: async () => ({ Component: (await import('./routes/login-page')).LoginPage }),
          },
          {
            path: 'register',
            lazy: async () => ({
              Component: (await import('./routes/register-page')).RegisterPage,
            }),
          },
          {
            path: 'verify-email',
            lazy: async () => ({
              Component: (await import('./routes/verify-email-page')).VerifyEmailPage,
            }),
          },
          {
            path: 'confirm-email',
            lazy: async () => ({
              Component: (await import('./routes/confirm-email-page')).ConfirmEmailPage,
            }),
          },
          {
            path: 'forgot-password',
            lazy: async () => ({
              Component: (await import('./routes/forgot-password-page')).ForgotPasswordPage,
            }),
          },
          {
            path: 'reset-password',
            lazy: async () => ({
              Component: (await import('./routes/reset-password-page')).ResetPasswordPage,
            }),
          },
          {
            path: 'account',
            element: <AccountLayout />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('./routes/account-profile-page')).AccountProfilePage,
                }),
              },
              {
                path: 'security',
                lazy: async () => ({
                  Component: (await import('./routes/account-security-page')).AccountSecurityPage,
                }),
              },
              {
                path: 'sessions',
                lazy: async () => ({
                  Component: (await import('./routes/account-sessions-page')).AccountSessionsPage,
                }),
              },
              {
                path: 'connections',
                lazy: async () => ({
                  Component: (await import('./routes/account-connections-page'))
                    .AccountConnectionsPage,
                }),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
