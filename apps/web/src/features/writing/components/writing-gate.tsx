import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../../../components/loading';
import { useAuth } from '../../../lib/auth-context';
import { loginPath } from '../../../lib/auth-store';

/** Writing needs a login: without one the person goes to log in and comes back here. */
export function WritingGate({ children }: { children: ReactNode }) {
  const { status, leftByChoice } = useAuth();
  const location = useLocation();
  if (status === 'unknown') return <Loading />;
  if (status === 'anonymous') {
    // Someone who just logged out goes home, not to a login page that would bring them back.
    const target = leftByChoice ? '/' : loginPath(`${location.pathname}${location.search}`);
    return <Navigate to={target} replace />;
  }
  return children;
}
