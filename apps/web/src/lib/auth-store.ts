import { safeNextPath } from '@folio/schema';
import type { AuthResult, Me } from '@folio/schema';

export type AuthStatus = 'unknown' | 'anonymous' | 'authenticated';

export interface AuthState {
  /** `unknown` until the start-up refresh has said whether the refresh cookie still holds a session. */
  status: AuthStatus;
  /** Kept in memory only: a reload gets a new one through the HttpOnly refresh cookie. */
  accessToken: string | null;
  /** The account as the latest login or refresh returned it; the query cache takes it from here. */
  user: Me | null;
  /** The person ended the session here (logged out, deleted the account): no login page for that. */
  leftByChoice: boolean;
}

let state: AuthState = { status: 'unknown', accessToken: null, user: null, leftByChoice: false };
const listeners = new Set<() => void>();

function update(next: AuthState) {
  state = next;
  for (const listener of listeners) listener();
}

export function getAuthState(): AuthState {
  return state;
}

export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function getAccessToken(): string | null {
  return state.accessToken;
}

export function setSession(result: AuthResult): void {
  update({
    status: 'authenticated',
    accessToken: result.accessToken,
    user: result.user,
    leftByChoice: false,
  });
}

/** Forgets the session; `leftByChoice` when the person ended it, not the API. */
export function clearSession({ leftByChoice = false } = {}): void {
  if (state.status === 'anonymous' && state.leftByChoice === leftByChoice) return;
  update({ status: 'anonymous', accessToken: null, user: null, leftByChoice });
}

/** The login page's address, coming back to `next` (a local path only) afterwards. */
export function loginPath(next?: string | null): string {
  const target = safeNextPath(next, '');
  if (!target || target === '/' || /^\/(login|register)(\/|\?|$)/.test(target)) return '/login';
  return `/login?next=${encodeURIComponent(target)}`;
}

type SessionLostHandler = (loginUrl: string) => void;

/** Until the router registers its navigate, a lost session reloads into the login page. */
let sessionLostHandler: SessionLostHandler = (url) => window.location.assign(url);

export function setSessionLostHandler(handler: SessionLostHandler): () => void {
  const previous = sessionLostHandler;
  sessionLostHandler = handler;
  return () => {
    sessionLostHandler = previous;
  };
}

/** The session is over (revoked, expired, logged out elsewhere): forget it and ask for a login. */
export function sessionLost(): void {
  clearSession();
  const { pathname, search, hash } = window.location;
  sessionLostHandler(loginPath(`${pathname}${search}${hash}`));
}
