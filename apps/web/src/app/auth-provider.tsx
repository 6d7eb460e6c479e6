import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { getAuthState, subscribeAuth } from '../lib/auth-store';
import { meQueryOptions } from '../lib/api/get-me';
import { AuthContext } from '../lib/auth-context';

/**
 * Shares the in-memory session with React, and keeps the account query in step with it: each
 * login or refresh brings the account along, a logout forgets everything about it.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(subscribeAuth, getAuthState, getAuthState);
  const queryClient = useQueryClient();

  // A layout effect runs before the children's queries subscribe, so they find the account.
  useLayoutEffect(() => {
    const key = meQueryOptions().queryKey;
    if (state.user) queryClient.setQueryData(key, state.user);
    else if (state.status === 'anonymous') queryClient.removeQueries({ queryKey: key });
  }, [state.user, state.status, queryClient]);

  const value = useMemo(
    () => ({ status: state.status, leftByChoice: state.leftByChoice }),
    [state.status, state.leftByChoice],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
