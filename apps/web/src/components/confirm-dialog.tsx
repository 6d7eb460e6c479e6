import Modal from 'bootstrap/js/dist/modal';
import { useEffect, useId, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { attachComponent, releaseBody } from '../lib/bootstrap-component';
import type { AttachedComponent } from '../lib/bootstrap-component';
import { useI18n } from '../lib/i18n';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, and any field the confirmation needs (a password, say). */
  children?: ReactNode;
  confirmLabel: string;
  kind?: 'danger' | 'primary';
  busy?: boolean;
  onConfirm: () => void;
  /** Cancelled, Escape, the backdrop or the close button. */
  onClose: () => void;
}

/**
 * A question before something that cannot be undone, run by Bootstrap's own Modal (focus trap,
 * Escape, backdrop). Its body is a form, so Enter in a field confirms.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  kind = 'danger',
  busy = false,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  const openRef = useRef(open);
  const modalRef = useRef<AttachedComponent<Modal> | null>(null);

  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const modal = attachComponent(Modal, element, (phase) => {
      // Bootstrap ignores hide() during the show transition: a close asked for then waits for it.
      if (phase === 'shown' && !openRef.current) modal.instance.hide();
      // Hidden while still open: Escape or the backdrop did it. Cancel and the close button ask
      // the owner to close, since Bootstrap would ignore a hide() during the show transition.
      if (phase === 'hidden' && openRef.current) closeRef.current();
    });
    modalRef.current = modal;
    return () => {
      modalRef.current = null;
      // A dialog unmounted while open must not leave its backdrop and scroll lock behind.
      modal.dispose(() => {
        // A transition that ended after the unmount had Bootstrap put the dialog back in <body>.
        if (element.parentElement === document.body) element.remove();
        document.querySelectorAll('.modal-backdrop').forEach((backdrop) => backdrop.remove());
        releaseBody();
      });
    };
  }, []);

  useEffect(() => {
    openRef.current = open;
    const modal = modalRef.current;
    if (!modal) return;
    if (open) modal.instance.show();
    else modal.instance.hide();
  }, [open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onConfirm();
  }

  return (
    <div
      ref={ref}
      className="modal fade"
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-hidden="true"
      data-testid="confirm-dialog"
    >
      <div className="modal-dialog modal-dialog-centered">
        <form className="modal-content" onSubmit={submit} noValidate>
          <div className="modal-header">
            <h2 className="modal-title h5" id={titleId}>
              {title}
            </h2>
            <button
              type="button"
              className="btn-close"
              aria-label={t('common.close')}
              onClick={onClose}
            />
          </div>
          <div className="modal-body">{children}</div>
          <div className="modal-footer">
            <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className={`btn btn-${kind}`} disabled={busy}>
              {busy && (
                <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
              )}
              {confirmLabel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
