import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { LOCALES } from '@folio/schema';
import { afterEach, beforeEach, vi } from 'vitest';
import { clearSession } from '../lib/auth-store';
import { componentsSettled } from '../lib/bootstrap-component';
import { loadCatalog } from '../lib/i18n';
// Adds the admin section's texts to the parts loaded below.
import '../features/admin/admin-texts';
import { requestsSettled } from './fake-api';
import { clearQueryClients } from './render-route';
import { setViewportWidth } from './viewport';

// jsdom has no execCommand; CodeMirror in a shadow root (the markdown editor) calls it to read the
// selection where the root has no getSelection, and does without when it does nothing.
if (!('execCommand' in document)) {
  Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
}

// A desktop window unless a test narrows it (stubbed globals are restored after each test).
beforeEach(() => setViewportWidth(1280));

// The app loads its language's texts before its first render; tests render in either at once.
await Promise.all(
  LOCALES.flatMap((locale) => [
    loadCatalog(locale, 'site'),
    loadCatalog(locale, 'home'),
    loadCatalog(locale, 'pages'),
    loadCatalog(locale, 'admin'),
  ]),
);

// Runs after each test file's own afterEach hooks: nothing a test started may reach the next one.
afterEach(async () => {
  cleanup();
  // After the unmount, so that components clear their timers on the clock that set them.
  vi.useRealTimers();
  clearQueryClients();
  await componentsSettled();
  await requestsSettled();
  localStorage.clear();
  // The session store lives at module level: each test starts logged out.
  clearSession();
});
