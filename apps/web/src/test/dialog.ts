import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/** The open dialog once Bootstrap has finished showing it: focus has moved into it then. */
export async function shownDialog(): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog');
  await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
  return dialog;
}

/** Waits until Bootstrap has finished hiding every dialog: no backdrop, no scroll lock. */
export async function dialogsClosed(): Promise<void> {
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.querySelector('.modal-backdrop')).toBeNull();
    expect(document.body).not.toHaveClass('modal-open');
  });
}
