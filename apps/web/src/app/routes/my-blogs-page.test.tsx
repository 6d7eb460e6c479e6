import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MyBlogStatus, MyBlogSummary } from '@folio/schema';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSession, setSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { dialogsClosed, shownDialog } from '../../test/dialog';
import { authResult, fakeApi, me, ok } from '../../test/fake-api';
import type { FakeRequest } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { setViewportWidth } from '../../test/viewport';
import { PublicLayout } from '../layouts/public-layout';
import { MyBlogsPage } from './my-blogs-page';

const routes = [
  {
    element: <PublicLayout />,
    children: [
      { path: '/me/blogs', element: <MyBlogsPage /> },
      { path: '/login', element: <h1>Login page</h1> },
    ],
  },
];

function summary(id: number, status: MyBlogStatus, title: string): MyBlogSummary {
  return {
    id,
    title,
    excerpt: '',
    tags: [],
    readingMinutes: 1,
    pubDate: '2026-01-10T00:00:00.000Z',
    viewCount: 0,
    commentCount: 0,
    featured: false,
    author: { id: 1, name: 'Lily' },
    cover: null,
    status,
    updatedAt: '2026-01-05T00:00:00.000Z',
    deletedAt: status === 'trashed' ? '2026-01-20T00:00:00.000Z' : null,
  };
}

/** A writer's blogs as the API keeps them: trashing and restoring move them between lists. */
function writerApi() {
  const blogs = [
    summary(1, 'draft', 'Half done'),
    summary(2, 'scheduled', 'Next Monday'),
    summary(3, 'published', 'Out there'),
  ];
  const before = new Map<number, MyBlogStatus>();
  const list = ({ url }: FakeRequest) => {
    const status = url.searchParams.get('status');
    const perPage = Number(url.searchParams.get('perPage'));
    const all = blogs.filter((blog) => blog.status === status);
    const items = all.slice(0, perPage);
    return ok({ items, page: 1, perPage, total: all.length, pages: all.length ? 1 : 0 });
  };
  const move = (id: number, status: MyBlogStatus) => {
    const blog = blogs.find((b) => b.id === id)!;
    if (status === 'trashed') before.set(id, blog.status);
    blog.status = status;
    blog.deletedAt = status === 'trashed' ? new Date().toISOString() : null;
    return ok({ ...blog, content: '', contentHtml: '', createdAt: blog.updatedAt });
  };
  return fakeApi({
    'GET /me': ok(me),
    'GET /me/blogs': list,
    'DELETE /blogs/3': () => move(3, 'trashed'),
    'POST /blogs/3/restore': () => move(3, before.get(3)!),
  });
}

const tab = (name: RegExp) =>
  within(screen.getByRole('navigation', { name: 'Your blogs by state' })).getByRole('link', {
    name,
  });

