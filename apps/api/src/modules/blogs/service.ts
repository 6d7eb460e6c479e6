import { setTimeout } from 'node:timers/promises';
import type {
  Blog,
  BlogAdjacent,
  BlogListParams,
  HotBlog,
  BlogRevision,
  BlogPage,
  BlogState,
  BlogStatus,
  BlogSummary,
  BulkBlogAction,
  CreateBlog,
  MyBlog,
  MyBlogListParams,
  MyBlogPage,
  MyBlogStatus,
  MyBlogSummary,
  Tag,
  TagListParams,
  TagPage,
  TagRef,
  UpdateBlog,
  Upload,
} from '@folio/schema';
import { LIMITS } from '@folio/schema';
import { AppError, NotFound } from '../../lib/errors';
import type { CountCache } from '../../lib/count-cache';
import { pageCount } from '../../lib/sql';
import { AUTHORS_SCOPE } from '../authors/service';
import type { SearchIndex } from '../search/search-index';
import type { UploadService } from '../uploads/service';
import type { UserRepository } from '../users/repository';
import type { BlogScheduler } from './publish';
import { loadRenderer } from './render';
import { searchDocOf } from './search-docs';
import type { BlogViews, Viewer } from './views';
import type {
  BlogChange,
  BlogFilter,
  BlogRepository,
  BlogSummaryRow,
  LockedBlog,
  NewBlogRow,
  OwnBlogRow,
} from './repository';

export const BLOGS_SCOPE = 'blogs';

/**
 * Deep pages are sought from an anchor, the id of every ANCHOR_STRIDE-th blog in list order, so a
 * page walks fewer than ANCHOR_STRIDE + perPage index entries whatever its number. Anchors are
 * cached beside the totals, in the same scope, so `blogListsChanged` drops both.
 */
const ANCHOR_STRIDE = 1_000;

/**
 * The one place that drops what is cached about the blogs: the totals, deep-page anchors and
 * rendered public answers (BLOGS_SCOPE: `rendered`) and the authors' totals (AUTHORS_SCOPE: a
 * first blog makes an author). Every write to blogs calls it once its transaction has committed;
 * nothing else invalidates them.
 */
export async function blogListsChanged(counts: CountCache): Promise<void> {
  await counts.invalidate(BLOGS_SCOPE, AUTHORS_SCOPE);
}

/** What a blog shows beside its own columns: its tags and its cover. */
interface Extras {
  tags: TagRef[];
  cover: Upload | null;
}

function toSummary(row: BlogSummaryRow, { tags, cover }: Extras): BlogSummary {
  return {
    id: row.id,
    title: row.title,
    excerpt: row.excerpt,
    tags,
    readingMinutes: row.readingMinutes,
    pubDate: row.pubDate.toISOString(),
    viewCount: row.viewCount,
    commentCount: row.commentCount,
    author: { id: row.authorId, name: row.authorName },
    cover,
    featured: row.featured,
  };
}

function statusOf(row: { status: BlogState; deletedAt: Date | null }): MyBlogStatus {
  return row.deletedAt ? 'trashed' : row.status;
}

