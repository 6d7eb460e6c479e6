import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useCountdown } from '../../../lib/use-countdown';
import { useResendVerification } from '../api/resend-verification';
import { SMS_COOLDOWN_SECONDS } from '../../../components/sms-code-field';

/** After registering by email: where the link went, and a way to have it sent again. */
export function CheckInbox({ email, onBack }: { email: string; onBack: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const resend = useResendVerification();
  const { remaining, start } = useCountdown(SMS_COOLDOWN_SECONDS);

  function again() {
    resend.mutate(email, {
      onSuccess: () => {
        start(SMS_COOLDOWN_SECONDS);
        toast.show({ kind: 'success', text: t('verify.resent') });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.retryAfter) start(error.retryAfter);
        toast.show({
          kind: 'danger',
          text: error instanceof ApiError ? error.message : t('error.unexpected'),
        });
      },
    });
  }

  return (
    <div className="text-center" data-testid="check-inbox">
      <div className="display-6 mb-2" aria-hidden="true">
        ✉
      </div>
      <h2 className="h5">{t('register.checkInbox')}</h2>
      <p className="text-body-secondary">{t('register.checkInboxText', { email })}</p>
      <div className="d-flex flex-column gap-2">
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={again}
          disabled={resend.isPending || remaining > 0}
        >
          {remaining > 0 ? t('sms.resendIn', { seconds: remaining }) : t('verify.resend')}
        </button>
        <button type="button" className="btn btn-link" onClick={onBack}>
          {t('register.useAnotherEmail')}
        </button>
      </div>
    </div>
  );
}
