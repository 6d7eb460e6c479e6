import { fieldMessage, LIMITS } from '@folio/schema';
import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

/** A field message from the schema or the API, in the reader's language. */
export function FieldError({ id, message }: { id?: string; message: string | undefined }) {
  const { locale } = useI18n();
  if (!message) return null;
  return (
    <div id={id} className="invalid-feedback d-block" data-testid="field-error">
      {fieldMessage(message, locale)}
    </div>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  onValueChange?: (value: string) => void;
  /** Put beside the input in an input group (a button, say). */
  addon?: ReactNode;
}

export function TextField({
  label,
  name,
  error,
  hint,
  onValueChange,
  addon,
  className,
  ...input
}: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  const control = (
    <input
      id={id}
      name={name}
      className={`form-control ${error ? 'is-invalid' : ''}`}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
      onChange={(event) => onValueChange?.(event.target.value)}
      {...input}
    />
  );
  return (
    <div className={className ?? 'mb-3'}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {addon ? (
        <div className={`input-group ${error ? 'has-validation' : ''}`}>
          {control}
          {addon}
        </div>
      ) : (
        control
      )}
      <FieldError id={errorId} message={error} />
      {hint && (
        <div id={hintId} className="form-text">
          {hint}
        </div>
      )}
    </div>
  );
}

/** The nickname input, limited as the API limits it. */
export function NicknameField(props: Omit<TextFieldProps, 'label' | 'name'>) {
  const { t } = useI18n();
  return (
    <TextField
      label={t('register.nickname')}
      name="nickname"
      autoComplete="nickname"
      maxLength={LIMITS.nickname}
      {...props}
    />
  );
}

/** A password being chosen, with the rule for passwords beneath it. */
export function NewPasswordField({
  name = 'password',
  hint,
  ...props
}: Omit<TextFieldProps, 'name'> & { name?: string }) {
  const { t } = useI18n();
  return (
    <TextField
      name={name}
      type="password"
      autoComplete="new-password"
      hint={hint ?? t('register.passwordHint')}
      {...props}
    />
  );
}

/** An email address or an international phone number, as login and recovery take them. */
export function AccountField(props: Omit<TextFieldProps, 'label' | 'name'>) {
  const { t } = useI18n();
  return (
    <TextField
      label={t('login.account')}
      name="account"
      autoComplete="username"
      hint={t('login.accountHint')}
      {...props}
    />
  );
}
