import { Suspense } from 'react';
import type { ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../components/loading';
import { loadPageTexts } from '../lib/i18n';
import { lazyComponent } from '../lib/lazy-component';
import { PublicLayout } from './layouts/public-layout';
import { HomePage } from './routes/home-page';

/**
 * A page loaded when it is first opened, with the pages' texts and styles. Only the home page
 * ships in the first load: the others carry what the home page does not need (zod for the forms,
 * the phone-number library, Bootstrap's forms and tables) and would push it past its budget
 * (`pnpm build` checks it).
 */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  const Page = lazyComponent(async () => {
    const [module] = await Promise.all([load(), loadPageTexts(), import('../styles/pages.scss')]);
    return module[name];
  });
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}

const BlogsPage = page(() => import('./routes/blogs-page'), 'BlogsPage');
const BlogPage = page(() => import('./routes/blog-page'), 'BlogPage');
const TagPage = page(() => import('./routes/tag-page'), 'TagPage');
const SearchPage = page(() => import('./routes/search-page'), 'SearchPage');
const AuthorsPage = page(() => import('./routes/authors-page'), 'AuthorsPage');
const AuthorPage = page(() => import('./routes/author-page'), 'AuthorPage');
const LoginPage = page(() => import('./routes/login-page'), 'LoginPage');
const RegisterPage = page(() => import('./routes/register-page'), 'RegisterPage');
const VerifyEmailPage = page(() => import('./routes/verify-email-page'), 'VerifyEmailPage');
const ConfirmEmailPage = page(() => import('./routes/confirm-email-page'), 'ConfirmEmailPage');
const ForgotPasswordPage = page(
  () => import('./routes/forgot-password-page'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = page(() => import('./routes/reset-password-page'), 'ResetPasswordPage');
const MePages = page(() => import('./routes/me-pages'), 'MePages');
const AccountPages = page(() => import('./routes/account-pages'), 'AccountPages');
const WritePage = page(() => import('./routes/write-page'), 'WritePage');
const EditBlogPage = page(() => import('./routes/edit-blog-page'), 'EditBlogPage');
const NotFoundPage = page(() => import('./routes/not-found-page'), 'NotFoundPage');
const AdminPages = page(() => import('./routes/admin-pages'), 'AdminPages');

/** Every page of the SPA, under the public layout (navbar, footer, error boundary). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<HomePage />} />
        <Route path="blogs" element={<BlogsPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="blogs/:id" element={<BlogPage />} />
        <Route path="tags/:slug" element={<TagPage />} />
        <Route path="blogs/:id/edit" element={<EditBlogPage />} />
        <Route path="write" element={<WritePage />} />
        <Route path="authors" element={<AuthorsPage />} />
        <Route path="authors/:id" element={<AuthorPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="confirm-email" element={<ConfirmEmailPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="me/*" element={<MePages />} />
        <Route path="account/*" element={<AccountPages />} />
        <Route path="admin/*" element={<AdminPages />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
