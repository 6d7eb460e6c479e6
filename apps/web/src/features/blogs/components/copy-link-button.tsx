import { useToast } from '../../../components/toast-context';
import { copyText } from '../../../lib/copy-text';
import { useI18n } from '../../../lib/i18n';

/**
 * Copies the page's address and says so in a toast. Without any way to copy (no Clipboard API,
 * the selection refused), the toast shows the address to copy by hand.
 */
export function CopyLinkButton() {
  const { t } = useI18n();
  const toast = useToast();

  async function copy() {
    const url = window.location.href;
    if (await copyText(url)) toast.show({ kind: 'success', text: t('blog.linkCopied') });
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
