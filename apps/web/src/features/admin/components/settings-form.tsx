import { LIMITS, UpdateSiteSettingsBody } from '@folio/schema';
import type { SiteSettings, UpdateSiteSettings } from '@folio/schema';
import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { FieldError, TextField } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
import { useToast } from '../../../components/toast-context';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateSettings } from '../api/update-settings';

interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The API's message for this setting, e.g. under `registration.phone`. */
  error: string | undefined;
  testId: string;
  hint?: ReactNode;
}

function Switch({ label, checked, onChange, error, testId, hint }: SwitchProps) {
  const id = useId();
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className="form-check form-switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className={`form-check-input ${error ? 'is-invalid' : ''}`}
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />
      <label htmlFor={id} className="form-check-label">
        {label}
      </label>
      <FieldError id={`${id}-error`} message={error} />
      {hint && (
        <div id={`${id}-hint`} className="form-text mt-0">
          {hint}
        </div>
      )}
    </div>
  );
}

/** Only the settings the form changed: the others are left to whoever changes them meanwhile. */
function changes(settings: SiteSettings, data: UpdateSiteSettings): UpdateSiteSettings {
  const body: UpdateSiteSettings = {};
  if (data.siteName !== settings.siteName) body.siteName = data.siteName;
  const registration: NonNullable<UpdateSiteSettings['registration']> = {};
  if (data.registration?.phone !== settings.registration.phone) {
    registration.phone = data.registration?.phone;
  }
  if (data.registration?.email !== settings.registration.email) {
    registration.email = data.registration?.email;
  }
  if (Object.keys(registration).length) body.registration = registration;
  if (data.captchaAfterFailedLogins !== settings.captchaAfterFailedLogins) {
    body.captchaAfterFailedLogins = data.captchaAfterFailedLogins;
  }
  if (data.commentsOpen !== settings.commentsOpen) body.commentsOpen = data.commentsOpen;
  return body;
}

/** The site's settings, checked with the API's own schema; the API's field messages show too. */
export function SettingsForm({ settings }: { settings: SiteSettings }) {
  const { t } = useI18n();
  const toast = useToast();
  const update = useUpdateSettings();
  const [siteName, setSiteName] = useState(settings.siteName);
  const [phone, setPhone] = useState(settings.registration.phone);
  const [email, setEmail] = useState(settings.registration.email);
  const [captchaAfter, setCaptchaAfter] = useState(String(settings.captchaAfterFailedLogins));
  const [commentsOpen, setCommentsOpen] = useState(settings.commentsOpen);
  const { errors, check, onApiError } = useFormErrors((text) =>
    toast.show({ kind: 'danger', text }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = check(UpdateSiteSettingsBody, {
      siteName,
      registration: { phone, email },
      // An empty or unreadable number is NaN, which the schema refuses with its message.
      captchaAfterFailedLogins: captchaAfter.trim() === '' ? Number.NaN : Number(captchaAfter),
      commentsOpen,
    });
    if (!data) return;
    const body = changes(settings, data);
    if (Object.keys(body).length === 0) {
      toast.show({ kind: 'info', text: t('admin.settings.unchanged') });
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        setSiteName(saved.siteName);
        toast.show({ kind: 'success', text: t('admin.settings.saved') });
      },
      onError: onApiError,
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="settings-form">
      <TextField
        label={t('admin.settings.siteName')}
        name="siteName"
        value={siteName}
        onValueChange={setSiteName}
        error={errors.siteName}
        hint={t('admin.settings.siteNameHint', { max: LIMITS.siteName })}
        maxLength={LIMITS.siteName}
        required
      />
      <fieldset className="mb-3">
        <legend className="form-label fs-6">{t('admin.settings.registration')}</legend>
        <Switch
          label={t('admin.settings.registrationPhone')}
          checked={phone}
          onChange={setPhone}
          error={errors['registration.phone']}
          testId="registration-phone"
        />
        <Switch
          label={t('admin.settings.registrationEmail')}
          checked={email}
          onChange={setEmail}
          error={errors['registration.email']}
          testId="registration-email"
        />
      </fieldset>
      <TextField
        label={t('admin.settings.captchaAfter')}
        name="captchaAfterFailedLogins"
        type="number"
        inputMode="numeric"
        min={0}
        max={LIMITS.captchaAfterFailedLoginsMax}
        step={1}
        className="mb-3 admin-settings-number"
        value={captchaAfter}
        onValueChange={setCaptchaAfter}
        error={errors.captchaAfterFailedLogins}
        hint={t('admin.settings.captchaAfterHint')}
      />
      <fieldset className="mb-4">
        <legend className="form-label fs-6">{t('admin.settings.comments')}</legend>
        <Switch
          label={t('admin.settings.commentsOpen')}
          checked={commentsOpen}
          onChange={setCommentsOpen}
          error={errors.commentsOpen}
          hint={t('admin.settings.commentsHint')}
          testId="comments-open"
        />
      </fieldset>
      <SubmitButton busy={update.isPending} className="btn btn-primary">
        {t('common.save')}
      </SubmitButton>
    </form>
  );
}
