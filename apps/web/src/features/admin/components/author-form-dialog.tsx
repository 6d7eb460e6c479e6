import { CreateAuthorBody, LIMITS, UpdateAuthorBody } from '@folio/schema';
import type { AdminAuthor, CreateAuthor, UpdateAuthor } from '@folio/schema';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FieldError, TextField } from '../../../components/form-field';
import { useToast } from '../../../components/toast-context';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateAuthor, useUpdateAuthor } from '../api/save-author';

interface AuthorFormDialogProps {
  /** The author to change; a new one without. */
  author?: AdminAuthor;
  open: boolean;
  onClose: () => void;
}

/**
 * An author's name, contact address and bio in a dialog, checked with the API's own schema; the
 * API's refusals (an address another author has, say) show under their fields.
 */
export function AuthorFormDialog({ author, open, onClose }: AuthorFormDialogProps) {
  const { t } = useI18n();
  const toast = useToast();
  const create = useCreateAuthor();
  const update = useUpdateAuthor();
  const bioId = useId();
  const [name, setName] = useState(author?.name ?? '');
  const [email, setEmail] = useState(author?.email ?? '');
  const [bio, setBio] = useState(author?.bio ?? '');
  const { errors, check, onApiError } = useFormErrors((text) =>
    toast.show({ kind: 'danger', text }),
  );

  function saved(result: AdminAuthor) {
    const key = author ? 'admin.authors.saved' : 'admin.authors.created';
    toast.show({ kind: 'success', text: t(key, { name: result.name }) });
    onClose();
  }

  function submit() {
    const values = { name, email: email.trim() || null, bio: bio.trim() || null };
    if (!author) {
      const data = check(CreateAuthorBody, values);
      if (data) create.mutate(data, { onSuccess: saved, onError: onApiError });
      return;
    }
    const data = check(UpdateAuthorBody, values);
    if (!data) return;
    const body = changes(author, data);
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    update.mutate({ id: author.id, body }, { onSuccess: saved, onError: onApiError });
  }

  return (
    <ConfirmDialog
      open={open}
      title={author ? t('admin.authors.editTitle', { name: author.name }) : t('admin.authors.new')}
      confirmLabel={author ? t('common.save') : t('admin.authors.create')}
      kind="primary"
      busy={create.isPending || update.isPending}
      onConfirm={submit}
      onClose={onClose}
    >
      <div data-testid="author-form">
        <TextField
          label={t('admin.authors.field.name')}
          name="name"
          value={name}
          onValueChange={setName}
          error={errors.name}
          maxLength={LIMITS.authorName}
          required
        />
        <TextField
          label={t('admin.authors.field.email')}
          name="email"
          type="email"
          value={email}
          onValueChange={setEmail}
          error={errors.email}
          maxLength={LIMITS.authorEmail}
          hint={t('admin.authors.field.emailHint')}
        />
        <div className="mb-0">
          <label htmlFor={bioId} className="form-label">
            {t('admin.authors.field.bio')}
          </label>
          <textarea
            id={bioId}
            name="bio"
            className={`form-control ${errors.bio ? 'is-invalid' : ''}`}
            rows={4}
            value={bio}
            maxLength={LIMITS.authorBio}
            aria-invalid={errors.bio ? true : undefined}
            aria-describedby={errors.bio ? `${bioId}-error` : undefined}
            onChange={(event) => setBio(event.target.value)}
          />
          <FieldError id={`${bioId}-error`} message={errors.bio} />
        </div>
      </div>
    </ConfirmDialog>
  );
}

/** Only the fields the form changed. */
function changes(author: AdminAuthor, data: UpdateAuthor | CreateAuthor): UpdateAuthor {
  const body: UpdateAuthor = {};
  if (data.name !== undefined && data.name !== author.name) body.name = data.name;
  if (data.email !== undefined && data.email !== author.email) body.email = data.email;
  if (data.bio !== undefined && data.bio !== author.bio) body.bio = data.bio;
  return body;
}
