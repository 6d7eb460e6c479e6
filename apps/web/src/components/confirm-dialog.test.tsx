import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { componentsSettled } from '../lib/bootstrap-component';
import { setLocale } from '../lib/i18n';
import { dialogsClosed, shownDialog } from '../test/dialog';
import { ConfirmDialog } from './confirm-dialog';

function Dialog({ open, onClose = () => {} }: { open: boolean; onClose?: () => void }) {
  return (
    <ConfirmDialog
      open={open}
      title="Remove it?"
      confirmLabel="Remove"
      onConfirm={() => {}}
      onClose={onClose}
    >
      It cannot be undone.
    </ConfirmDialog>
  );
}

describe('<ConfirmDialog>', () => {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error);

  beforeEach(() => {
    setLocale('en');
    errors.length = 0;
    window.addEventListener('error', onError);
  });

  afterEach(() => {
    window.removeEventListener('error', onError);
  });

  it('opens, and a close asked for during the opening transition still closes it', async () => {
    const { rerender } = render(<Dialog open={false} />);
    rerender(<Dialog open />);
    // Bootstrap is still sliding it in: it ignores hide() now.
    rerender(<Dialog open={false} />);
    await dialogsClosed();
    rerender(<Dialog open />);
    expect(await shownDialog()).toHaveTextContent('It cannot be undone.');
  });

  it('tells the parent when the person dismisses it, and closes when the parent does', async () => {
    const onClose = vi.fn();
    const { rerender } = render(<Dialog open onClose={onClose} />);
    const dialog = await shownDialog();
    screen.getByRole('button', { name: 'Cancel' }).click();
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    rerender(<Dialog open={false} onClose={onClose} />);
    await dialogsClosed();
    expect(dialog).toHaveAttribute('aria-hidden', 'true');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('is dismissed by Cancel even while it is still sliding in', async () => {
    const onClose = vi.fn();
    render(<Dialog open onClose={onClose} />);
    // Straight away, before the opening transition has ended (Bootstrap ignores hide() then).
    screen.getByRole('button', { name: 'Cancel', hidden: true }).click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('unmounted during its opening transition, goes with its backdrop once that has ended', async () => {
    const { unmount } = render(<Dialog open />);
    const backdrop = document.querySelector('.modal-backdrop')!;
    // Bootstrap's next step runs when the backdrop's fade ends, after the unmount.
    const faded = new Promise((resolve) =>
      backdrop.addEventListener('transitionend', resolve, { once: true }),
    );
    unmount();
    await faded;
    await componentsSettled();
    expect(document.querySelector('.modal')).toBeNull();
    expect(document.querySelector('.modal-backdrop')).toBeNull();
    expect(document.body).not.toHaveClass('modal-open');
    expect(document.body.style.overflow).toBe('');
    expect(errors).toEqual([]);
  });

  it('unmounted while open, leaves no backdrop or scroll lock behind', async () => {
    const { unmount } = render(<Dialog open />);
    await shownDialog();
    unmount();
    await componentsSettled();
    expect(document.querySelector('.modal-backdrop')).toBeNull();
    expect(document.body).not.toHaveClass('modal-open');
    expect(errors).toEqual([]);
  });
});
