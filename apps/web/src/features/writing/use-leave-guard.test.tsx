import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { BrowserRouter, Link, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLeaveGuard } from './use-leave-guard';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname}</p>;
}

let answer: (leave: boolean) => void = () => undefined;
const confirmLeave = vi.fn(
  () =>
    new Promise<boolean>((resolve) => {
      answer = resolve;
    }),
);

function Editor() {
  const [dirty, setDirty] = useState(false);
  const go = useLeaveGuard(dirty, confirmLeave);
  return (
    <div>
      <button type="button" onClick={() => setDirty(true)}>
        change
      </button>
      <button type="button" onClick={() => setDirty(false)}>
        save
      </button>
      <button type="button" onClick={() => go('/blogs/5/edit', { replace: true })}>
        created
      </button>
      <Link to="/blogs">in-app link</Link>
      <a href="https://example.com/x">elsewhere</a>
      <a href="/blogs" target="_blank">
        new tab
      </a>
      <a href="#part">same page</a>
    </div>
  );
}

function App() {
  return (
    <BrowserRouter>
      <Where />
      <Routes>
        <Route path="/write" element={<Editor />} />
        <Route path="/blogs/5/edit" element={<Editor />} />
        <Route path="*" element={<p>elsewhere page</p>} />
      </Routes>
    </BrowserRouter>
  );
}

/** The browser's Back, once its popstate has been handled. */
async function back() {
  await act(async () => {
    window.history.back();
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/start');
  window.history.pushState(null, '', '/write');
  confirmLeave.mockClear();
});

afterEach(() => {
  answer(true);
});

const where = () => screen.getByTestId('where').textContent;

describe('useLeaveGuard', () => {
  it('asks the browser before the tab closes, only with unsaved work', async () => {
    render(<App />);
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    await userEvent.click(screen.getByText('change'));
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });

  it('lets links through while nothing is unsaved', async () => {
    render(<App />);
    await userEvent.click(screen.getByText('in-app link'));
    expect(where()).toBe('/blogs');
    expect(confirmLeave).not.toHaveBeenCalled();
  });

  it('asks before an in-app link: staying stays, leaving goes', async () => {
    render(<App />);
    await userEvent.click(screen.getByText('change'));
    await userEvent.click(screen.getByText('in-app link'));
    expect(confirmLeave).toHaveBeenCalledTimes(1);
    await act(async () => answer(false));
    expect(where()).toBe('/write');

    await userEvent.click(screen.getByText('in-app link'));
    await act(async () => answer(true));
    await waitFor(() => expect(where()).toBe('/blogs'));
    // The extra entry went, so Back returns to the editor's own one, then to where it came from.
    await back();
    expect(where()).toBe('/write');
    await back();
    expect(window.location.pathname).toBe('/start');
  });

  it('leaves links to other sites, new tabs and the same page to the browser', async () => {
    render(<App />);
    await userEvent.click(screen.getByText('change'));
    for (const name of ['elsewhere', 'new tab', 'same page']) {
      const link = screen.getByText(name);
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
      // Prevented here so jsdom does not try to navigate; the guard must not ask either way.
      link.addEventListener('click', (event) => event.preventDefault(), { once: true });
      link.dispatchEvent(click);
    }
    expect(confirmLeave).not.toHaveBeenCalled();
  });

  it('asks on Back: staying keeps the page, leaving goes back', async () => {
    render(<App />);
    await userEvent.click(screen.getByText('change'));
    await back();
    expect(confirmLeave).toHaveBeenCalledTimes(1);
    await act(async () => answer(false));
    expect(where()).toBe('/write');

    await back();
    expect(confirmLeave).toHaveBeenCalledTimes(2);
    await act(async () => {
      answer(true);
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
    expect(window.location.pathname).toBe('/start');
  });

  it('goes back at once once the work is saved', async () => {
    render(<App />);
    await userEvent.click(screen.getByText('change'));
    await userEvent.click(screen.getByText('save'));
    await back();
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(confirmLeave).not.toHaveBeenCalled();
    expect(window.location.pathname).toBe('/start');
  });

  it('lets the page replace its address without an entry left behind', async () => {
    render(<App />);
    await userEvent.click(screen.getByText('change'));
    await userEvent.click(screen.getByText('created'));
    await waitFor(() => expect(where()).toBe('/blogs/5/edit'));
    expect(confirmLeave).not.toHaveBeenCalled();
    await back();
    expect(window.location.pathname).toBe('/start');
  });
});
