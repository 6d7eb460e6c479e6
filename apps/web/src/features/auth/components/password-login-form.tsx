import { LoginBody } from '@folio/schema';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { AccountField, TextField } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCaptcha } from '../../../lib/api/get-captcha';
import { useLogin } from '../api/login';
import { useResendVerification } from '../api/resend-verification';
import { accountFieldError, normalizeAccount } from '../../../lib/phone';
import { CaptchaField } from '../../../components/captcha-field';

interface PasswordLoginFormProps {
  /** A provider account to bind once logged in. */
  oauthTicket?: string;
  onLoggedIn: (nickname: string) => void;
}

/**
 * Email or phone and password; the picture captcha appears as soon as the API says the next
 * attempt needs it (with a failed login), so nobody is refused for lack of a picture never shown.
 */
export function PasswordLoginForm({ oauthTicket, onLoggedIn }: PasswordLoginFormProps) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const login = useLogin(({ user }) => onLoggedIn(user.nickname));
  const resend = useResendVerification();
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [captchaNeeded, setCaptchaNeeded] = useState(false);
  const [captchaText, setCaptchaText] = useState('');
  const { errors, setErrors, check } = useFormErrors();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const captcha = useCaptcha('login', captchaNeeded);

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = check(
      LoginBody,
      {
        account: normalizeAccount(account, locale),
        password,
        remember,
        oauthTicket,
        ...(captchaNeeded && { captchaId: captcha.data?.id, captchaText }),
      },
      captchaNeeded && !captchaText.trim() ? { captchaText: 'required' } : undefined,
    );
    const unreadable = accountFieldError(account, locale);
    if (unreadable) setErrors((current) => ({ ...current, ...unreadable }));
    if (!data || unreadable) return;
    setFailure(null);
    login.mutate(data, {
      onError: (error) => {
        const fields = apiFieldErrors(error);
        if (error instanceof ApiError) {
          // A refused attempt may say the next one needs the picture: show it before then.
          if (
            error.captchaRequired ||
            error.code === 'CAPTCHA_REQUIRED' ||
            error.code === 'CAPTCHA_INVALID'
          ) {
            setCaptchaNeeded(true);
            if (error.code === 'CAPTCHA_INVALID') fields.captchaText ??= 'captchaWrong';
          }
        }
        setErrors(fields);
        // Field problems show under their fields; anything else goes above the form.
        const onlyFields =
          error instanceof ApiError &&
          error.code === 'VALIDATION_FAILED' &&
          Object.keys(fields).length > 0;
        setFailure(error instanceof ApiError && !onlyFields ? error : null);
        if (!(error instanceof ApiError))
          toast.show({ kind: 'danger', text: t('error.unexpected') });
      },
      onSettled: () => {
        // Each picture answers one attempt.
        if (captchaNeeded) {
          setCaptchaText('');
          void captcha.refetch();
        }
      },
    });
  }

  function resendLink() {
    resend.mutate(account.trim(), {
      onSuccess: () => toast.show({ kind: 'success', text: t('verify.resent') }),
      onError: (error) =>
        toast.show({
          kind: 'danger',
          text: error instanceof ApiError ? error.message : t('error.unexpected'),
        }),
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="password-login-form">
      <FormAlert kind={failure?.code === 'CAPTCHA_REQUIRED' ? 'warning' : 'danger'}>
        {failure && (
          <>
            <span data-testid="login-error">{failure.message}</span>
            {failure.code === 'ACCOUNT_PENDING' && account.includes('@') && (
              <button
                type="button"
                className="btn btn-sm btn-outline-danger d-block mt-2"
                onClick={resendLink}
                disabled={resend.isPending}
              >
                {t('verify.resend')}
              </button>
            )}
          </>
        )}
      </FormAlert>
      <AccountField value={account} onValueChange={setAccount} error={errors.account} autoFocus />
      <TextField
        label={t('login.password')}
        name="password"
        type="password"
        value={password}
        onValueChange={setPassword}
        error={errors.password}
        autoComplete="current-password"
      />
      {captchaNeeded && (
        <CaptchaField
          captcha={captcha}
          value={captchaText}
          onChange={setCaptchaText}
          error={errors.captchaText}
        />
      )}
      <RememberMe checked={remember} onChange={setRemember} />
      <SubmitButton busy={login.isPending}>{t('login.submit')}</SubmitButton>
    </form>
  );
}

export function RememberMe({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="form-check mb-3">
      <input
        className="form-check-input"
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="form-check-label" htmlFor={id}>
        {t('login.remember')}
      </label>
    </div>
  );
}
