import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../lib/i18n';
import { useToast } from './toast-context';
import type { ToastApi } from './toast-context';
import { ToastProvider } from './toasts';

function renderToasts() {
  const api: { current?: ToastApi } = {};
  function Capture() {
    api.current = useToast();
    return null;
  }
  render(
    <ToastProvider>
      <Capture />
    </ToastProvider>,
  );
  return () => {
    if (!api.current) throw new Error('ToastProvider did not render');
    return api.current;
  };
}

describe('toasts', () => {
  beforeEach(() => {
    // test/setup.ts goes back to real timers once the test's components are unmounted.
    vi.useFakeTimers();
    setLocale('en');
  });

  it('shows each of the four kinds', () => {
    const toast = renderToasts();
    act(() => {
      toast().show({ kind: 'success', text: 'Saved.' });
      toast().show({ kind: 'info', text: 'Heads up.' });
      toast().show({ kind: 'warning', text: 'Careful.' });
      toast().show({ kind: 'danger', text: 'Failed.' });
    });
    const kinds = screen.getAllByTestId('toast').map((el) => el.dataset.kind);
    expect(kinds).toEqual(['success', 'info', 'warning', 'danger']);
    expect(screen.getByText('Saved.').closest('.toast')).toHaveClass('text-bg-success');
    // Trouble interrupts a screen reader; good news waits its turn.
    expect(screen.getAllByRole('alert').map((el) => el.textContent)).toEqual([
      'Careful.',
      'Failed.',
    ]);
    expect(screen.getAllByRole('status').map((el) => el.textContent)).toEqual([
      'Saved.',
      'Heads up.',
    ]);
  });

  it('closes by itself after its duration', () => {
    const toast = renderToasts();
    act(() => void toast().show({ kind: 'info', text: 'Soon gone.', durationMs: 3000 }));
    act(() => vi.advanceTimersByTime(2999));
    expect(screen.getByText('Soon gone.')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.queryByText('Soon gone.')).not.toBeInTheDocument();
  });

  it('can be closed by hand', () => {
    const toast = renderToasts();
    act(() => void toast().show({ kind: 'danger', text: 'Close me.' }));
    act(() => screen.getByRole('button', { name: 'Close' }).click());
    expect(screen.queryByText('Close me.')).not.toBeInTheDocument();
  });

  it('does not stack the same message twice', () => {
    const toast = renderToasts();
    act(() => {
      toast().show({ kind: 'danger', text: 'Server down.' });
      toast().show({ kind: 'danger', text: 'Server down.' });
    });
    expect(screen.getAllByTestId('toast')).toHaveLength(1);
  });

  it('refuses to work without a provider', () => {
    function Orphan() {
      useToast();
      return null;
    }
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Orphan />)).toThrow(/ToastProvider/);
  });
});
