import { DeleteMeBody } from '@folio/schema';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextField } from '../../../components/form-field';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { clearSession } from '../../../lib/auth-store';
import { apiFieldErrors, validate } from '../../../lib/form-errors';
import type { FieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useDeleteMe } from '../api/delete-me';
import { SettingsCard } from './settings-card';

export function DeleteAccount() {
  const { t } = useI18n();
  const toast = useToast();
  const navigate = useNavigate();
  const remove = useDeleteMe();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  function confirm() {
    const checked = validate(DeleteMeBody, { password });
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    remove.mutate(checked.data.password, {
      onSuccess: () => {
        setOpen(false);
        clearSession({ leftByChoice: true });
        void navigate('/', { replace: true });
        toast.show({ kind: 'info', text: t('account.delete.done') });
      },
      onError: (error) => {
        const fields = apiFieldErrors(error);
        setErrors(fields);
        if (Object.keys(fields).length === 0) {
          toast.show({
            kind: 'danger',
            text: error instanceof ApiError ? error.message : t('error.unexpected'),
          });
        }
      },
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
