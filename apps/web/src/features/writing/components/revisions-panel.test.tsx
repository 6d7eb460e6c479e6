import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '../../../lib/auth-store';
import { setLocale } from '../../../lib/i18n';
import { dialogsClosed, shownDialog } from '../../../test/dialog';
import { authResult, fail, fakeApi, me, ok } from '../../../test/fake-api';
import { renderRoute } from '../../../test/render-route';
import { RevisionsPanel } from './revisions-panel';

const current = {
  title: 'The old man and the sea',
  excerpt: 'A fisherman.',
  content: 'He was an old man.\nHe fished alone.\nIn a skiff.',
  tags: ['sea', 'fishing'],
};

const revision = (id: number, changes: Partial<typeof current> = {}) => ({
  id,
  ...current,
  ...changes,
  editor: { id: me.id, nickname: 'Lily' },
  createdAt: '2026-01-01T00:00:00.000Z',
});

const restoredBlog = {
  id: 3,
  title: 'The old man',
  excerpt: 'A fisherman.',
  content: 'He was an old man.\nHe fished in the Gulf Stream.\nIn a skiff.',
  contentHtml: '<p>He was an old man.</p>',
  tags: [{ name: 'sea', slug: 'sea' }],
  readingMinutes: 1,
  pubDate: '2026-01-01T00:00:00.000Z',
  viewCount: 0,
  commentCount: 0,
  author: { id: 1, name: 'Lily' },
  cover: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  status: 'published',
  deletedAt: null,
};

function renderPanel(onRestored = vi.fn()) {
  renderRoute(
    [
      {
        path: '/',
        element: <RevisionsPanel blogId={3} current={current} onRestored={onRestored} />,
      },
    ],
    '/',
  );
  return onRestored;
}

describe('<RevisionsPanel>', () => {
  beforeEach(() => {
    setLocale('en');
    setSession(authResult());
  });

  it('lists who replaced each version and when, and compares one with the current text', async () => {
    fakeApi({
      'GET /me': ok(me),
      'GET /blogs/3/revisions': ok([
        revision(12, {
          title: 'The old man',
          content: 'He was an old man.\nHe fished in the Gulf Stream.\nIn a skiff.',
          tags: ['sea', 'Cuba'],
        }),
        { ...revision(11), editor: null },
      ]),
    });
    renderPanel();
    const items = await screen.findAllByTestId('revision');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('The old man');
    expect(items[0]).toHaveTextContent(/^The old manReplaced .+ ago by Lily/);
    expect(items[1]).toHaveTextContent(/Replaced .+ ago(Compare|$)/);
    expect(items[1]).not.toHaveTextContent('by');

    const compare = within(items[0]!).getByRole('button', { name: 'Compare' });
    expect(compare).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(compare);
    const diff = await within(items[0]!).findByTestId('revision-diff');
    expect(within(items[0]!).getByRole('button', { name: 'Hide comparison' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    // The content: the revision's line removed, the current one added, each with its marker.
    const content = within(diff).getByTestId('diff-content');
    const removed = content.querySelector('[data-kind="removed"]')!;
    const added = content.querySelector('[data-kind="added"]')!;
    expect(removed).toHaveTextContent('−Removed: He fished in the Gulf Stream.');
    expect(removed.querySelector('del')).not.toBeNull();
    expect(added).toHaveTextContent('+Added: He fished alone.');
    expect(added.querySelector('ins')).not.toBeNull();
    expect(content).toHaveTextContent('He was an old man.');
    // The title changed, the excerpt did not; a tag went and one came.
    expect(diff).toHaveTextContent('Title−Removed: The old man+Added: The old man and the sea');
    expect(diff).toHaveTextContent('ExcerptNo changes.');
    expect(within(diff).getByTestId('diff-tags')).toHaveTextContent(
      '− Removed: Cuba+ Added: fishing',
    );

    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Hide comparison' }));
    expect(within(items[0]!).queryByTestId('revision-diff')).toBeNull();
  });

  it('says when a version is the same as the current text', async () => {
    fakeApi({ 'GET /me': ok(me), 'GET /blogs/3/revisions': ok([revision(11)]) });
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Compare' }));
    expect(await screen.findByTestId('revision-same')).toHaveTextContent(
      'This version is the same as the current text.',
    );
  });

  it('restores a version once confirmed, and hands the saved blog to the editor', async () => {
    const api = fakeApi({
      'GET /me': ok(me),
      'GET /blogs/3/revisions': [ok([revision(12, { title: 'The old man' })]), ok([])],
      'POST /blogs/3/revisions/12/restore': { ...ok(restoredBlog), headers: { etag: 'W/"3-9"' } },
    });
    const onRestored = renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    const dialog = await shownDialog();
    expect(dialog).toHaveTextContent('Restore this version?');
    expect(dialog).toHaveTextContent('Changes not saved yet are lost.');
    expect(api.calls('POST /blogs/3/revisions/12/restore')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() =>
      expect(onRestored).toHaveBeenCalledWith({ blog: restoredBlog, etag: 'W/"3-9"' }),
    );
    expect(api.calls('POST /blogs/3/revisions/12/restore')).toHaveLength(1);
    expect(await screen.findByText('The earlier version is restored.')).toBeInTheDocument();
    await dialogsClosed();
    // The list is read again: the version it replaced is a revision now.
    await waitFor(() => expect(api.calls('GET /blogs/3/revisions')).toHaveLength(2));
  });

  it('says why a restore failed, keeps the dialog open and does not call the editor', async () => {
    fakeApi({
      'GET /me': ok(me),
      'GET /blogs/3/revisions': ok([revision(12)]),
      'POST /blogs/3/revisions/12/restore': fail(
        409,
        'CONFLICT',
        'This blog is in the trash: restore it first.',
      ),
    });
    const onRestored = renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    const dialog = await shownDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(
      await screen.findByText('This blog is in the trash: restore it first.'),
    ).toBeInTheDocument();
    expect(onRestored).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeVisible();
  });

  it('has an empty state, and an error state with a retry', async () => {
    fakeApi({
      'GET /me': ok(me),
      'GET /blogs/3/revisions': [fail(403, 'FORBIDDEN', 'This blog is not yours.'), ok([])],
    });
    renderPanel();
    // The toast says it too; the panel keeps it in view with a retry.
    const alert = await within(await screen.findByTestId('revisions-panel')).findByRole('alert');
    expect(alert).toHaveTextContent('This blog is not yours.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('revisions-empty')).toHaveTextContent(
      'No earlier versions yet.',
    );
  });

  it('speaks Chinese too', async () => {
    setLocale('zh-CN');
    fakeApi({ 'GET /me': ok(me), 'GET /blogs/3/revisions': ok([revision(12)]) });
    renderPanel();
    const item = await screen.findByTestId('revision');
    expect(item).toHaveTextContent(/被 Lily 的保存替换/);
    expect(within(item).getByRole('button', { name: '比较' })).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: '恢复' })).toBeInTheDocument();
  });
});
