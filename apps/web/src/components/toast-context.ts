import { createContext, use } from 'react';

export const TOAST_KINDS = ['success', 'info', 'warning', 'danger'] as const;
export type ToastKind = (typeof TOAST_KINDS)[number];

export interface ToastInput {
  kind: ToastKind;
  text: string;
  /** How long the toast stays before closing itself; defaults depend on the kind. */
  durationMs?: number;
}

export interface Toast extends Required<ToastInput> {
  id: number;
}

export interface ToastApi {
  /** Shows a toast, unless the same one is already showing; returns its id. */
  show: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
}

export const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = use(ToastContext);
  if (!api) throw new Error('useToast() needs a <ToastProvider> above it.');
  return api;
}
