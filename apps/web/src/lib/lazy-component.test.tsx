import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from '../app/layouts/page-error-boundary';
import { PartBoundary } from '../components/part-boundary';
import { fakeApi } from '../test/fake-api';
import { renderRoute } from '../test/render-route';
import { setLocale } from './i18n';
import { lazyComponent } from './lazy-component';
import { loadOnce } from './load-once';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A load that fails while `network.up` is false (a dropped connection), and works after. */
function flakyLoad() {
  const network = { up: false };
  const load = vi.fn(async () => {
    if (!network.up) throw new TypeError('Failed to fetch dynamically imported module');
    return Greeting;
  });
  return { network, load };
}

describe('a lazily loaded component', () => {
  beforeEach(() => {
    setLocale('en');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it('loads its code again on "Try again" after a failure, in a part', async () => {
    const { network, load } = flakyLoad();
    const Lazy = lazyComponent(load);
    render(
      <PartBoundary>
        <Suspense fallback={<p>Loading</p>}>
          <Lazy name="Ada" />
        </Suspense>
      </PartBoundary>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This part of the page could not be loaded.',
    );
    // One try, however often React renders it; the next comes from "Try again".
    expect(load).toHaveBeenCalledTimes(1);
    network.up = true;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('loads once when it works, however often it renders', async () => {
    const load = vi.fn(async () => Greeting);
    const Lazy = lazyComponent(load);
    const { rerender } = render(
      <Suspense>
        <Lazy name="Ada" />
      </Suspense>,
    );
    await screen.findByText('Hello Ada');
    rerender(
      <Suspense>
        <Lazy name="Grace" />
      </Suspense>,
    );
    expect(screen.getByText('Hello Grace')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('comes back on "Try again" of the page that failed, in Chinese too', async () => {
    setLocale('zh-CN');
    const { network, load } = flakyLoad();
    const Lazy = lazyComponent(load);
    fakeApi({});
    renderRoute(
      [
        {
          path: '/',
          element: (
            <PageErrorBoundary>
              <Suspense>
                <Lazy name="Ada" />
              </Suspense>
            </PageErrorBoundary>
          ),
        },
      ],
      '/',
    );
    expect(await screen.findByRole('heading', { name: '出错了' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/');
    network.up = true;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
  });

  it('is tried again when its page is opened anew', async () => {
    const { network, load } = flakyLoad();
    const Lazy = lazyComponent(load);
    const page = (path: string) => (
      <PageErrorBoundary key={path}>
        <Suspense>
          <Lazy name="Ada" />
        </Suspense>
      </PageErrorBoundary>
    );
    fakeApi({});
    renderRoute([{ path: '/', element: page('/blogs') }], '/');
    expect(
      await screen.findByRole('heading', { name: 'Something went wrong' }),
    ).toBeInTheDocument();
    network.up = true;
    cleanup();
    renderRoute([{ path: '/', element: page('/authors') }], '/');
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
  });

  it('is tried again in a part whose key changes (the next page), with a fallback of its own', async () => {
    const { network, load } = flakyLoad();
    const Lazy = lazyComponent(load);
    const part = (path: string) => (
      <PartBoundary resetKey={path} fallback={() => <p>No greeting</p>}>
        <Suspense>
          <Lazy name="Ada" />
        </Suspense>
      </PartBoundary>
    );
    const { rerender } = render(part('/a'));
    expect(await screen.findByText('No greeting')).toBeInTheDocument();
    network.up = true;
    rerender(part('/b'));
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
  });
});

describe('loadOnce', () => {
  it('keeps what loaded, and forgets a failure', async () => {
    const load = vi
      .fn<() => Promise<number>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(7);
    const once = loadOnce(load);
    await expect(once()).rejects.toThrow('offline');
    expect(await once()).toBe(7);
    expect(await once()).toBe(7);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
