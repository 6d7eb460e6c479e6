import { useToast } from '../../../components/toast-context';
import { useI18n } from '../../../lib/i18n';

/** Copies with the old selection API, where the Clipboard API is missing (plain http, old browsers). */
function copyBySelection(text: string): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

/**
 * Copies the page's address and says so in a toast. Without any way to copy (no Clipboard API,
 * the selection refused), the toast shows the address to copy by hand.
 */
export function CopyLinkButton() {
  const { t } = useI18n();
  const toast = useToast();

  async function copy() {
    const url = window.location.href;
    let copied = false;
    try {
      if (navigator.clipboard) {
        await navigator.clipboard.writeText(url);
        copied = true;
      }
    } catch {
      // Refused (no permission, the page not focused): the selection may still do it.
    }
    copied ||= copyBySelection(url);
    if (copied) toast.show({ kind: 'success', text: t('blog.linkCopied') });
    else toast.show({ kind: 'info', text: t('blog.copyThisLink', { url }), durationMs: 15_000 });
  }

  return (
    <button
      type="button"
      className="btn btn-outline-secondary btn-sm"
      data-testid="copy-link"
      onClick={() => void copy()}
    >
      {t('blog.copyLink')}
    </button>
  );
}
