import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../lib/i18n';
import { renderRoute } from '../../../test/render-route';
import { CopyLinkButton } from './copy-link-button';

const routes = [{ path: '/blogs/:id', element: <CopyLinkButton /> }];

describe('the copy-link button', () => {
  beforeEach(() => setLocale('en'));

  it('copies the page’s address and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderRoute(routes, '/blogs/7');
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    expect(await screen.findByTestId('toast')).toHaveTextContent('Link copied.');
  });

  it('shows the address to copy by hand when nothing can copy it, in Chinese too', async () => {
    setLocale('zh-CN');
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    renderRoute(routes, '/blogs/7');
    await userEvent.click(screen.getByRole('button', { name: '复制链接' }));
    expect(await screen.findByTestId('toast')).toHaveTextContent(
      `请复制此链接：${window.location.href}`,
    );
  });
});
