import type {
  AdminAuthor,
  AdminAuthorListParams,
  AdminBlogListParams,
  AdminBlogPage,
  AdminComment,
  AdminCommentListParams,
  AdminCommentPage,
  AuditAction,
  BulkBlogs,
  BulkComments,
  BulkResult,
  CreateAuthor,
  ModerationQueue,
  UpdateAuthor,
} from '@folio/schema';
import { pageCount } from '../../lib/sql';
import type { AuditContext, AuditLog } from '../audit/service';
import type { AuthorService } from '../authors/service';
import type { BlogService } from '../blogs/service';
import type { CommentService } from '../comments/service';
import type { AdminCommentRow, AdminContentRepository } from './repository';

export interface AdminContentServiceDeps {
  repo: AdminContentRepository;
  blogs: Pick<BlogService, 'moderate'>;
  comments: Pick<CommentService, 'moderate'>;
  authors: Pick<AuthorService, 'create' | 'update'>;
  audit: Pick<AuditLog, 'record'>;
}

/** Rows a bulk action changes per step. */
export const CONTENT_BATCH = 500;

const BLOG_RECORDED: Record<BulkBlogs['action'], AuditAction> = {
  unpublish: 'blog.unpublished',
  delete: 'blog.deleted',
  restore: 'blog.restored',
  feature: 'blog.featured',
  unfeature: 'blog.unfeatured',
};

const COMMENT_RECORDED: Record<BulkComments['action'], AuditAction> = {
  delete: 'comment.deleted',
  dismissReports: 'comment.reportsDismissed',
};

type Staff = AuditContext & { actorId: number };

