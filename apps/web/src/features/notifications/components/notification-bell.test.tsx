import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SiteNavbar } from '../../../app/layouts/site-navbar';
import { setSession } from '../../../lib/auth-store';
import { setLocale } from '../../../lib/i18n';
import { emitLiveEvent } from '../../../lib/live-events';
import { authResult, fakeApi, me, ok } from '../../../test/fake-api';
import { renderRoute } from '../../../test/render-route';

class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = [];
  onopen = null;
  onerror = null;
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  close() {}
}

const routes = [
  { path: '/', element: <SiteNavbar /> },
  { path: '/me/notifications', element: <h1>Notifications page</h1> },
];

const reply = (id: number, unread: number) => ({
  type: 'notification' as const,
  notification: {
    id,
    type: 'reply' as const,
    blogId: 3,
    commentId: 40 + id,
    actor: { id: 2, nickname: 'Mark' },
    blog: { id: 3, title: 'The old man and the sea' },
    excerpt: 'Nice',
    createdAt: '2026-01-01T00:00:00.000Z',
    unread,
  },
});

beforeEach(() => {
  setLocale('en');
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  FakeEventSource.opened = [];
});

describe('the notification bell', () => {
  it('shows the unread count, goes up with each live event, and toasts a reply', async () => {
    setSession(authResult());
    fakeApi({
      'GET /me': ok(me),
      'GET /me/notifications/unread-count': ok({ unread: 2 }),
      'POST /events/ticket': ok({ ticket: 't-1', expiresIn: 30 }),
    });
    const router = renderRoute(routes, '/');
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(bell).toHaveAccessibleName('Notifications, 2 unread'));
    expect(within(bell).getByTestId('notification-count')).toHaveTextContent('2');
    // The stream is open while someone is logged in.
    await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
    expect(FakeEventSource.opened[0]!.url).toBe('/api/v1/events?ticket=t-1');

    act(() => emitLiveEvent(reply(9, 3)));
    await waitFor(() =>
      expect(within(bell).getByTestId('notification-count')).toHaveTextContent('3'),
    );
    expect(
      await screen.findByText('Mark replied to you on “The old man and the sea”'),
    ).toBeVisible();

    fireEvent.click(bell);
    await waitFor(() => expect(router.state.location.pathname).toBe('/me/notifications'));
  });

  it('shows no count when nothing is unread, and says 通知 in Chinese', async () => {
    setLocale('zh-CN');
    setSession(authResult());
    fakeApi({
      'GET /me': ok(me),
      'GET /me/notifications/unread-count': ok({ unread: 0 }),
      'POST /events/ticket': ok({ ticket: 't-2', expiresIn: 30 }),
    });
    renderRoute(routes, '/');
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(bell).toHaveAccessibleName('通知'));
    expect(screen.queryByTestId('notification-count')).toBeNull();
    act(() => emitLiveEvent(reply(10, 1)));
    await waitFor(() => expect(bell).toHaveAccessibleName('通知，1 条未读'));
    expect(await screen.findByText('Mark 在《The old man and the sea》中回复了你')).toBeVisible();
  });
});
