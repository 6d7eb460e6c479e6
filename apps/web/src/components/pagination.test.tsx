import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../lib/i18n';
import { pageWindow } from './page-window';
import { Pagination } from './pagination';

describe('pageWindow', () => {
  it('lists every page when they all fit', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('puts an ellipsis on the far side only near either end', () => {
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, 4, 5, 'end-ellipsis', 20]);
    expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, 'end-ellipsis', 20]);
    expect(pageWindow(17, 20)).toEqual([1, 'start-ellipsis', 16, 17, 18, 19, 20]);
    expect(pageWindow(20, 20)).toEqual([1, 'start-ellipsis', 16, 17, 18, 19, 20]);
  });

  it('centres the current page with ellipses on both sides in the middle', () => {
    expect(pageWindow(10, 20)).toEqual([1, 'start-ellipsis', 9, 10, 11, 'end-ellipsis', 20]);
    expect(pageWindow(10, 20, 2)).toEqual([
      1,
      'start-ellipsis',
      8,
      9,
      10,
      11,
      12,
      'end-ellipsis',
      20,
    ]);
  });
});

describe('<Pagination>', () => {
  beforeEach(() => setLocale('en'));

  function pageLabels() {
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    return within(nav)
      .getAllByRole('listitem', { hidden: true })
      .map((item) => item.textContent);
  }

  it('shows the window of pages with ellipses and marks the current one', () => {
    render(<Pagination page={10} pages={20} onPageChange={() => {}} />);
    expect(pageLabels()).toEqual(['‹', '1', '…', '9', '10', '11', '…', '20', '›']);
    const current = screen.getByLabelText('Page 10');
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Page 9' })).not.toHaveAttribute('aria-current');
  });

  it('disables "previous" on the first page and "next" on the last', () => {
    const { rerender } = render(<Pagination page={1} pages={3} onPageChange={() => {}} />);
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();

    rerender(<Pagination page={3} pages={3} onPageChange={() => {}} />);
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    rerender(<Pagination page={1} pages={1} onPageChange={() => {}} />);
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('calls back with the page chosen', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    render(<Pagination page={5} pages={20} onPageChange={onPageChange} />);

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await user.click(screen.getByRole('button', { name: 'Page 20' }));
    await user.click(screen.getByRole('button', { name: 'Page 1' }));

    expect(onPageChange.mock.calls).toEqual([[6], [4], [20], [1]]);
  });

  it('does not call back for the current page or disabled buttons', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    render(<Pagination page={1} pages={1} onPageChange={onPageChange} />);

    await user.click(screen.getByLabelText('Page 1'));
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(onPageChange).not.toHaveBeenCalled();
  });

  it('renders nothing when there are no pages', () => {
    const { container } = render(<Pagination page={1} pages={0} onPageChange={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('speaks the reader’s language', () => {
    setLocale('zh-CN');
    render(<Pagination page={2} pages={3} onPageChange={() => {}} />);
    expect(screen.getByRole('navigation', { name: '分页' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '上一页' })).toBeEnabled();
    expect(screen.getByRole('button', { name: '第 3 页' })).toBeInTheDocument();
  });
});
