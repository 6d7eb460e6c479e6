import { useCallback, useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';

interface GoOptions {
  replace?: boolean;
}

/**
 * Asks before the person leaves a page with unsaved work: closing or reloading the tab
 * (`beforeunload`, the browser's own question), a click on a link to another page of the site,
 * and Back or Forward. The router is declarative (no `useBlocker`), so Back is caught with an
 * extra history entry of the same address pushed once there is work to lose: Back leaves that
 * entry for the page's own one, and the page is still there to ask.
 *
 * `confirmLeave` asks and resolves true to leave. Returns `go`, the way for the page itself to go
 * elsewhere (after creating a blog, say) without asking and without leaving the extra entry behind.
 */
export function useLeaveGuard(active: boolean, confirmLeave: () => Promise<boolean>) {
  const navigate = useNavigate();
  const activeRef = useRef(active);
  const confirmRef = useRef(confirmLeave);
  /** The extra entry is the current one. */
  const guardEntry = useRef(false);
  /** Where to go once Back has taken the extra entry away. */
  const pending = useRef<{ to: string; replace: boolean } | null>(null);
  const asking = useRef(false);

  useEffect(() => {
    activeRef.current = active;
    confirmRef.current = confirmLeave;
  });

  const ask = useCallback(async () => {
    if (asking.current) return false;
    asking.current = true;
    try {
      return await confirmRef.current();
    } finally {
      asking.current = false;
    }
  }, []);

  const go = useCallback(
    (to: string, { replace = false }: GoOptions = {}) => {
      if (!guardEntry.current) {
        void navigate(to, { replace });
        return;
      }
      guardEntry.current = false;
      pending.current = { to, replace };
      window.history.back();
    },
    [navigate],
  );

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);

  useEffect(() => {
    if (!active || guardEntry.current) return;
    window.history.pushState(window.history.state, '', window.location.href);
    guardEntry.current = true;
  }, [active]);

  useEffect(() => {
    const onPopState = () => {
      const next = pending.current;
      if (next) {
        pending.current = null;
        void navigate(next.to, { replace: next.replace });
        return;
      }
      if (!guardEntry.current) return;
      // Back took the extra entry away: the page's own entry is current now.
      guardEntry.current = false;
      if (!activeRef.current) {
        window.history.back();
        return;
      }
      void ask().then((leave) => {
        if (leave) {
          window.history.back();
          return;
        }
        window.history.pushState(window.history.state, '', window.location.href);
        guardEntry.current = true;
      });
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [ask, navigate]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!activeRef.current && !guardEntry.current) return;
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      const anchor = target?.closest('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      // A link within the page (the skip link, an anchor) leaves nothing.
      if (url.pathname === window.location.pathname && url.search === window.location.search) {
        return;
      }
      // Before the router's own handler sees the click.
      event.preventDefault();
      event.stopPropagation();
      const to = `${url.pathname}${url.search}${url.hash}`;
      if (!activeRef.current) {
        go(to);
        return;
      }
      void ask().then((leave) => {
        if (leave) go(to);
      });
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [ask, go]);

  return go;
}
