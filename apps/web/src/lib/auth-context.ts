import { createContext, use } from 'react';
import type { AuthStatus } from './auth-store';

export interface AuthContextValue {
  status: AuthStatus;
  /** Logged out (or deleted the account) here, rather than sent away by the API. */
  leftByChoice: boolean;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

/** Whether someone is logged in (`unknown` while the start-up refresh is still out). */
export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth() needs an <AuthProvider> above it.');
  return value;
}
