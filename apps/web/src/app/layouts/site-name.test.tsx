import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { APP_NAME, useDocumentTitle } from '../../lib/use-document-title';
import { fail, fakeApi, ok, site } from '../../test/fake-api';
import { Providers } from '../providers';
import { SiteFooter } from './site-footer';
import { SiteNavbar } from './site-navbar';

function AboutPage() {
  useDocumentTitle('About');
  return <p>about</p>;
}

function renderPage() {
  const router = createMemoryRouter([
    {
      path: '/',
      element: (
        <>
          <SiteNavbar />
          <AboutPage />
          <SiteFooter />
        </>
      ),
    },
  ]);
  return render(
    <Providers>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe("the site's name", () => {
  beforeEach(() => setLocale('en'));

  it('is the one staff set in the settings: navbar, footer and the title', async () => {
    fakeApi({ 'GET /site': ok({ ...site, siteName: '书页 Reading Room' }) });
    renderPage();
    const brand = await screen.findByRole('link', { name: '书页 Reading Room' });
    expect(brand).toHaveAttribute('href', '/');
    expect(screen.getByRole('contentinfo')).toHaveTextContent('书页 Reading Room');
    await waitFor(() => expect(document.title).toBe('About · 书页 Reading Room'));
    expect(screen.queryByText(APP_NAME)).toBeNull();
  });

  it('is Folio while the settings cannot be read', async () => {
    fakeApi({ 'GET /site': fail(503, 'UNAVAILABLE', 'down') });
    renderPage();
    expect(screen.getByRole('link', { name: APP_NAME })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe(`About · ${APP_NAME}`));
  });
});
