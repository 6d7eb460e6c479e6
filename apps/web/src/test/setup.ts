import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearSession } from '../lib/auth-store';

afterEach(() => {
  cleanup();
  localStorage.clear();
  // The session store lives at module level: each test starts logged out.
  clearSession();
});