function toAdminComment(row: AdminCommentRow): AdminComment {
  return {
    id: row.id,
    blog: { id: row.blogId, title: row.blogTitle },
    user: { id: row.userId, nickname: row.nickname },
    parentId: row.parentId,
    body: row.body,
    status: row.deletedAt ? 'deleted' : 'visible',
    openReports: row.openReports,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

function toAdminAuthor(row: {
  id: number;
  name: string;
  email: string | null;
  bio: string | null;
  userId: number | null;
  createdAt: Date;
  updatedAt: Date;
  blogs?: number;
}): AdminAuthor {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    bio: row.bio,
    userId: row.userId,
    blogs: row.blogs ?? 0,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Applies `act` to the selected ids, or to every id the filter selects, a batch at a time
 * (walking the primary key, so no row is met twice), and counts what it changed.
 */
async function inBatches(
  ids: number[] | undefined,
  next: (afterId: number, limit: number) => Promise<number[]>,
  act: (batch: number[]) => Promise<number[]>,
): Promise<BulkResult> {
  const chosen = ids && [...new Set(ids)].sort((a, b) => a - b);
  let affected = 0;
  let considered = 0;
  for (let afterId = 0; ;) {
    const batch = chosen
      ? chosen.slice(considered, considered + CONTENT_BATCH)
      : await next(afterId, CONTENT_BATCH);
    if (!batch.length) break;
    affected += (await act(batch)).length;
    considered += batch.length;
    afterId = batch[batch.length - 1]!;
  }
  return { affected, skipped: considered - affected };
}

/**
 * The staff's content tables: every blog, comment and author whatever its state, their bulk
 * actions (each written by the module that owns the rows, so caches and the search index follow),
 * the moderation queue of reported comments, and making and changing authors; every change is
 * audited.
 */
export function createAdminContentService({
  repo,
  blogs,
  comments,
  authors,
  audit,
}: AdminContentServiceDeps) {
  async function describeComments(rows: AdminCommentRow[]): Promise<AdminComment[]> {
    return rows.map(toAdminComment);
  }

  return {
    async blogs(params: AdminBlogListParams): Promise<AdminBlogPage> {
      const { page, perPage, sort: _sort, ...filter } = params;
      const [rows, total] = await Promise.all([repo.blogPageQuery(params), repo.blogCount(filter)]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          title: row.title,
          author: { id: row.authorId, name: row.authorName },
          status: row.deletedAt ? 'trashed' : row.status,
          featured: row.featured,
          pubDate: row.pubDate.toISOString(),
          viewCount: row.viewCount,
          commentCount: row.commentCount,
          createdAt: row.createdAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
          deletedAt: row.deletedAt?.toISOString() ?? null,
        })),
        page,
        perPage,
        total,
        pages: pageCount(total, perPage),
      };
    },

    async bulkBlogs(staff: Staff, body: BulkBlogs): Promise<BulkResult> {
      const writer = { userId: staff.actorId };
      return inBatches(
        body.ids,
        (afterId, limit) => repo.nextBlogIds(body.all!, afterId, limit),
        async (batch) => {
          const changed = await blogs.moderate(writer, batch, body.action);
          await audit.record(
            staff,
            ...changed.map((id) => ({
              action: BLOG_RECORDED[body.action],
              target: { type: 'blog' as const, id },
              ...(body.all && { after: { filter: body.all } }),
            })),
          );
          return changed;
        },
      );
    },

    async comments(params: AdminCommentListParams): Promise<AdminCommentPage> {
      const { page, perPage, sort: _sort, ...filter } = params;
      const [rows, total] = await Promise.all([
        repo.commentPage(params),
        repo.commentCount(filter),
      ]);
      return {
        items: await describeComments(rows),
        page,
        perPage,
        total,
        pages: pageCount(total, perPage),
      };
    },

    async bulkComments(staff: Staff, body: BulkComments): Promise<BulkResult> {
      const writer = { userId: staff.actorId };
      return inBatches(
        body.ids,
        (afterId, limit) => repo.nextCommentIds(body.all!, afterId, limit),
        async (batch) => {
          const changed = await comments.moderate(writer, batch, body.action);
          await audit.record(
            staff,
            ...changed.map((id) => ({
              action: COMMENT_RECORDED[body.action],
              target: { type: 'comment' as const, id },
              ...(body.all && { after: { filter: body.all } }),
            })),
          );
          return changed;
        },
      );
    },

    /** Comments with open reports, the most reported first, each with its reports. */
    async queue({ page, perPage }: { page: number; perPage: number }): Promise<ModerationQueue> {
      const [ids, total] = await Promise.all([
        repo.queuePage(perPage, (page - 1) * perPage),
        repo.queueCount(),
      ]);
      const [rows, reports] = await Promise.all([repo.commentsById(ids), repo.openReportsOf(ids)]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return {
        items: ids
          .filter((id) => byId.has(id))
          .map((id) => ({
            comment: toAdminComment(byId.get(id)!),
            reports: reports
              .filter((r) => r.commentId === id)
              .map((r) => ({
                reason: r.reason,
                note: r.note,
                reporter: { id: r.reporterId, nickname: r.reporterNickname },
                createdAt: r.createdAt.toISOString(),
              })),
          })),
        page,
        perPage,
        total,
        pages: pageCount(total, perPage),
      };
    },

    async authors(params: AdminAuthorListParams) {
      const [rows, total] = await Promise.all([
        repo.authorPage(params),
        repo.authorCount(params.q),
      ]);
      const { page, perPage } = params;
      return {
        items: rows.map(toAdminAuthor),
        page,
        perPage,
        total,
        pages: pageCount(total, perPage),
      };
    },

    async createAuthor(staff: Staff, body: CreateAuthor): Promise<AdminAuthor> {
      const row = await authors.create(body);
      const author = toAdminAuthor(row);
      await audit.record(staff, {
        action: 'author.created',
        target: { type: 'author', id: row.id },
        after: { name: row.name, email: row.email, bio: row.bio },
      });
      return author;
    },

    async updateAuthor(staff: Staff, id: number, body: UpdateAuthor): Promise<AdminAuthor> {
      const { before, after } = await authors.update(id, body);
      const fields = Object.keys(body) as (keyof UpdateAuthor)[];
      await audit.record(staff, {
        action: 'author.updated',
        target: { type: 'author', id },
        before: Object.fromEntries(fields.map((f) => [f, before[f]])),
        after: Object.fromEntries(fields.map((f) => [f, after[f]])),
      });
      return toAdminAuthor(after);
    },
  };
}

export type AdminContentService = ReturnType<typeof createAdminContentService>;
