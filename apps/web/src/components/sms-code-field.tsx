import type { SmsPurpose } from '@folio/schema';
import { useState } from 'react';
import { TextField } from './form-field';
import { useToast } from './toast-context';
import { ApiError } from '../lib/api-client';
import type { FieldErrors } from '../lib/form-errors';
import { useI18n } from '../lib/i18n';
import { useCountdown } from '../lib/use-countdown';
import { useCaptcha } from '../lib/api/get-captcha';
import { useRequestSmsCode } from '../lib/api/request-sms-code';
import { CaptchaField } from './captcha-field';

/** What the API says when it does not: a new code for the same phone no sooner than this. */
export const SMS_COOLDOWN_SECONDS = 60;

interface SmsCodeFieldProps {
  purpose: SmsPurpose;
  /** The phone in E.164, or null once the form has shown why it is not valid. */
  phone: () => string | null;
  code: string;
  onCodeChange: (code: string) => void;
  /** The code's own error, from the schema or the API. */
  error?: string;
  /** Field errors the API gave about the request for a code (the phone, say). */
  onFieldErrors?: (errors: FieldErrors) => void;
  /** Seconds to wait at first, when a code was just sent elsewhere. */
  initialCooldown?: number;
}

/**
 * The picture captcha, the code, and "Send code", which asks the API for a code for the phone
 * and then counts down before it may be pressed again. Once a code is on its way the picture goes
 * away (it only guards sending): "Send again" after the countdown brings a fresh one back.
 */
export function SmsCodeField({
  purpose,
  phone,
  code,
  onCodeChange,
  error,
  onFieldErrors,
  initialCooldown = 0,
}: SmsCodeFieldProps) {
  const { t } = useI18n();
  const toast = useToast();
  // A code sent elsewhere just now (the forgot-password page) needs no picture until another is asked.
  const [captchaShown, setCaptchaShown] = useState(initialCooldown <= 0);
  // Each round of showing has its own picture: the one that sent a code is spent.
  const [round, setRound] = useState(0);
  const captcha = useCaptcha(`sms-${purpose}-${round}`, captchaShown);
  const request = useRequestSmsCode();
  const { remaining, start } = useCountdown(initialCooldown);
  const [captchaText, setCaptchaText] = useState('');
  const [captchaError, setCaptchaError] = useState<string>();

  function send() {
    if (!captchaShown) {
      setRound((value) => value + 1);
      setCaptchaShown(true);
      return;
    }
    const e164 = phone();
    if (!e164) return;
    const text = captchaText.trim();
    if (!text) {
      setCaptchaError('required');
      return;
    }
    if (!captcha.data) return;
    setCaptchaError(undefined);
    request.mutate(
      { phone: e164, purpose, captchaId: captcha.data.id, captchaText: text },
      {
        onSuccess: ({ cooldownSeconds }) => {
          start(cooldownSeconds || SMS_COOLDOWN_SECONDS);
          setCaptchaShown(false);
          toast.show({ kind: 'info', text: t('sms.sent') });
        },
        onError: (failure) => {
          if (!(failure instanceof ApiError)) return;
          if (failure.code === 'CAPTCHA_INVALID' || failure.code === 'CAPTCHA_REQUIRED') {
            setCaptchaError(failure.errors?.captchaText ?? 'captchaWrong');
            return;
          }
          if (failure.code === 'RATE_LIMITED' && failure.retryAfter) start(failure.retryAfter);
          const { captchaText: captchaProblem, ...others } = failure.errors ?? {};
          if (captchaProblem) setCaptchaError(captchaProblem);
          if (Object.keys(others).length > 0) onFieldErrors?.(others);
          else toast.show({ kind: 'danger', text: failure.message });
        },
        // A captcha answers one check, right or wrong: a refused request leaves a new one up.
        onSettled: (_data, failure) => {
          setCaptchaText('');
          if (failure) void captcha.refetch();
        },
      },
    );
  }

  const sendLabel = request.isPending
    ? t('sms.sending')
    : remaining > 0
      ? t('sms.resendIn', { seconds: remaining })
      : captchaShown
        ? t('sms.send')
        : t('sms.sendAgain');

  return (
    <>
      {captchaShown && (
        <CaptchaField
          captcha={captcha}
          value={captchaText}
          onChange={(value) => {
            setCaptchaText(value);
            setCaptchaError(undefined);
          }}
          error={captchaError}
          autoFocus={round > 0}
        />
      )}
      <TextField
        label={t('sms.code')}
        name="code"
        value={code}
        onValueChange={onCodeChange}
        error={error}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        addon={
          <button
            type="button"
            className="btn btn-outline-primary sms-send"
            onClick={send}
            disabled={request.isPending || remaining > 0 || (captchaShown && !captcha.data)}
            data-testid="send-code"
          >
            {sendLabel}
          </button>
        }
      />
    </>
  );
}
