import { LIMITS, UpdateSiteSettingsBody } from '@folio/schema';
import type {
  SettingName,
  SiteSettings,
  SiteSettingsDefaults,
  UpdateSiteSettings,
} from '@folio/schema';
import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { FieldError, TextField } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
import { useToast } from '../../../components/toast-context';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useResetSetting } from '../api/reset-setting';
import { useUpdateSettings } from '../api/update-settings';

interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The API's message for this setting, e.g. under `registration.phone`. */
  error: string | undefined;
  testId: string;
  hint?: ReactNode;
  /** Where the value comes from (`DefaultNote`), under the rest. */
  note?: ReactNode;
}

function Switch({ label, checked, onChange, error, testId, hint, note }: SwitchProps) {
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
      {note}
    </div>
  );
}

/** A setting's value in the settings `value` of the API, by its dotted name. */
function valueOf(settings: SiteSettings, name: SettingName): string | number | boolean {
  switch (name) {
    case 'registration.phone':
      return settings.registration.phone;
    case 'registration.email':
      return settings.registration.email;
    default:
      return settings[name];
  }
}

interface DefaultNoteProps {
  name: SettingName;
  /** The setting's label, for the button's accessible name. */
  label: string;
  defaults: SiteSettingsDefaults | undefined;
  busy: boolean;
  onReset: (name: SettingName, label: string) => void;
}

/**
 * Whether the server's value applies, or staff set one; then what the server's value is, and a
 * button back to it.
 */
function DefaultNote({ name, label, defaults, busy, onReset }: DefaultNoteProps) {
  const { t } = useI18n();
  if (!defaults) return null;
  if (!defaults.stored.includes(name)) {
    return (
      <div className="form-text mt-0" data-testid={`default-${name}`}>
        {t('admin.settings.defaultInUse')}
      </div>
    );
  }
  const value = valueOf(defaults.defaults, name);
  const shown =
    typeof value === 'boolean'
      ? t(value ? 'admin.settings.on' : 'admin.settings.off')
      : String(value);
  return (
    <div
      className="form-text mt-0 d-flex flex-wrap align-items-baseline column-gap-2"
      data-testid={`default-${name}`}
    >
      <span>{t('admin.settings.default', { value: shown })}</span>
      <button
        type="button"
        className="btn btn-link btn-sm p-0 align-baseline"
        aria-label={t('admin.settings.resetLabel', { setting: label })}
        disabled={busy}
        onClick={() => onReset(name, label)}
      >
        {t('admin.settings.reset')}
      </button>
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

interface SettingsFormProps {
  settings: SiteSettings;
  /** Where each setting comes from; the notes under the fields wait for it. */
  defaults: SiteSettingsDefaults | undefined;
}

/**
 * The site's settings, checked with the API's own schema; the API's field messages show too.
 * Under each, whether the server's value applies, or a button back to it.
 */
export function SettingsForm({ settings, defaults }: SettingsFormProps) {
  const { t } = useI18n();
  const toast = useToast();
  const update = useUpdateSettings();
  const resetting = useResetSetting();
  const [siteName, setSiteName] = useState(settings.siteName);
  const [phone, setPhone] = useState(settings.registration.phone);
  const [email, setEmail] = useState(settings.registration.email);
  const [captchaAfter, setCaptchaAfter] = useState(String(settings.captchaAfterFailedLogins));
  const [commentsOpen, setCommentsOpen] = useState(settings.commentsOpen);
  const { errors, check, onApiError } = useFormErrors((text) =>
    toast.show({ kind: 'danger', text }),
  );

  // The field reset shows the server's value; the others keep what is typed in them.
  const fields: Record<SettingName, (saved: SiteSettings) => void> = {
    siteName: (saved) => setSiteName(saved.siteName),
    'registration.phone': (saved) => setPhone(saved.registration.phone),
    'registration.email': (saved) => setEmail(saved.registration.email),
    captchaAfterFailedLogins: (saved) => setCaptchaAfter(String(saved.captchaAfterFailedLogins)),
    commentsOpen: (saved) => setCommentsOpen(saved.commentsOpen),
  };

  function reset(name: SettingName, label: string) {
    resetting.mutate(name, {
      onSuccess: (saved) => {
        fields[name](saved);
        toast.show({ kind: 'success', text: t('admin.settings.resetDone', { setting: label }) });
      },
      onError: onApiError,
    });
  }

  const note = (name: SettingName, label: string) => (
    <DefaultNote
      name={name}
      label={label}
      defaults={defaults}
      busy={resetting.isPending}
      onReset={reset}
    />
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
        className="mb-1"
      />
      <div className="mb-3">{note('siteName', t('admin.settings.siteName'))}</div>
      <fieldset className="mb-3">
        <legend className="form-label fs-6">{t('admin.settings.registration')}</legend>
        <Switch
          label={t('admin.settings.registrationPhone')}
          checked={phone}
          onChange={setPhone}
          error={errors['registration.phone']}
          testId="registration-phone"
          note={note('registration.phone', t('admin.settings.registrationPhone'))}
        />
        <Switch
          label={t('admin.settings.registrationEmail')}
          checked={email}
          onChange={setEmail}
          error={errors['registration.email']}
          testId="registration-email"
          note={note('registration.email', t('admin.settings.registrationEmail'))}
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
        className="mb-1 admin-settings-number"
        value={captchaAfter}
        onValueChange={setCaptchaAfter}
        error={errors.captchaAfterFailedLogins}
        hint={t('admin.settings.captchaAfterHint')}
      />
      <div className="mb-3">
        {note('captchaAfterFailedLogins', t('admin.settings.captchaAfter'))}
      </div>
      <fieldset className="mb-4">
        <legend className="form-label fs-6">{t('admin.settings.comments')}</legend>
        <Switch
          label={t('admin.settings.commentsOpen')}
          checked={commentsOpen}
          onChange={setCommentsOpen}
          error={errors.commentsOpen}
          hint={t('admin.settings.commentsHint')}
          testId="comments-open"
          note={note('commentsOpen', t('admin.settings.commentsOpen'))}
        />
      </fieldset>
      <SubmitButton busy={update.isPending} className="btn btn-primary">
        {t('common.save')}
      </SubmitButton>
    </form>
  );
}
