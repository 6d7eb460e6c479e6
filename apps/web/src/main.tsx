import './styles/site.scss';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Providers } from './app/providers';
import { PageErrorBoundary } from './app/layouts/page-error-boundary';
import { AppRoutes } from './app/router';
import { restoreSession } from './lib/api-client';
import { getLocale, loadCatalog } from './lib/i18n';

document.documentElement.lang = getLocale();
// The access token lives in memory only; the refresh cookie brings the session back on a reload.
void restoreSession();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// The first render waits for the language's texts (fetched while the session is restored); if
// they can't be had, the page still renders, in the other language's words or the keys.
await loadCatalog(getLocale()).catch((error: unknown) => console.error(error));

createRoot(root).render(
  <StrictMode>
    <Providers>
      <BrowserRouter>
        <PageErrorBoundary>
          <AppRoutes />
        </PageErrorBoundary>
      </BrowserRouter>
    </Providers>
  </StrictMode>,
);
