import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { ToastContext } from './toast-context';
import type { Toast, ToastApi, ToastInput, ToastKind } from './toast-context';

const DEFAULT_DURATION_MS: Record<ToastKind, number> = {
  success: 4000,
  info: 5000,
  warning: 7000,
  danger: 8000,
};

/** Older toasts make way so a burst of failures cannot cover the page. */
const MAX_TOASTS = 4;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback((input: ToastInput) => {
    const id = nextId.current++;
    const toast: Toast = { durationMs: DEFAULT_DURATION_MS[input.kind], ...input, id };
    setToasts((current) => {
      if (current.some((shown) => shown.kind === toast.kind && shown.text === toast.text)) {
        return current;
      }
      return [...current, toast].slice(-MAX_TOASTS);
    });
    return id;
  }, []);

  const api = useMemo<ToastApi>(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext value={api}>
      {children}
      <div className="toast-container position-fixed bottom-0 end-0 p-3" data-testid="toasts">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const { t } = useI18n();
  // Reading a toast (pointer over it or focus in it) holds it open.
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(toast.id), toast.durationMs);
    return () => clearTimeout(timer);
  }, [held, onDismiss, toast.id, toast.durationMs]);

  const urgent = toast.kind === 'danger' || toast.kind === 'warning';
  const lightText = toast.kind === 'success' || toast.kind === 'danger';

  return (
    <div
      className={`toast show border-0 text-bg-${toast.kind}`}
      role={urgent ? 'alert' : 'status'}
      aria-live={urgent ? 'assertive' : 'polite'}
      aria-atomic="true"
      data-testid="toast"
      data-kind={toast.kind}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <div className="d-flex align-items-start">
        <div className="toast-body flex-grow-1">{toast.text}</div>
        <button
          type="button"
          className={`btn-close me-2 mt-2 ${lightText ? 'btn-close-white' : ''}`}
          aria-label={t('common.close')}
          onClick={() => onDismiss(toast.id)}
        />
      </div>
    </div>
  );
}
