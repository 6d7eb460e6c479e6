import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { authResult, fakeApi, me, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { MePages } from './me-pages';

const routes = [
  { path: '/me/*', element: <MePages /> },
  { path: '/blogs/:id', element: <h1>Blog page</h1> },
];

const item = (id: number, read: boolean, type: 'comment' | 'reply' | 'mention' = 'comment') => ({
  id,
  type,
  actor: { id: 2, nickname: 'Mark' },
  blog: { id: 3, title: 'The old man and the sea' },
  commentId: 100 + id,
  excerpt: `Excerpt ${id}`,
  read,
  createdAt: new Date(Date.now() - 60_000).toISOString(),
});

const page = (items: ReturnType<typeof item>[], extra: object = {}) =>
  ok({
    items,
    page: 1,
    perPage: 20,
    total: items.length,
    pages: 1,
    unread: items.filter((i) => !i.read).length,
    ...extra,
  });

beforeEach(() => {
  setLocale('en');
  setSession(authResult());
});

describe('the notifications page', () => {
  it('lists notifications, linking each to its comment and marking it read on open', async () => {
    const api = fakeApi({
      'GET /me': ok(me),
      'GET /me/notifications': page([item(2, false, 'reply'), item(1, true, 'mention')]),
      'POST /me/notifications/2/read': ok({ unread: 0 }),
    });
    const router = renderRoute(routes, '/me/notifications');
    const rows = await screen.findAllByTestId('notification');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveAttribute('data-read', 'false');
    expect(within(rows[0]!).getByText('New')).toBeVisible();
    expect(within(rows[0]!).getByText('Excerpt 2')).toBeVisible();
    expect(within(rows[0]!).getByText('1 minute ago')).toBeVisible();
    expect(within(rows[1]!).queryByText('New')).toBeNull();
    expect(within(rows[1]!).queryByRole('button', { name: 'Mark read' })).toBeNull();
    const link = within(rows[0]!).getByRole('link', {
      name: 'Mark replied to you on “The old man and the sea”',
    });
    expect(link).toHaveAttribute('href', '/blogs/3#comment-102');
    expect(within(rows[1]!).getByRole('link')).toHaveTextContent(
      'Mark mentioned you on “The old man and the sea”',
    );

    fireEvent.click(link);
    await waitFor(() => expect(api.calls('POST /me/notifications/2/read')).toHaveLength(1));
    await waitFor(() => expect(router.state.location.pathname).toBe('/blogs/3'));
    expect(router.state.location.hash).toBe('#comment-102');
  });

  it('marks all read and deletes one, reading the list afresh', async () => {
    const api = fakeApi({
      'GET /me': ok(me),
      'GET /me/notifications': [
        page([item(2, false), item(1, false)]),
        page([item(2, true), item(1, true)]),
        page([item(1, true)]),
      ],
      'POST /me/notifications/read-all': ok({ unread: 0 }),
      'DELETE /me/notifications/2': ok({ unread: 0 }),
    });
    renderRoute(routes, '/me/notifications');
    await screen.findAllByTestId('notification');
    fireEvent.click(screen.getByTestId('mark-all-read'));
    await waitFor(() => expect(api.calls('POST /me/notifications/read-all')).toHaveLength(1));
    expect(await screen.findByText('All notifications are marked read.')).toBeVisible();
    await waitFor(() => expect(screen.getByTestId('mark-all-read')).toBeDisabled());
    expect(screen.queryByText('New')).toBeNull();

    const [first] = screen.getAllByTestId('notification');
    fireEvent.click(within(first!).getByRole('button', { name: /^Delete/ }));
    await waitFor(() => expect(api.calls('DELETE /me/notifications/2')).toHaveLength(1));
    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(1));
  });

  it('says so when there are none, in Chinese too', async () => {
    setLocale('zh-CN');
    fakeApi({ 'GET /me': ok(me), 'GET /me/notifications': page([]) });
    renderRoute(routes, '/me/notifications');
    expect(await screen.findByTestId('empty')).toHaveTextContent('还没有通知');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('通知');
  });

  it('asks for the next page', async () => {
    const api = fakeApi({
      'GET /me': ok(me),
      'GET /me/notifications': page([item(3, false)], { total: 21, pages: 2, perPage: 20 }),
    });
    renderRoute(routes, '/me/notifications?page=2');
    await screen.findAllByTestId('notification');
    expect(api.calls('GET /me/notifications')[0]!.url.searchParams.get('page')).toBe('2');
  });

  it('answers an unknown /me/ page with not found', async () => {
    fakeApi({ 'GET /me': ok(me) });
    renderRoute(routes, '/me/nothing-here');
    expect(await screen.findByRole('heading', { level: 1 })).toBeVisible();
    expect(screen.queryByTestId('notification-list')).toBeNull();
  });
});
