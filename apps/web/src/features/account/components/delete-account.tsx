import { DeleteMeBody } from '@folio/schema';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextField } from '../../../components/form-field';
import { useToast } from '../../../components/toast-context';
import { clearSession } from '../../../lib/auth-store';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useDeleteMe } from '../api/delete-me';
import { SettingsCard } from './settings-card';

export function DeleteAccount() {
  const { t } = useI18n();
  const toast = useToast();
  const navigate = useNavigate();
  const remove = useDeleteMe();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const { errors, setErrors, check, onApiError } = useFormErrors((text) =>
    toast.show({ kind: 'danger', text }),
  );

  function confirm() {
    const data = check(DeleteMeBody, { password });
    if (!data) return;
    remove.mutate(data.password, {
      onSuccess: () => {
        setOpen(false);
        clearSession({ leftByChoice: true });
        void navigate('/', { replace: true });
        toast.show({ kind: 'info', text: t('account.delete.done') });
      },
      onError: onApiError,
    });
  }

  return (
    <SettingsCard title={t('account.delete.title')} danger testId="delete-card">
      <p className="text-body-secondary">{t('account.delete.text')}</p>
      <button
        type="button"
        className="btn btn-outline-danger"
        onClick={() => {
          setPassword('');
          setErrors({});
          setOpen(true);
        }}
      >
        {t('account.delete.button')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('account.delete.confirmTitle')}
        confirmLabel={t('account.delete.confirm')}
        busy={remove.isPending}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <p>{t('account.delete.confirmText')}</p>
        <TextField
          label={t('account.delete.password')}
          name="password"
          type="password"
          value={password}
          onValueChange={setPassword}
          error={errors.password}
          autoComplete="current-password"
          className="mb-0"
        />
      </ConfirmDialog>
    </SettingsCard>
  );
}
