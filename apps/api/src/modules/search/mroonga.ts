import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { formsOf, isWord, termsOf } from './highlight';
import type {
  Filters,
  IndexHit,
  IndexQuery,
  SearchDoc,
  SearchIndex,
  TitleQuery,
} from './search-index';

/**
 * Section weights of `blog_search_text_ft` (title, excerpt, body, tags): a title match counts a
 * thousand body matches, a tag a hundred, so a title match ranks above any ordinary body.
 */
const WEIGHTS = '*W1:1000,2:2,3:1,4:100';

const quoted = (term: string) => `"${term.replace(/["\\]/g, '\\$&')}"`;

/**
 * Mroonga's boolean-mode query for these terms: each one required and quoted, so whatever the
 * person typed is matched as text, never read as an operator (`-`, `*`, `OR`, parentheses).
 */
export function booleanQuery(terms: string[]): string {
  return terms.map((term) => `+${quoted(term)}`).join(' ');
}

/**
 * The text index's query: as `booleanQuery`, except that a word of Latin letters and digits, which
 * the index holds whole, asks for any of its usual English forms (`+(river OR rivers OR ...)`,
 * lower-cased, so never an operator such as `OR`): exact tokens, so each form is a lookup and
 * scores by section weight and count.
 */
export function textQuery(terms: string[]): string {
  return terms
    .map((term) => (isWord(term) ? `+(${formsOf(term).join(' OR ')})` : `+${quoted(term)}`))
    .join(' ');
}

const run = async <T>(db: Db, query: SQL): Promise<T[]> => {
  const [rows] = (await db.execute(query)) as unknown as [T[]];
  return rows;
};

/** The filters every query shares, beside its own MATCH. */
function filtersOf({ tag, authorId }: Filters): SQL {
  const parts: SQL[] = [];
  if (tag !== undefined) {
    parts.push(sql` AND MATCH(tag_slugs) AGAINST(${booleanQuery([tag])} IN BOOLEAN MODE)`);
  }
  if (authorId !== undefined) parts.push(sql` AND author_id = ${authorId}`);
  return sql.join(parts);
}

const textMatch = (q: string) =>
  sql`MATCH(title, excerpt, body, tags) AGAINST(${`${WEIGHTS} ${textQuery(termsOf(q))}`} IN BOOLEAN MODE)`;
const titleMatch = (q: string) =>
  sql`MATCH(title) AGAINST(${booleanQuery(termsOf(q))} IN BOOLEAN MODE)`;

/** The statements the index runs (exported for EXPLAIN in tests). */
export function searchSql(params: IndexQuery): SQL {
  const match = textMatch(params.q);
  // The same MATCH in ORDER BY: Mroonga sorts by its score inside the index.
  return sql`SELECT blog_id AS id, title, excerpt, body FROM blog_search
    WHERE ${match}${filtersOf(params)}
    ORDER BY ${match} DESC, pub_date DESC, blog_id DESC
    LIMIT ${params.limit} OFFSET ${params.offset}`;
}

export function countSql(params: Filters): SQL {
  return sql`SELECT COUNT(*) AS n FROM blog_search WHERE ${textMatch(params.q)}${filtersOf(params)}`;
}

export function titlesSql(params: TitleQuery): SQL {
  const order = params.sort === 'pubDate' ? sql`ASC` : sql`DESC`;
  return sql`SELECT blog_id AS id FROM blog_search
    WHERE ${titleMatch(params.q)}${filtersOf(params)}
    ORDER BY pub_date ${order}, blog_id ${order}
    LIMIT ${params.limit} OFFSET ${params.offset}`;
}

export function countTitlesSql(params: Filters): SQL {
  return sql`SELECT COUNT(*) AS n FROM blog_search WHERE ${titleMatch(params.q)}${filtersOf(params)}`;
}

/**
 * The search index as a Mroonga table in Folio's own MariaDB (`blog_search`, migration
 * 0006_search): full-text indexes over the text (TokenBigram: Latin words whole, Chinese in
 * bigrams) and over the title (TokenBigramSplitSymbolAlphaDigit: everything in bigrams), both
 * with NormalizerAuto, and a delimited one over the tag slugs. Mroonga answers a MATCH with
 * ORDER BY ... LIMIT from the index itself (its "fast order limit") and a COUNT(*) without reading
 * rows.
 */
export function createMroongaIndex(db: Db): SearchIndex {
  return {
    async upsert(docs: SearchDoc[]) {
      if (!docs.length) return;
      const rows = docs.map(
        (d) =>
          sql`(${d.id}, ${d.version}, ${d.authorId}, ${d.pubDate}, ${d.title}, ${d.excerpt}, ${d.body}, ${d.tags.map((t) => t.name).join('\n')}, ${d.tags.map((t) => t.slug).join(' ')})`,
      );
      await db.execute(sql`
        REPLACE INTO blog_search
          (blog_id, version, author_id, pub_date, title, excerpt, body, tags, tag_slugs)
        VALUES ${sql.join(rows, sql`, `)}`);
    },

    async remove(ids: number[]) {
      if (!ids.length) return;
      await db.execute(sql`DELETE FROM blog_search WHERE blog_id IN (${sql.join(ids, sql`, `)})`);
    },

    query: (params) => run<IndexHit>(db, searchSql(params)),

    async count(params) {
      const [row] = await run<{ n: number }>(db, countSql(params));
      return Number(row?.n ?? 0);
    },

    async titles(params) {
      const rows = await run<{ id: number }>(db, titlesSql(params));
      return rows.map((row) => row.id);
    },

    async countTitles(params) {
      const [row] = await run<{ n: number }>(db, countTitlesSql(params));
      return Number(row?.n ?? 0);
    },

    async versions(ids: number[]) {
      if (!ids.length) return new Map();
      const rows = await run<{ id: number; version: number }>(
        db,
        sql`SELECT blog_id AS id, version FROM blog_search WHERE blog_id IN (${sql.join(ids, sql`, `)})`,
      );
      return new Map(rows.map((row) => [row.id, row.version]));
    },

    async idsAfter(afterId: number, limit: number) {
      const rows = await run<{ id: number }>(
        db,
        sql`SELECT blog_id AS id FROM blog_search WHERE blog_id > ${afterId} ORDER BY blog_id LIMIT ${limit}`,
      );
      return rows.map((row) => row.id);
    },
  };
}
