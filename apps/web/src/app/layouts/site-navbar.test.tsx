import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { componentsSettled } from '../../lib/bootstrap-component';
import { offcanvasModule } from '../../lib/bootstrap-loader';
import { setLocale } from '../../lib/i18n';
import { fakeApi } from '../../test/fake-api';
import { Providers } from '../providers';
import { SiteNavbar } from './site-navbar';

describe('the navbar menu', () => {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error);

  beforeEach(() => {
    setLocale('en');
    errors.length = 0;
    window.addEventListener('error', onError);
    fakeApi({});
  });

  afterEach(() => {
    window.removeEventListener('error', onError);
  });

  it('slides in, and closes from its close button', async () => {
    renderNavbar();
    const menu = screen.getByTestId('menu');
    fireEvent.click(screen.getByTestId('menu-toggler'));
    await waitFor(() => expect(menu).toHaveClass('show'));
    expect(menu).toHaveAttribute('role', 'dialog');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(menu).not.toHaveClass('show'));
    await waitFor(() => expect(document.body.style.overflow).toBe(''));
  });

  it('unmounted while sliding in, goes with its backdrop and scroll lock once the slide ends', async () => {
    const { unmount } = renderNavbar();
    // Bootstrap's Offcanvas loads at the first tap (or hover); loaded, the click starts the slide.
    await offcanvasModule.load();
    fireEvent.click(screen.getByTestId('menu-toggler'));
    const menu = screen.getByTestId('menu');
    expect(menu).toHaveClass('showing');
    // Bootstrap's last step runs when the slide ends, after the unmount.
    const slid = new Promise((resolve) =>
      menu.addEventListener('transitionend', resolve, { once: true }),
    );
    unmount();
    await slid;
    await componentsSettled();
    expect(document.querySelector('.offcanvas-backdrop')).toBeNull();
    expect(document.body.style.overflow).toBe('');
    expect(errors).toEqual([]);
  });
});

describe('the navbar search box', () => {
  beforeEach(() => fakeApi({}));

  it('is a plain search form that opens /search?q=…, in both languages', () => {
    setLocale('zh-CN');
    renderNavbar();
    const form = screen.getByRole('search');
    expect(form).toHaveAttribute('action', '/search');
    const box = within(form).getByRole('searchbox', { name: '搜索博客' });
    expect(box).toHaveAttribute('name', 'q');
    expect(box).toBeRequired();
    setLocale('en');
  });
});

function renderNavbar() {
  const router = createMemoryRouter([{ path: '/', element: <SiteNavbar /> }]);
  return render(
    <Providers>
      <RouterProvider router={router} />
    </Providers>,
  );
}
