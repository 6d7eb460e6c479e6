import type { Author, AuthorListParams, AuthorPage } from '@folio/schema';
import type { CountCache } from '../../lib/count-cache';
import { NotFound } from '../../lib/errors';
import { pageCount } from '../../lib/sql';
import type { AuthorRepository } from './repository';

export const AUTHORS_SCOPE = 'authors';

type AuthorRow = NonNullable<Awaited<ReturnType<AuthorRepository['find']>>>;

function toAuthor(row: AuthorRow): Author {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export function createAuthorService(repo: AuthorRepository, counts: CountCache) {
  return {
    async list({ page, perPage, q }: AuthorListParams): Promise<AuthorPage> {
      const filter = { q: q || undefined };
      const [rows, total] = await Promise.all([
        repo.listPage(filter, perPage, (page - 1) * perPage),
        counts.get(AUTHORS_SCOPE, filter, () => repo.count(filter)),
      ]);
      return { items: rows.map(toAuthor), page, perPage, total, pages: pageCount(total, perPage) };
    },

    async get(id: number): Promise<Author> {
      const row = await repo.find(id);
      if (!row) throw NotFound('authorNotFound');
      return toAuthor(row);
    },
  };
}

export type AuthorService = ReturnType<typeof createAuthorService>;
