import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { BlogPage } from '../../../app/routes/blog-page';
import { setLocale } from '../../../lib/i18n';
import { fakeApi, ok } from '../../../test/fake-api';
import { renderRoute } from '../../../test/render-route';

const routes = [{ path: '/blogs/:id', element: <BlogPage /> }];

const detail = {
  id: 7,
  title: 'Pictures',
  excerpt: '',
  tags: [],
  readingMinutes: 1,
  cover: null,
  featured: false,
  pubDate: '2016-01-11T11:01:05.000Z',
  viewCount: 3,
  author: { id: 3, name: 'Larry' },
  content: '',
  contentHtml:
    '<p><img src="/uploads/images/1-800.webp" alt="A boat"></p>' +
    '<p><img src="/uploads/images/2-800.webp" alt="A gull"></p>' +
    '<p><a href="/elsewhere"><img src="/uploads/images/3-800.webp" alt="Linked"></a></p>',
  createdAt: '2016-01-11T11:01:05.000Z',
  updatedAt: '2016-01-11T11:01:05.000Z',
};

function api() {
  return fakeApi({
    'GET /blogs/7': ok(detail),
    'POST /blogs/7/views': ok({ counted: true }),
    'GET /blogs/7/adjacent': ok({
      previous: { id: 6, title: 'Before', pubDate: '2016-01-10T00:00:00.000Z' },
      next: null,
    }),
    'GET /blogs/7/related': ok([]),
  });
}

const lightbox = () => screen.getByTestId('lightbox');

describe('the blog page’s pictures', () => {
  beforeEach(() => setLocale('en'));

  it('open in a lightbox that the keyboard turns and closes', async () => {
    const { calls } = api();
    renderRoute(routes, '/blogs/7');
    const boat = await screen.findByRole('img', { name: 'A boat' });
    expect(boat).toHaveAttribute('tabindex', '0');
    // A picture inside a link keeps its link.
    expect(screen.getByRole('img', { name: 'Linked' })).not.toHaveAttribute('tabindex');

    await userEvent.click(boat);
    // Bootstrap's Modal loads at the first picture opened: on a busy machine that takes a while.
    await waitFor(() => expect(lightbox()).toHaveClass('show'), { timeout: 10_000 });
    expect(lightbox()).toHaveAttribute('role', 'dialog');
    expect(lightbox()).toHaveAttribute('aria-label', 'Picture 1 of 2');
    expect(lightbox().querySelector('.lightbox-picture')).toHaveAttribute(
      'src',
      expect.stringContaining('/uploads/images/1-800.webp'),
    );

    // The keys go where the focus is: Bootstrap moves it into the dialog once its transition ends,
    // a moment after `show` (longer on a busy machine).
    await waitFor(() => expect(lightbox()).toContainElement(document.activeElement as HTMLElement));
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByTestId('lightbox-counter')).toHaveTextContent('Picture 2 of 2');
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByTestId('lightbox-counter')).toHaveTextContent('Picture 1 of 2');
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByTestId('lightbox-counter')).toHaveTextContent('Picture 2 of 2');

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(lightbox()).not.toHaveClass('show'));
    // Focus goes back to the picture that opened it; Enter opens it again.
    await waitFor(() => expect(boat).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(lightbox()).toHaveClass('show'));

    // The page also reported its view, and shows the previous blog.
    expect(calls('POST /blogs/7/views')).toHaveLength(1);
    expect(screen.getByRole('link', { name: /Before/ })).toHaveAttribute('href', '/blogs/6');
    // Bootstrap's module loads within it: a busy machine needs longer than the default.
  }, 20_000);
});
