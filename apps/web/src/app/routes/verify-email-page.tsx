import { ResendVerificationBody } from '@folio/schema';
import type { Me } from '@folio/schema';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { useToast } from '../../components/toast-context';
import { useResendVerification } from '../../features/auth/api/resend-verification';
import { useVerifyEmail } from '../../features/auth/api/verify-email';
import { AuthCard } from '../../features/auth/components/auth-card';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../lib/api/get-me';
import { useAuth } from '../../lib/auth-context';
import { apiFieldErrors } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useFormErrors } from '../../lib/use-form-errors';

/**
 * Whom a link was for, read from the token's (signed, not secret) payload; the API alone decides
 * whether it is valid. Null when it cannot be read.
 */
function linkAddressee(token: string): { userId: string; email: string } | null {
  try {
    const part = token.split('.')[1];
    if (!part) return null;
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof payload !== 'object' || payload === null) return null;
    const { sub, email } = payload as Record<string, unknown>;
    return typeof sub === 'string' && typeof email === 'string' ? { userId: sub, email } : null;
  } catch {
    return null;
  }
}

/** The address the link was sent to, when it is the logged-in person's and already verified. */
function verifiedAddress(token: string, me: Me): string | null {
  const addressee = linkAddressee(token);
  if (!addressee || addressee.userId !== String(me.id)) return null;
  const identity = me.identities.find(
    (i) => i.kind === 'email' && i.label === addressee.email && i.verifiedAt,
  );
  return identity ? identity.label : null;
}

/** Follows the link from the registration email: activates the account and logs in. */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const { status } = useAuth();
  const me = useMe();
  useDocumentTitle(t('verify.title'));
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const verify = useVerifyEmail();
  const { mutate: verifyToken } = verify;
  const asked = useRef<string | null>(null);

  useEffect(() => {
    // A link works once: ask once, even when a strict-mode remount runs the effect again.
    if (!token || asked.current === token) return;
    asked.current = token;
    verifyToken(token);
  }, [token, verifyToken]);

  // A used link is refused like any other; opened again by its owner, logged in, the address it
  // was for is verified already, and that is what to say rather than "invalid".
  const refusedLink =
    verify.error instanceof ApiError && verify.error.code === 'TOKEN_INVALID' && !!token;
  const waitingForAccount =
    refusedLink && (status === 'unknown' || (status === 'authenticated' && me.isPending));
  const alreadyVerified =
    refusedLink && status === 'authenticated' && me.data ? verifiedAddress(token, me.data) : null;

  return (
    <AuthCard title={t('verify.title')}>
      {waitingForAccount ? (
        <Loading label={t('verify.checking')} />
      ) : alreadyVerified ? (
        <Verified
          testId="verify-already"
          message={t('verify.already', { email: alreadyVerified })}
        />
      ) : verify.isSuccess ? (
        <Verified
          testId="verify-success"
          message={t('verify.success', { name: verify.data.user.nickname })}
        />
      ) : verify.isError || !token ? (
        <div data-testid="verify-failed">
          <FormAlert>
            {verify.error instanceof ApiError ? verify.error.message : t('verify.failed')}
          </FormAlert>
          <ResendForm />
        </div>
      ) : (
        <Loading label={t('verify.checking')} />
      )}
    </AuthCard>
  );
}

function ResendForm() {
  const { t } = useI18n();
  const toast = useToast();
  const resend = useResendVerification();
  const [email, setEmail] = useState('');
  const { errors, setErrors, check } = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = check(ResendVerificationBody, { email });
    if (!data) return;
    resend.mutate(data.email, {
      onSuccess: () => toast.show({ kind: 'success', text: t('verify.resent') }),
      onError: (error) => {
        setErrors(apiFieldErrors(error));
        toast.show({
          kind: 'danger',
          text: error instanceof ApiError ? error.message : t('error.unexpected'),
        });
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <p className="text-body-secondary">{t('verify.resendIntro')}</p>
      <TextField
        label={t('register.email')}
        name="email"
        type="email"
        value={email}
        onValueChange={setEmail}
        error={errors.email}
        autoComplete="email"
      />
      <SubmitButton busy={resend.isPending}>{t('verify.resend')}</SubmitButton>
    </form>
  );
}

/** The address is verified and the person logged in: where to go from here. */
function Verified({ testId, message }: { testId: string; message: string }) {
  const { t } = useI18n();
  return (
    <div data-testid={testId}>
      <FormAlert kind="success">{message}</FormAlert>
      <div className="d-grid gap-2">
        <Link to="/account" className="btn btn-primary">
          {t('verify.toAccount')}
        </Link>
        <Link to="/" className="btn btn-outline-secondary">
          {t('notFound.back')}
        </Link>
      </div>
    </div>
  );
}
