import type { BlogSummary } from '@folio/schema';
import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../lib/i18n';
import { renderRoute } from '../../../test/render-route';
import { resizeViewport, setViewportWidth } from '../../../test/viewport';
import { BlogTable } from './blog-table';
import { LatestBlogs } from './latest-blogs';

const blogs: BlogSummary[] = [
  {
    id: 7,
    title: 'The old man and the sea',
    pubDate: '2016-01-11T11:01:05.000Z',
    viewCount: 12345,
    commentCount: 0,
    featured: false,
    author: { id: 1, name: 'Mark' },
    excerpt: 'Santiago goes out alone.',
    tags: [],
    readingMinutes: 1,
    cover: null,
  },
  {
    id: 8,
    title: 'And then there were none',
    pubDate: '2016-01-12T19:32:15.000Z',
    viewCount: 3,
    commentCount: 0,
    featured: false,
    author: { id: 5, name: 'Lily' },
    excerpt: 'Ten strangers on an island.',
    tags: [],
    readingMinutes: 1,
    cover: null,
  },
];

function renderBlogs(element: React.ReactElement) {
  renderRoute([{ path: '/', element }], '/');
}

/** The value shown under a card's label. */
function field(card: HTMLElement, label: string) {
  const term = within(card).getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

describe('the blog list', () => {
  beforeEach(() => setLocale('en'));

  it('on a phone, is one card per blog with its title, author, date and views', () => {
    setViewportWidth(390);
    renderBlogs(<BlogTable blogs={blogs} firstNumber={21} />);

    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const cards = within(screen.getByTestId('blog-cards')).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    const [first] = cards as [HTMLElement];
    expect(within(first).getByRole('link', { name: 'The old man and the sea' })).toHaveAttribute(
      'href',
      '/blogs/7',
    );
    expect(within(first).getByText('#21')).toBeInTheDocument();
    expect(within(field(first, 'Author')).getByRole('link', { name: 'Mark' })).toHaveAttribute(
      'href',
      '/authors/1',
    );
    expect(field(first, 'Published').querySelector('time')).toHaveAttribute(
      'datetime',
      '2016-01-11T11:01:05.000Z',
    );
    expect(field(first, 'Published')).toHaveTextContent(/years ago/);
    expect(field(first, 'Views')).toHaveTextContent('12,345');
    expect(within(cards[1]!).getByText('#22')).toBeInTheDocument();
  });

  it('on a desktop, is a table with a column for each field', () => {
    renderBlogs(<BlogTable blogs={blogs} firstNumber={1} />);

    expect(screen.queryByTestId('blog-cards')).not.toBeInTheDocument();
    const table = screen.getByTestId('blog-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['#', 'Title', 'Author', 'Published', 'Views', 'Comments']);
    const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual([
      '1',
      'The old man and the seaSantiago goes out alone.1 min read',
      'Mark',
      expect.stringMatching(/years ago/),
      '12,345',
      '0',
    ]);
  });

  it('turns from cards into a table when the phone turns to a wider screen, and back', () => {
    setViewportWidth(767);
    renderBlogs(<BlogTable blogs={blogs} firstNumber={1} />);
    expect(screen.getByTestId('blog-cards')).toBeInTheDocument();

    act(() => resizeViewport(768));
    expect(screen.queryByTestId('blog-cards')).not.toBeInTheDocument();
    expect(screen.getByTestId('blog-table')).toBeInTheDocument();

    act(() => resizeViewport(390));
    expect(screen.getByTestId('blog-cards')).toBeInTheDocument();
  });

  it("leaves the author out of one author's list", () => {
    setViewportWidth(390);
    renderBlogs(<BlogTable blogs={blogs} firstNumber={1} showAuthor={false} />);
    const card = within(screen.getByTestId('blog-cards')).getAllByRole('listitem')[0]!;
    expect(within(card).queryByText('Author')).not.toBeInTheDocument();
    expect(field(card, 'Views')).toHaveTextContent('12,345');
  });

  it('labels the fields in Chinese', () => {
    setLocale('zh-CN');
    setViewportWidth(390);
    renderBlogs(<BlogTable blogs={blogs} firstNumber={1} />);
    const card = within(screen.getByTestId('blog-cards')).getAllByRole('listitem')[0]!;
    expect(within(field(card, '作者')).getByRole('link', { name: 'Mark' })).toBeInTheDocument();
    expect(field(card, '发布时间')).toHaveTextContent(/年前/);
    expect(field(card, '阅读量')).toHaveTextContent('12,345');
  });
});

describe('the latest blogs', () => {
  beforeEach(() => setLocale('en'));

  it('are cards at any width, with views and without serial numbers', () => {
    renderBlogs(<LatestBlogs blogs={blogs} />);
    const cards = within(screen.getByTestId('latest-blogs')).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(
      within(cards[1]!).getByRole('link', { name: 'And then there were none' }),
    ).toHaveAttribute('href', '/blogs/8');
    expect(field(cards[1]!, 'Views')).toHaveTextContent('3');
    expect(screen.queryByText(/^#\d/)).not.toBeInTheDocument();
  });
});