function toMySummary(row: OwnBlogRow, extras: Extras): MyBlogSummary {
  return {
    ...toSummary(row, extras),
    status: statusOf(row),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

function toMyBlog(row: OwnBlogRow, extras: Extras): MyBlog {
  return {
    ...toSummary(row, extras),
    content: row.content,
    contentHtml: row.contentHtml,
    commentsOpen: row.commentsOpen,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    status: statusOf(row),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** What a published blog is at `pubDate`: visible once the time has come, scheduled before. */
export function stateOf(status: BlogStatus, pubDate: Date, now: Date): BlogState {
  if (status === 'draft') return 'draft';
  return pubDate.getTime() > now.getTime() ? 'scheduled' : 'published';
}

function onlyCommentsOpen(body: UpdateBlog): boolean {
  const given = Object.entries(body).filter(([, value]) => value !== undefined);
  return given.length === 1 && given[0]![0] === 'commentsOpen';
}

/** Tag names once each, compared as the database compares them (case-insensitively). */
function uniqueTags(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLocaleLowerCase('und');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A blog as the service hands it to a route: what to show, and its version for the ETag. */
export interface Versioned<T> {
  blog: T;
  version: number;
}

/** Who is writing: the logged-in account. */
export interface Writer {
  userId: number;
}

export interface BlogServiceDeps {
  repo: BlogRepository;
  counts: CountCache;
  users: Pick<UserRepository, 'findById' | 'hasPermission'>;
  scheduler: BlogScheduler;
  uploads: Pick<UploadService, 'describe' | 'ownedBy' | 'setReferences' | 'idsInText'>;
  /** The full-text index: every save writes the blog into it (or takes it out) at once. */
  search: SearchIndex;
  /** Writes these blogs into the search index as they now are (or takes them out). */
  reindex: (ids: number[]) => Promise<void>;
  views: Pick<BlogViews, 'record' | 'top'>;
  log: { warn: (obj: object, msg: string) => void };
  now?: () => Date;
}

/** The hot list's length, the related blogs' most and the featured carousel's most. */
export const HOT_COUNT = 10;
export const RELATED_COUNT = 4;
export const FEATURED_COUNT = 10;
/** How many of the most viewed the hot list reads at a time, until HOT_COUNT of them are visible. */
const HOT_CANDIDATES = 50;
const HOT_ROUNDS = 4;

const SCHEDULE_TIMEOUT_MS = 2_000;

/**
 * The longest a rendered public answer is kept when no write drops it first: the popular ones are
 * asked for again well within it, the long tail does not pile up in Redis.
 */
export const RENDERED_TTL_SECONDS = 60;

/** How long a blog stays in the trash, where its author can restore it; the purge deletes it after. */
export const TRASH_DAYS = LIMITS.trashDays;
const TRASH_MS = TRASH_DAYS * 86_400_000;

export function createBlogService({
  repo,
  counts,
  users,
  scheduler,
  uploads,
  search,
  reindex,
  views,
  log,
  now = () => new Date(),
}: BlogServiceDeps) {
  /** The tags and covers of these blogs, by id: two queries for a whole page. */
  async function extrasOf(rows: BlogSummaryRow[]): Promise<(row: BlogSummaryRow) => Extras> {
    const coverIds = rows.flatMap((row) => (row.coverId === null ? [] : [row.coverId]));
    const [tags, covers] = await Promise.all([
      repo.tagsOf(rows.map((row) => row.id)),
      coverIds.length ? uploads.describe(coverIds) : new Map<number, Upload>(),
    ]);
    return (row) => ({
      tags: tags.get(row.id) ?? [],
      cover: (row.coverId !== null && covers.get(row.coverId)) || null,
    });
  }

  async function coverOf(coverId: number): Promise<Upload | null> {
    return (await uploads.describe([coverId])).get(coverId) ?? null;
  }

  /** A cover must be an upload of one of these people (the author, and whoever edits). */
  async function checkCover(coverId: number | null | undefined, owners: (number | null)[]) {
    if (coverId === null || coverId === undefined) return;
    let owned = false;
    for (const owner of new Set(owners)) {
      if (owner !== null && (await uploads.ownedBy([coverId], owner)).includes(coverId)) {
        owned = true;
        break;
      }
    }
    if (!owned) {
      throw new AppError('VALIDATION_FAILED', { errors: { coverId: 'coverNotFound' } });
    }
  }

  async function pageRows(
    filter: BlogFilter,
    sort: BlogListParams['sort'],
    limit: number,
    offset: number,
  ) {
    const anchorAt = offset - (offset % ANCHOR_STRIDE);
    if (anchorAt === 0) return repo.page(filter, sort, limit, offset);
    // 0, never an id, records that the list is shorter than anchorAt: the page is empty.
    const afterId = await counts.get(
      BLOGS_SCOPE,
      { ...filter, sort, anchorAt },
      async () => (await repo.idAt(filter, sort, anchorAt - 1)) ?? 0,
    );
    if (afterId === 0) return [];
    return repo.page(filter, sort, limit, offset - anchorAt, afterId);
  }

  /** The published blogs' list items, in the order of `ids`; those not visible are left out. */
  async function summaries(ids: number[]): Promise<BlogSummary[]> {
    if (!ids.length) return [];
    const rows = await repo.summariesOf(ids);
    const extras = await extrasOf(rows);
    const byId = new Map(rows.map((row) => [row.id, toSummary(row, extras(row))]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The list searched by title (`q`): the ids and total from the search index's title index. */
  async function titleSearch(params: BlogListParams): Promise<BlogPage> {
    const { page, perPage, sort, authorId, q, tag } = params;
    const filters = { q: q!, authorId, tag };
    const [ids, total] = await Promise.all([
      search.titles({ ...filters, sort, limit: perPage, offset: (page - 1) * perPage }),
      counts.get(BLOGS_SCOPE, { titles: filters }, () => search.countTitles(filters)),
    ]);
    return { items: await summaries(ids), page, perPage, total, pages: pageCount(total, perPage) };
  }

  /** Runs a write and drops the cached lists if it fails (a failed write may have written). */
  async function droppingOnFailure<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      await blogListsChanged(counts);
      throw err;
    }
  }

  /** Runs a write, then drops the cached lists whatever happened (a failed write may have written). */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      await blogListsChanged(counts);
    }
  }

  /** Where a visible blog stands; not found when it is not visible. */
  async function placeOf(id: number) {
    const place = await repo.placeOf(id);
    if (!place) throw NotFound('blogNotFound');
    return place;
  }

  async function mine(id: number): Promise<Versioned<MyBlog>> {
    const row = await repo.findAny(id);
    if (!row) throw NotFound('blogNotFound');
    const extras = await extrasOf([row]);
    return { blog: toMyBlog(row, extras(row)), version: row.version };
  }

  /**
   * The blog as saved, with its delayed publication put on the queue or taken off. A queue that
   * is down does not undo the save: the periodic publish-due-blogs job publishes it late instead.
   */
  async function saved(id: number): Promise<Versioned<MyBlog>> {
    const result = await mine(id);
    await afterSave(result.blog, result.version);
    return result;
  }

  /**
   * The search index after a save: the blog written into it when the public sees it, taken out
   * otherwise. An index that fails does not undo the save; the start-up backfill mends it.
   */
  async function indexed(blog: MyBlog, version: number, fresh: boolean): Promise<void> {
    const visible = blog.status === 'published';
    try {
      // A new blog the public does not see yet has nothing in the index to take out.
      if (fresh && !visible) return;
      if (!visible) {
        await search.remove([blog.id]);
      } else {
        const { id, title, excerpt, contentHtml, tags } = blog;
        const pubDate = new Date(blog.pubDate);
        await search.upsert([
          searchDocOf({
            id,
            version,
            authorId: blog.author.id,
            pubDate,
            title,
            excerpt,
            contentHtml,
            tags,
          }),
        ]);
      }
    } catch (err) {
      log.warn({ err, blogId: blog.id }, 'could not update the search index for a blog');
    } finally {
      // Once the index has it (an update's write has dropped them already, but a search cached
      // between that drop and now would answer from the index as it was).
      await blogListsChanged(counts);
    }
  }

  /**
   * What a save does once the blog is written: the search index, its uploads' references, its
   * queued publication.
   */
  async function afterSave(blog: MyBlog, version: number, { fresh = false } = {}): Promise<void> {
    await indexed(blog, version, fresh);
    const { id, status, pubDate, cover, content } = blog;
    // Its cover and the pictures its text shows are in use: the uploads purge leaves them.
    const inline = await uploads.idsInText(content);
    const used = cover ? [cover.id, ...inline] : inline;
    if (used.length || !fresh) await uploads.setReferences('blog', id, used);
    if (fresh && status !== 'scheduled') return;
    try {
      const change =
        status === 'scheduled' ? scheduler.publishAt(id, new Date(pubDate)) : scheduler.cancel(id);
      // BullMQ waits for Redis to come back; the save does not.
      await Promise.race([
        change,
        setTimeout(SCHEDULE_TIMEOUT_MS).then(() => {
          throw new Error('the maintenance queue did not answer');
        }),
      ]);
    } catch (err) {
      log.warn({ err, blogId: id }, 'could not (un)schedule the publication of a blog');
    }
  }

  /** The author a writer writes as, made with their first blog and named after their nickname. */
  async function authorOf(writer: Writer): Promise<{ id: number; name: string }> {
    const existing = await repo.authorOf(writer.userId);
    if (existing) return existing;
    const user = await users.findById(writer.userId);
    if (!user) throw new AppError('UNAUTHENTICATED', { location: '/login' });
    return repo.authorFor(writer.userId, user.nickname);
  }

  async function save(
    writer: Writer,
    id: number,
    body: UpdateBlog,
    expected?: number[],
  ): Promise<Versioned<MyBlog>> {
    const { derive } = await loadRenderer();
    await write(() =>
      repo.update(
        id,
        (current: LockedBlog): BlogChange => {
          checkVersion(current.version, expected);
          if (current.deletedAt) throw new AppError('CONFLICT', { detail: 'blogTrashed' });
          const at = now();
          const wasDraft = current.status === 'draft';
          const status: BlogStatus = body.status ?? (wasDraft ? 'draft' : 'published');
          // Publishing a draft without a time publishes it now, not when it was first saved.
          const pubDate = body.pubDate
            ? new Date(body.pubDate)
            : wasDraft && status === 'published'
              ? at
              : current.pubDate;
          const content = body.content ?? current.content;
          const values: Partial<NewBlogRow> = {
            title: body.title ?? current.title,
            content,
            status: stateOf(status, pubDate, at),
            pubDate,
          };
          if (body.coverId !== undefined) values.coverUploadId = body.coverId;
          if (body.commentsOpen !== undefined) values.commentsOpen = body.commentsOpen;
          if (body.content !== undefined || body.excerpt !== undefined) {
            // An excerpt that was made from the old content is made again from the new one.
            const made = derive(current.content, '').excerpt === current.excerpt;
            Object.assign(values, derive(content, body.excerpt ?? (made ? '' : current.excerpt)));
          }
          return {
            values,
            // Opening or closing comments alone changes nothing a revision keeps.
            revision:
              current.status === 'published' && !onlyCommentsOpen(body)
                ? {
                    title: current.title,
                    excerpt: current.excerpt,
                    content: current.content,
                    tags: current.tags,
                    editorId: writer.userId,
                  }
                : undefined,
          };
        },
        body.tags && uniqueTags(body.tags),
      ),
    );
    return saved(id);
  }

  /** The blog, if the writer may change it: its author's account, or a moderator. */
  async function editable(writer: Writer, id: number): Promise<OwnBlogRow> {
    const row = await repo.findAny(id);
    if (!row) throw NotFound('blogNotFound');
    if (row.authorUserId === writer.userId) return row;
    if (await users.hasPermission(writer.userId, 'content.moderate')) return row;
    throw new AppError('FORBIDDEN', { detail: 'notBlogOwner' });
  }

  /** `If-Match`: refused when the blog's version is not one the client names. */
  function checkVersion(current: number, expected: number[] | undefined) {
    if (expected && !expected.includes(current)) throw new AppError('PRECONDITION_FAILED');
  }

  return {
    summaries,

    /**
     * A public read's answer as `render` writes it (a blog, a page of a list), kept in Redis
     * under BLOGS_SCOPE, so every API process drops it at the next write to blogs
     * (`blogListsChanged`). Made once however many ask for it at the same moment.
     */
    rendered(key: object, render: () => Promise<string>): Promise<string> {
      return counts.text(BLOGS_SCOPE, { rendered: key }, render, RENDERED_TTL_SECONDS);
    },

    async list(params: BlogListParams): Promise<BlogPage> {
      const { page, perPage, sort, authorId, q, tag } = params;
      if (q) return titleSearch(params);
      // A tag no blog has (or none at all) lists nothing, found in the same queries.
      const filter = { authorId, tag };
      const [rows, total] = await Promise.all([
        pageRows(filter, sort, perPage, (page - 1) * perPage),
        counts.get(BLOGS_SCOPE, filter, () => repo.count(filter)),
      ]);
      const extras = await extrasOf(rows);
      return {
        items: rows.map((row) => toSummary(row, extras(row))),
        page,
        perPage,
        total,
        pages: pageCount(total, perPage),
      };
    },

    async get(id: number): Promise<Versioned<Blog>> {
      // The blog and its tags at once; its cover, if any, after.
      const [row, tags] = await Promise.all([repo.findVisible(id), repo.tagsOfOne(id)]);
      if (!row) throw NotFound('blogNotFound');
      const cover = row.coverId === null ? null : await coverOf(row.coverId);
      return {
        blog: {
          ...toSummary(row, { tags, cover }),
          content: row.content,
          contentHtml: row.contentHtml,
          commentsOpen: row.commentsOpen,
          createdAt: row.createdAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
        },
        version: row.version,
      };
    },

    /** Counts a view of a visible blog (once per visitor and hour, bots never). */
    async view(id: number, viewer: Viewer): Promise<{ counted: boolean }> {
      await placeOf(id);
      return { counted: await views.record(id, viewer) };
    },

    /**
     * The most viewed visible blogs of the last 7 days (`views.top`), with those views. Blogs no
     * longer visible are skipped, reading further down the ranking for as many visible ones.
     */
    async hot(): Promise<HotBlog[]> {
      const picked: { blogId: number; views: number }[] = [];
      for (let round = 0; round < HOT_ROUNDS && picked.length < HOT_COUNT; round++) {
        const top = await views.top(HOT_CANDIDATES, round * HOT_CANDIDATES);
        const visible = new Set(
          (await repo.summariesOf(top.map((t) => t.blogId))).map((row) => row.id),
        );
        picked.push(...top.filter((t) => visible.has(t.blogId)));
        if (top.length < HOT_CANDIDATES) break;
      }
      const chosen = picked.slice(0, HOT_COUNT);
      const items = await summaries(chosen.map((t) => t.blogId));
      const recent = new Map(chosen.map((t) => [t.blogId, t.views]));
      return items.map((item) => ({ ...item, recentViews: recent.get(item.id) ?? 0 }));
    },

    /** Visible featured blogs that have a cover, newest first (the home page's carousel). */
    async featured(): Promise<BlogSummary[]> {
      const rows = await repo.featured(FEATURED_COUNT);
      const extras = await extrasOf(rows);
      return rows.map((row) => toSummary(row, extras(row)));
    },

    /** Features a blog or stops featuring it: for holders of `content.moderate`. */
    async setFeatured(writer: Writer, id: number, featured: boolean): Promise<Versioned<MyBlog>> {
      if (!(await users.hasPermission(writer.userId, 'content.moderate'))) {
        throw new AppError('FORBIDDEN');
      }
      if (!(await repo.findAny(id))) throw NotFound('blogNotFound');
      await write(() => repo.setFeatured(id, featured));
      return mine(id);
    },

    /**
     * A moderator's action on several blogs (the staff's table): each blog written as a save
     * writes it (locked, its tags' copies following), then the search index and the cached lists
     * once for them all. A blog already in that state is left as it is. Returns the ids changed.
     */
    async moderate(writer: Writer, ids: number[], action: BulkBlogAction): Promise<number[]> {
      if (!(await users.hasPermission(writer.userId, 'content.moderate'))) {
        throw new AppError('FORBIDDEN');
      }
      const targets = ids.length ? await repo.moderatable(ids, action) : [];
      if (!targets.length) return [];
      const changed = targets.map((t) => t.id);
      await write(async () => {
        if (action === 'feature' || action === 'unfeature') {
          for (const id of changed) await repo.setFeatured(id, action === 'feature');
          return;
        }
        const at = now();
        for (const id of changed) {
          await repo.update(id, () => ({
            values:
              action === 'unpublish'
                ? { status: 'draft' }
                : { deletedAt: action === 'delete' ? at : null },
          }));
        }
        await reindex(changed);
      });
      // A scheduled blog unpublished no longer waits; one restored waits again.
      for (const { id, status, pubDate } of targets) {
        if (status !== 'scheduled' || action === 'delete') continue;
        try {
          await (action === 'unpublish' ? scheduler.cancel(id) : scheduler.publishAt(id, pubDate));
        } catch (err) {
          log.warn({ err, blogId: id }, 'could not (un)schedule the publication of a blog');
        }
      }
      return changed;
    },

    /** The visible blogs published just before and just after a visible blog. */
    async adjacent(id: number): Promise<BlogAdjacent> {
      const place = await placeOf(id);
      const [previous, next] = await Promise.all([
        repo.neighbour(place, true),
        repo.neighbour(place, false),
      ]);
      const link = (row: typeof previous) =>
        row ? { id: row.id, title: row.title, pubDate: row.pubDate.toISOString() } : null;
      return { previous: link(previous), next: link(next) };
    },

    /** Up to RELATED_COUNT visible blogs sharing the most tags with a visible blog, newest first. */
    async related(id: number): Promise<BlogSummary[]> {
      await placeOf(id);
      return summaries(await repo.related(id, RELATED_COUNT));
    },

    /** A tag that published blogs carry, with their number (as `tags` counts them). */
    async tag(slug: string): Promise<Tag> {
      const tag = await repo.tagBySlug(slug);
      if (!tag) throw NotFound('tagNotFound');
      return tag;
    },

    /** Tags by how many published blogs carry them, most used first. */
    async tags({ page, perPage }: TagListParams): Promise<TagPage> {
      const [items, total] = await Promise.all([
        repo.tagPage(perPage, (page - 1) * perPage),
        counts.get(BLOGS_SCOPE, { tags: true }, () => repo.tagCount()),
      ]);
      return { items, page, perPage, total, pages: pageCount(total, perPage) };
    },

    /** The writer's own blogs, in every state, counted afresh (their own writes read back exact). */
    async listMine(writer: Writer, params: MyBlogListParams): Promise<MyBlogPage> {
      const { page, perPage, sort, status } = params;
      const authorId = await repo.authorIdOf(writer.userId);
      if (!authorId) return { items: [], page, perPage, total: 0, pages: 0 };
      const filter = { authorId, status };
      const [rows, total] = await Promise.all([
        repo.ownPage(filter, sort, perPage, (page - 1) * perPage),
        repo.ownCount(filter),
      ]);
      const extras = await extrasOf(rows);
      return {
        items: rows.map((row) => toMySummary(row, extras(row))),
        page,
        perPage,
        total,
        pages: pageCount(total, perPage),
      };
    },

    /** One blog as its author (or a moderator) sees it, in any state. */
    async getMine(writer: Writer, id: number): Promise<Versioned<MyBlog>> {
      await editable(writer, id);
      return mine(id);
    },

    /**
     * Writes a new blog and answers it from what was written (nothing is read back but what the
     * database gives it: its id and times, RETURNING in the same statement).
     */
    async create(writer: Writer, body: CreateBlog): Promise<Versioned<MyBlog>> {
      const cover =
        body.coverId === null || body.coverId === undefined
          ? null
          : await checkCover(body.coverId, [writer.userId]).then(() => coverOf(body.coverId!));
      const at = now();
      const pubDate = body.pubDate ? new Date(body.pubDate) : at;
      const status = stateOf(body.status, pubDate, at);
      const names = uniqueTags(body.tags);
      let author: { id: number; name: string } | undefined;
      // The cached lists are dropped once, when the blog is in the search index too (`afterSave`),
      // or here if the write fails (it may have made tags).
      const row = await droppingOnFailure(async () => {
        // The author and the tags are looked up while the markdown renders.
        const found = Promise.all([authorOf(writer), repo.tagsFor(names)]);
        found.catch(() => undefined);
        const derived = (await loadRenderer()).derive(body.content, body.excerpt);
        const [writing, tags] = await found;
        author = writing;
        const inserted = await repo.insert(
          {
            authorId: writing.id,
            title: body.title,
            content: body.content,
            ...derived,
            status,
            pubDate,
            coverUploadId: body.coverId,
          },
          tags,
        );
        return { ...inserted, ...derived };
      });
      const blog: MyBlog = {
        id: row.id,
        title: body.title,
        excerpt: row.excerpt,
        tags: row.tags,
        readingMinutes: row.readingMinutes,
        pubDate: pubDate.toISOString(),
        viewCount: row.viewCount,
        commentCount: 0,
        author: { id: author!.id, name: author!.name },
        cover,
        featured: false,
        content: body.content,
        contentHtml: row.contentHtml,
        commentsOpen: Boolean(row.commentsOpen),
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        status,
        deletedAt: null,
      };
      // A new blog has no references nor a queued publication yet: only what it adds is written.
      await afterSave(blog, row.version, { fresh: true });
      return { blog, version: row.version };
    },

    async update(
      writer: Writer,
      id: number,
      body: UpdateBlog,
      expected?: number[],
    ): Promise<Versioned<MyBlog>> {
      const row = await editable(writer, id);
      // The author's own pictures, or those of the moderator editing (what their picker uploads).
      await checkCover(body.coverId, [row.authorUserId, writer.userId]);
      return save(writer, id, body, expected);
    },

    /** Moves the blog to the trash, where its author can restore it for 30 days. */
    async remove(writer: Writer, id: number, expected?: number[]): Promise<Versioned<MyBlog>> {
      await editable(writer, id);
      await write(() =>
        repo.update(id, (current) => {
          checkVersion(current.version, expected);
          if (current.deletedAt) return { values: {} };
          return { values: { deletedAt: now() } };
        }),
      );
      return saved(id);
    },

    /** Takes the blog out of the trash, in the state it had (a scheduled one still waits). */
    async restore(writer: Writer, id: number): Promise<Versioned<MyBlog>> {
      await editable(writer, id);
      await write(() =>
        repo.update(id, (current) => {
          if (!current.deletedAt) return { values: {} };
          if (now().getTime() - current.deletedAt.getTime() > TRASH_MS) {
            throw NotFound('blogNotFound');
          }
          return { values: { deletedAt: null } };
        }),
      );
      return saved(id);
    },

    /** The versions its saves replaced, newest first (the latest 50). */
    async revisions(writer: Writer, id: number): Promise<BlogRevision[]> {
      await editable(writer, id);
      const rows = await repo.revisions(id);
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        excerpt: r.excerpt,
        content: r.content,
        tags: r.tags,
        editor:
          r.editorId && r.editorNickname ? { id: r.editorId, nickname: r.editorNickname } : null,
        createdAt: r.createdAt.toISOString(),
      }));
    },

    /** Saves a kept version as the current one; the one it replaces is kept in turn. */
    async restoreRevision(
      writer: Writer,
      id: number,
      revisionId: number,
      expected?: number[],
    ): Promise<Versioned<MyBlog>> {
      await editable(writer, id);
      const revision = await repo.findRevision(id, revisionId);
      if (!revision) throw NotFound('revisionNotFound');
      const { title, content, excerpt, tags } = revision;
      return save(writer, id, { title, content, excerpt, tags }, expected);
    },
  };
}

export type BlogService = ReturnType<typeof createBlogService>;
