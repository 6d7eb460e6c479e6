import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useToast } from '../../components/toast-context';
import { setSessionLostHandler } from '../../lib/auth-store';
import { getLocale, translate } from '../../lib/i18n';

/** When the API ends the session (revoked, expired), say so and go to the login page. */
export function useSessionLostRedirect() {
  const navigate = useNavigate();
  const toast = useToast();
  useEffect(
    () =>
      setSessionLostHandler((loginUrl) => {
        toast.show({ kind: 'warning', text: translate(getLocale(), 'auth.sessionEnded') });
        void navigate(loginUrl, { replace: true });
      }),
    [navigate, toast],
  );
}
