import type { Author } from '@folio/schema';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../lib/i18n';
import { renderRoute } from '../../../test/render-route';
import { setViewportWidth } from '../../../test/viewport';
import { AuthorTable } from './author-table';

const authors: Author[] = [
  {
    id: 3,
    name: 'Larry',
    bio: null,
    blogCount: 1200,
    createdAt: '2016-01-01T00:00:00.000Z',
  },
];

function field(card: HTMLElement, label: string) {
  return within(card).getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
}

describe('the author list', () => {
  beforeEach(() => setLocale('en'));

  it('on a phone, is one card per author with the name, blogs and joining date', () => {
    setViewportWidth(390);
    renderRoute([{ path: '/', element: <AuthorTable authors={authors} firstNumber={41} /> }], '/');

    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const card = within(screen.getByTestId('author-cards')).getByRole('listitem');
    expect(within(card).getByRole('link', { name: 'Larry' })).toHaveAttribute('href', '/authors/3');
    expect(within(card).getByText('#41')).toBeInTheDocument();
    expect(field(card, 'Blogs')).toHaveTextContent('1,200');
    expect(field(card, 'Joined').querySelector('time')).toHaveAttribute(
      'datetime',
      '2016-01-01T00:00:00.000Z',
    );
  });

  it('on a desktop, is a table', () => {
    renderRoute([{ path: '/', element: <AuthorTable authors={authors} firstNumber={1} /> }], '/');
    const table = screen.getByTestId('author-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['#', 'Name', 'Blogs', 'Joined']);
    expect(screen.queryByTestId('author-cards')).not.toBeInTheDocument();
  });

  it('labels the fields in Chinese', () => {
    setLocale('zh-CN');
    setViewportWidth(390);
    renderRoute([{ path: '/', element: <AuthorTable authors={authors} firstNumber={1} /> }], '/');
    const card = within(screen.getByTestId('author-cards')).getByRole('listitem');
    expect(field(card, '博客数')).toHaveTextContent('1,200');
    expect(field(card, '加入时间')).toHaveTextContent(/年前/);
  });
});
