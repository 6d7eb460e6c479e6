import type {
  Author,
  AuthorListParams,
  AuthorPage,
  CreateAuthor,
  UpdateAuthor,
} from '@folio/schema';
import type { CountCache } from '../../lib/count-cache';
import { AppError, NotFound } from '../../lib/errors';
import { isDuplicate, pageCount } from '../../lib/sql';
import type { AuthorRepository } from './repository';

export const AUTHORS_SCOPE = 'authors';

type AuthorRow = NonNullable<Awaited<ReturnType<AuthorRepository['find']>>>;

function toAuthor(row: AuthorRow): Author {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/**
 * `changed` drops what is cached about authors and the blogs that show them (the blogs module's
 * one place for it), after every write here.
 */
export function createAuthorService(
  repo: AuthorRepository,
  counts: CountCache,
  changed: () => Promise<void>,
) {
  /** Runs a write; an address another author has is a field error. */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isDuplicate(err)) {
        throw new AppError('VALIDATION_FAILED', {
          errors: { email: 'authorEmailTaken' },
          cause: err,
        });
      }
      throw err;
    } finally {
      await changed();
    }
  }

  async function full(id: number) {
    const row = await repo.findFull(id);
    if (!row) throw NotFound('authorNotFound');
    return row;
  }

  return {
    full,

    /** Staff make an author (one no account writes as, like the sample ones). */
    async create(body: CreateAuthor) {
      const id = await write(() => repo.insert(body));
      return full(id);
    },

    /** Staff change an author's name, address or bio; the row as it was, and as it is. */
    async update(id: number, body: UpdateAuthor) {
      const before = await full(id);
      await write(() => repo.update(id, body));
      return { before, after: await full(id) };
    },

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
