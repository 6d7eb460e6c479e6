import type { OutboxEntry } from '@folio/schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { logInAsStaff } from '../../test/admin';
import { fail, fakeApi, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { setViewportWidth } from '../../test/viewport';
import { PublicLayout } from '../layouts/public-layout';
import { AdminSection } from './admin-section';

const routes = [
  {
    element: <PublicLayout />,
    children: [{ path: '/admin/*', element: <AdminSection /> }],
  },
];

const mail: OutboxEntry = {
  id: 2,
  channel: 'email',
  recipient: 'ann@example.test',
  subject: 'Confirm your email for Folio',
  body: 'Hello Ann,\n\nhttp://localhost:3000/verify-email?token=abc\n\nBye',
  link: 'http://localhost:3000/verify-email?token=abc',
  code: null,
  createdAt: new Date().toISOString(),
};
const sms: OutboxEntry = {
  id: 1,
  channel: 'sms',
  recipient: '+8613812345678',
  subject: null,
  body: '[Folio] Your code is 482913. It expires in 5 minutes. Never share it.',
  link: null,
  code: '482913',
  createdAt: new Date().toISOString(),
};
const pageOf = (items: OutboxEntry[], total = items.length) => ({
  items,
  page: 1,
  perPage: 20,
  total,
  pages: Math.ceil(total / 20),
});

describe('/admin/outbox', () => {
  let user: ReturnType<typeof logInAsStaff>;

  beforeEach(() => {
    setLocale('en');
    vi.stubGlobal('scrollTo', vi.fn());
    user = logInAsStaff(['system.settings']);
  });

  it('lists the messages with their link or code, and copies one', async () => {
    setViewportWidth(1200);
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    fakeApi({ 'GET /me': ok(user), 'GET /admin/outbox': ok(pageOf([mail, sms])) });
    renderRoute(routes, '/admin/outbox');
    const table = await screen.findByTestId('outbox-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('ann@example.test');
    expect(rows[0]).toHaveTextContent('Confirm your email for Folio');
    expect(within(rows[0]!).getByTestId('outbox-value')).toHaveTextContent(mail.link!);
    expect(within(rows[1]!).getByTestId('outbox-value')).toHaveTextContent('482913');

    fireEvent.click(screen.getByRole('button', { name: 'Copy the code sent to +8613812345678' }));
    expect(await screen.findByText('Copied.')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith('482913');
    fireEvent.click(screen.getByRole('button', { name: 'Copy the link sent to ann@example.test' }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(mail.link));
  });

  it('shows the text to copy by hand when nothing can copy it', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    fakeApi({ 'GET /me': ok(user), 'GET /admin/outbox': ok(pageOf([sms])) });
    renderRoute(routes, '/admin/outbox');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Copy the code sent to +8613812345678' }),
    );
    expect(
      await screen.findByText('Copying is not available here; select it: 482913'),
    ).toBeInTheDocument();
  });

  it('filters by channel and recipient through the URL, and asks the API so', async () => {
    setViewportWidth(375);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/outbox': (request) =>
        ok(pageOf(request.url.searchParams.get('channel') === 'sms' ? [sms] : [mail, sms])),
    });
    const router = renderRoute(routes, '/admin/outbox');
    await screen.findByTestId('outbox-cards');
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'sms' } });
    await waitFor(() => expect(router.state.location.search).toBe('?channel=sms'));
    fireEvent.change(screen.getByLabelText('Recipient'), {
      target: { value: ' +86 138 1234 5678 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('recipient')).toBe(
        '+86 138 1234 5678',
      ),
    );
    await waitFor(() => {
      const last = api.calls('GET /admin/outbox').at(-1)!;
      expect(last.url.searchParams.get('channel')).toBe('sms');
      expect(last.url.searchParams.get('recipient')).toBe('+86 138 1234 5678');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByLabelText('Recipient')).toHaveValue('');
  });

  it('says when nothing was sent', async () => {
    fakeApi({ 'GET /me': ok(user), 'GET /admin/outbox': ok(pageOf([])) });
    renderRoute(routes, '/admin/outbox');
    expect(await screen.findByTestId('empty')).toHaveTextContent('Nothing was sent yet.');
  });

  it('says so when the server keeps no outbox (production), without a toast', async () => {
    setLocale('zh-CN');
    fakeApi({ 'GET /me': ok(user), 'GET /admin/outbox': fail(404, 'NOT_FOUND', '未找到。') });
    renderRoute(routes, '/admin/outbox');
    expect(await screen.findByTestId('outbox-unavailable')).toHaveTextContent(
      '本服务器会真实发送邮件和短信',
    );
    expect(screen.queryByText('未找到。')).toBeNull();
  });
});
