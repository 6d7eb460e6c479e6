import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { renderRoute, stubApi } from '../../test/render-route';
import { AuthorsPage } from './authors-page';

function stubAuthorsApi(total: number) {
  return stubApi((url) => {
    const page = Number(url.searchParams.get('page') ?? 1);
    const perPage = Number(url.searchParams.get('perPage') ?? 20);
    const first = (page - 1) * perPage;
    const items = Array.from({ length: Math.max(0, Math.min(perPage, total - first)) }, (_, i) => ({
      id: first + i + 1,
      name: `Author ${first + i + 1}`,
      email: `a${first + i + 1}@example.com`,
      bio: null,
      blogCount: 1,
      createdAt: '2016-01-01T00:00:00.000Z',
    }));
    return {
      status: 200,
      body: {
        result: true,
        data: { items, page, perPage, total, pages: Math.ceil(total / perPage) },
      },
    };
  });
}

describe('/authors', () => {
  beforeEach(() => setLocale('en'));

  it('says a page past the end is past the end, with a link to the last page', async () => {
    stubAuthorsApi(5);
    renderRoute([{ path: '/authors', element: <AuthorsPage /> }], '/authors?page=99');

    expect(await screen.findByText('There is no page 99: this list ends at page 1.')).toBeVisible();
    expect(screen.queryByText('No authors found.')).not.toBeInTheDocument();
    // Page 1 is the list's default, so the link leaves it out of the URL.
    expect(screen.getByRole('link', { name: 'Go to the last page (1)' })).toHaveAttribute(
      'href',
      '/authors',
    );
  });

  it('still calls an empty catalogue empty', async () => {
    stubAuthorsApi(0);
    renderRoute([{ path: '/authors', element: <AuthorsPage /> }], '/authors?page=99');
    expect(await screen.findByText('No authors found.')).toBeVisible();
    expect(screen.queryByTestId('past-end')).not.toBeInTheDocument();
  });
});
