import { ChangeEmailBody } from '@folio/schema';
import type { Me } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { TextField } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
import { useToast } from '../../../components/toast-context';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useChangeEmail } from '../api/change-email';
import { SettingsCard } from './settings-card';

/** The address stays until the link sent to the new one is followed. */
export function EmailForm({ me }: { me: Me }) {
  const { t } = useI18n();
  const toast = useToast();
  const change = useChangeEmail();
  const [email, setEmail] = useState('');
  const { errors, check, onApiError } = useFormErrors((text) =>
    toast.show({ kind: 'danger', text }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = check(ChangeEmailBody, { email });
    if (!data) return;
    const target = data.email;
    change.mutate(target, {
      onSuccess: () => {
        setEmail('');
        toast.show({ kind: 'success', text: t('account.email.sent', { email: target }) });
      },
      onError: onApiError,
    });
  }

  return (
    <SettingsCard title={t('account.email.title')} testId="email-card">
      <p className="mb-2">
        {me.email ? (
          <>
            {t('account.email.current')} <strong className="text-break">{me.email}</strong>
          </>
        ) : (
          <span className="text-body-secondary">{t('account.email.none')}</span>
        )}
      </p>
      {me.pendingEmail && (
        <div className="alert alert-info py-2" role="status" data-testid="pending-email">
          {t('account.email.pending', { email: me.pendingEmail })}
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t(me.email ? 'account.email.new' : 'account.email.add')}
          name="email"
          type="email"
          value={email}
          onValueChange={setEmail}
          error={errors.email}
          autoComplete="email"
        />
        <SubmitButton busy={change.isPending} className="btn btn-primary">
          {t('account.email.submit')}
        </SubmitButton>
      </form>
    </SettingsCard>
  );
}