describe('my blogs', () => {
  beforeEach(() => {
    setLocale('en');
    // The layout restores scroll positions; jsdom cannot scroll.
    vi.stubGlobal('scrollTo', vi.fn());
  });

  it('sends someone logged out to log in and back', async () => {
    clearSession();
    fakeApi({});
    const router = renderRoute(routes, '/me/blogs?status=trashed');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Fme%2Fblogs%3Fstatus%3Dtrashed');
  });

  it('opens the drafts, counts every tab and keeps the tab in the address', async () => {
    setSession(authResult());
    const api = writerApi();
    const router = renderRoute(routes, '/me/blogs');
    const table = await screen.findByTestId('my-blog-table');
    expect(within(table).getByRole('link', { name: 'Half done' })).toHaveAttribute(
      'href',
      '/blogs/1/edit',
    );
    expect(within(table).getByRole('columnheader', { name: 'Last saved' })).toBeInTheDocument();
    expect(tab(/Drafts/)).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(tab(/Trash/)).toHaveTextContent('Trash0'));
    expect(tab(/Drafts/)).toHaveTextContent('Drafts1');
    expect(tab(/Scheduled/)).toHaveTextContent('Scheduled1');

    fireEvent.click(tab(/Scheduled/));
    await waitFor(() => expect(router.state.location.search).toBe('?status=scheduled'));
    expect(await screen.findByRole('link', { name: 'Next Monday' })).toHaveAttribute(
      'href',
      '/blogs/2/edit',
    );
    expect(screen.getByRole('columnheader', { name: 'Goes out' })).toBeInTheDocument();
    // Scheduled ones come soonest first.
    const asked = api.calls('GET /me/blogs').map((r) => r.url.searchParams);
    expect(
      asked.some(
        (q) =>
          q.get('status') === 'scheduled' &&
          q.get('sort') === 'pubDate' &&
          q.get('perPage') === '20',
      ),
    ).toBe(true);

    fireEvent.click(tab(/Published/));
    expect(await screen.findByRole('link', { name: 'Out there' })).toHaveAttribute(
      'href',
      '/blogs/3',
    );
  });

  it('trashes a blog after asking, and restores it from the trash', async () => {
    setSession(authResult());
    const api = writerApi();
    renderRoute(routes, '/me/blogs?status=published');
    fireEvent.click(await screen.findByRole('button', { name: 'Move to trash: “Out there”' }));
    const dialog = await shownDialog();
    expect(dialog).toHaveTextContent('Move “Out there” to the trash?');
    expect(dialog).toHaveTextContent('It leaves the site at once.');
    expect(api.calls('DELETE /blogs/3')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move to trash' }));

    expect(await screen.findByText('“Out there” is in the trash.')).toBeInTheDocument();
    await dialogsClosed();
    const empty = await screen.findByTestId('empty');
    expect(empty).toHaveTextContent('You have not published a blog yet.');
    expect(within(empty).getByRole('link', { name: 'Write a blog' })).toHaveAttribute(
      'href',
      '/write',
    );
    await waitFor(() => expect(tab(/Trash/)).toHaveTextContent('Trash1'));

    fireEvent.click(tab(/Trash/));
    expect(await screen.findByTestId('trash-note')).toHaveTextContent(
      'Blogs stay in the trash for 30 days',
    );
    const table = await screen.findByTestId('my-blog-table');
    const row = within(table).getByText('Out there').closest('tr')!;
    // In the trash it cannot be edited: no link, no Edit.
    expect(within(row).queryByRole('link')).toBeNull();
    expect(row).toHaveTextContent('In the trash');
    expect(row).toHaveTextContent(/deleted for good on \w+ \d+, \d{4}/);

    fireEvent.click(within(row).getByRole('button', { name: 'Restore “Out there”' }));
    expect(await screen.findByText('“Out there” is restored.')).toBeInTheDocument();
    expect(await screen.findByTestId('empty')).toHaveTextContent('The trash is empty.');
    expect(within(screen.getByTestId('empty')).queryByRole('link')).toBeNull();
    expect(api.calls('POST /blogs/3/restore')).toHaveLength(1);
  });

  it('on a phone, is cards with the actions under each', async () => {
    setViewportWidth(375);
    setSession(authResult());
    writerApi();
    renderRoute(routes, '/me/blogs?status=scheduled');
    const cards = await screen.findByTestId('my-blog-cards');
    expect(screen.queryByRole('table')).toBeNull();
    const card = within(cards).getByRole('listitem');
    expect(card).toHaveTextContent('Next Monday');
    expect(within(card).getByRole('link', { name: 'Edit “Next Monday”' })).toBeInTheDocument();
    expect(
      within(card).getByRole('button', { name: 'Move to trash: “Next Monday”' }),
    ).toBeInTheDocument();
    // The actions are a row of their own, not a labelled field beside the others.
    expect(within(card).queryByText('Actions')).toBeNull();
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    setSession(authResult());
    writerApi();
    renderRoute(routes, '/me/blogs?status=published');
    expect(await screen.findByRole('heading', { level: 1, name: '我的博客' })).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: '将《Out there》移到回收站' }),
    ).toBeInTheDocument();
  });
});
