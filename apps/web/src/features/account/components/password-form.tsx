import { ChangePasswordBody } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { NewPasswordField, TextField } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
import { useToast } from '../../../components/toast-context';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useChangePassword } from '../api/change-password';
import { SettingsCard } from './settings-card';

export function PasswordForm() {
  const { t } = useI18n();
  const toast = useToast();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { errors, check, onApiError } = useFormErrors((text) =>
    toast.show({ kind: 'danger', text }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = check(ChangePasswordBody, { currentPassword, newPassword });
    if (!data) return;
    change.mutate(data, {
      onSuccess: () => {
        setCurrentPassword('');
        setNewPassword('');
        toast.show({ kind: 'success', text: t('account.password.saved') });
      },
      onError: onApiError,
    });
  }

  return (
    <SettingsCard title={t('account.password.title')} testId="password-card">
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('account.password.current')}
          name="currentPassword"
          type="password"
          value={currentPassword}
          onValueChange={setCurrentPassword}
          error={errors.currentPassword}
          autoComplete="current-password"
        />
        <NewPasswordField
          label={t('account.password.new')}
          name="newPassword"
          value={newPassword}
          onValueChange={setNewPassword}
          error={errors.newPassword}
          hint={t('account.password.hint')}
        />
        <SubmitButton busy={change.isPending} className="btn btn-primary">
          {t('account.password.submit')}
        </SubmitButton>
      </form>
    </SettingsCard>
  );
}
