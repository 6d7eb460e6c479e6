import type { BlogSort } from '@folio/schema';

/**
 * The search index's side of Folio: what the blogs service writes into it and what searches ask
 * of it. It holds the published, visible blogs only (a blog that is not is removed), so it
 * answers without reading `blogs`. `createMroongaIndex` is the implementation in MariaDB; a
 * dedicated engine (Meilisearch, OpenSearch) would implement the same (see README.md).
 */
export interface SearchIndex {
  /** Adds the blogs or replaces what the index holds of them. */
  upsert(docs: SearchDoc[]): Promise<void>;
  /** Takes the blogs out; ids it does not hold are ignored. */
  remove(ids: number[]): Promise<void>;
  /** Blogs matching every term anywhere (title, excerpt, text, tags), best first. */
  query(params: IndexQuery): Promise<IndexHit[]>;
  /** How many blogs `query` finds in all (its pages' total). */
  count(params: Omit<IndexQuery, 'limit' | 'offset'>): Promise<number>;
  /** Blogs whose title has every term, in publication order: the list's title search. */
  titles(params: TitleQuery): Promise<number[]>;
  countTitles(params: Omit<TitleQuery, 'sort' | 'limit' | 'offset'>): Promise<number>;
  /** The version the index holds of each of these blogs (absent: not held). For the backfill. */
  versions(ids: number[]): Promise<Map<number, number>>;
  /** The ids it holds after `afterId`, in id order. For the backfill. */
  idsAfter(afterId: number, limit: number): Promise<number[]>;
}

/** One blog as the index holds it: its text as plain text, never HTML. */
export interface SearchDoc {
  id: number;
  /** The blog's version: the backfill re-indexes a blog whose version moved on. */
  version: number;
  authorId: number;
  pubDate: Date;
  title: string;
  excerpt: string;
  /** The content's plain text (taken from its sanitized HTML). */
  body: string;
  tags: { name: string; slug: string }[];
}

export interface Filters {
  /** What the person typed: its words (split at spaces) must each be in a blog. */
  q: string;
  /** A tag's slug. */
  tag?: string;
  authorId?: number;
}

export interface IndexQuery extends Filters {
  limit: number;
  offset: number;
}

export interface IndexHit {
  id: number;
  title: string;
  excerpt: string;
  body: string;
}

export interface TitleQuery extends Filters {
  sort: BlogSort;
  limit: number;
  offset: number;
}
