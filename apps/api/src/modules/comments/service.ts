import {
  COMMENT_EDIT_MINUTES,
  COMMENT_NESTING,
  type Comment,
  type BulkCommentAction,
  type CommentListParams,
  type CommentNode,
  type CommentNotice,
  type CommentPage,
  type CreateComment,
  type Reply,
  type ReplyListParams,
  type ReplyPage,
  type ReportComment,
  type UpdateComment,
} from '@folio/schema';
import { AppError, NotFound } from '../../lib/errors';
import type { Rendered } from '../../lib/rendered';
import { pageCount } from '../../lib/sql';
import { AVATAR_URL_PREFIX } from '../users/me';
import type { UserRepository } from '../users/repository';
import { commentHtml } from './body-html';
import { commentRecipients, mentionedNicknames } from './recipients';
import type { CommentRepository, CommentRow, ReplyRow } from './repository';

const EDIT_MS = COMMENT_EDIT_MINUTES * 60_000;

/** Who is writing: the logged-in account. */
export interface Commenter {
  userId: number;
}

export interface CommentServiceDeps {
  repo: CommentRepository;
  users: Pick<UserRepository, 'hasPermission'>;
  /**
   * Drops the cached public answers that show comments or their counts (the blog, its lists,
   * its comments); called after every comment write, once its transaction has ended.
   */
  blogsChanged: () => Promise<void>;
  /** Hands on who should hear of a new comment; its failure never fails the comment. */
  notify: (notices: CommentNotice[]) => Promise<void>;
  /** Keeps a rendered public answer (a page of a blog's comments) until `blogsChanged`. */
  rendered: Rendered;
  /** Whether the site takes new comments at all now (a setting staff switch). */
  siteCommentsOpen: () => Promise<boolean>;
  log: { warn: (obj: object, msg: string) => void };
  now?: () => Date;
}

function toComment(row: CommentRow, moreReplies = 0): Comment {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    blogId: row.blogId,
    parentId: row.parentId,
    depth: row.depth,
    author: deleted
      ? null
      : {
          id: row.userId,
          nickname: row.nickname,
          avatarUrl: row.avatar ? `${AVATAR_URL_PREFIX}${row.avatar}` : null,
        },
    body: deleted ? '' : row.body,
    bodyHtml: deleted ? '' : commentHtml(row.body),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted,
    moreReplies,
  };
}

function toReply(row: ReplyRow, moreReplies: number): Reply {
  return {
    ...toComment(row, moreReplies),
    replyTo:
      row.replyToUserId === null || row.replyToDeleted !== null
        ? null
        : { id: row.replyToUserId, nickname: row.replyToNickname! },
  };
}

export function createCommentService({
  repo,
  users,
  blogsChanged,
  notify,
  rendered,
  siteCommentsOpen,
  log,
  now = () => new Date(),
}: CommentServiceDeps) {
  /** Runs a write, then drops the cached answers whatever happened (a failed write may have written). */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      await blogsChanged();
    }
  }

  /** How many replies lie below each last-level comment among these. */
  function branchCountsOf(rows: CommentRow[]) {
    return repo.branchCounts(rows.filter((r) => r.depth === COMMENT_NESTING).map((r) => r.id));
  }

  async function shown(id: number): Promise<Comment> {
    const row = await repo.findShown(id);
    if (!row) throw NotFound('commentNotFound');
    return toComment(row, (await branchCountsOf([row])).get(row.id) ?? 0);
  }

  async function tell(commentId: number, facts: Parameters<typeof commentRecipients>[0]) {
    try {
      const named = await repo.activeUsersNamed(mentionedNicknames(facts.body));
      const notices = commentRecipients({ ...facts, mentionedUserIds: named.map((u) => u.id) });
      if (notices.length) await notify(notices);
    } catch (err) {
      log.warn({ err, commentId }, 'could not hand on the notices of a new comment');
    }
  }

  return {
    rendered,

    /**
     * A page of a blog's top-level comments, each with its replies nested oldest first down to
     * COMMENT_NESTING levels: three indexed reads whatever the page (the page, its replies, the
     * counts below its last-level replies) and a count of the blog's top-level comments.
     */
    async list(blogId: number, { page, perPage, sort }: CommentListParams): Promise<CommentPage> {
      if (!(await repo.blog(blogId))) throw NotFound('blogNotFound');
      const [tops, total] = await Promise.all([
        repo.topPage(blogId, sort, perPage, (page - 1) * perPage),
        repo.topCount(blogId),
      ]);
      const replies = await repo.nested(tops.map((t) => t.id));
      const below = await branchCountsOf(replies);
      const nodes = new Map<number, CommentNode>();
      for (const row of [...tops, ...replies]) {
        nodes.set(row.id, { ...toComment(row, below.get(row.id) ?? 0), replies: [] });
      }
      // Replies come oldest first, so each lands after its older siblings.
      for (const row of replies) nodes.get(row.parentId!)?.replies.push(nodes.get(row.id)!);
      return {
        items: tops.map((t) => nodes.get(t.id)!),
        page,
        perPage,
        total,
        pages: pageCount(total, perPage),
      };
    },

    /**
     * What the blog's comments answer leaves out below a comment, oldest first: for a comment of
     * the last nested level everything below it, flattened (each says whom it answers); for any
     * other, its direct replies.
     */
    async replies(id: number, { cursor, limit }: ReplyListParams): Promise<ReplyPage> {
      const found = await repo.find(id);
      if (!found) throw NotFound('commentNotFound');
      const whole = found.comment.depth === COMMENT_NESTING;
      const after = cursor === undefined ? 0 : Number(cursor);
      const rows = await repo.replyPage(id, whole, after, limit + 1);
      const page = rows.slice(0, limit);
      const below = whole ? new Map<number, number>() : await branchCountsOf(page);
      return {
        items: page.map((row) => toReply(row, below.get(row.id) ?? 0)),
        nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null,
      };
    },

    /**
     * A new comment, or a reply to one on the same blog. Refused while the site takes no
     * comments or on a blog whose comments are closed (COMMENTS_CLOSED), on a blog that is not
     * visible (404), or when it repeats the writer's previous comment word for word
     * (COMMENT_DUPLICATE). Then the people to tell are handed on.
     */
    async create(writer: Commenter, blogId: number, body: CreateComment): Promise<Comment> {
      if (!(await siteCommentsOpen())) {
        throw new AppError('COMMENTS_CLOSED', { detail: 'commentsClosedSite' });
      }
      const parentId = body.parentId ?? null;
      const created = await write(() =>
        repo.insert(
          { blogId, userId: writer.userId, body: body.body, parentId },
          ({ blog, parent, previousBody }) => {
            if (!blog) throw NotFound('blogNotFound');
            if (!blog.commentsOpen) throw new AppError('COMMENTS_CLOSED');
            if (parentId !== null && (!parent || parent.blogId !== blogId || parent.deletedAt)) {
              throw new AppError('VALIDATION_FAILED', { errors: { parentId: 'parentNotFound' } });
            }
            if (previousBody === body.body) throw new AppError('COMMENT_DUPLICATE');
          },
        ),
      );
      await tell(created.id, {
        commentId: created.id,
        blogId,
        actorUserId: writer.userId,
        body: body.body,
        blogOwnerUserId: created.blog.ownerUserId,
        parentWriterUserId: created.parent?.userId ?? null,
        mentionedUserIds: [],
      });
      return shown(created.id);
    },

    /** Changes a comment's text: its writer's, within COMMENT_EDIT_MINUTES of writing it. */
    async update(writer: Commenter, id: number, body: UpdateComment): Promise<Comment> {
      const found = await repo.find(id);
      if (!found || found.comment.deletedAt) throw NotFound('commentNotFound');
      await write(() =>
        repo.edit(id, body.body, (current) => {
          if (current.deletedAt) throw NotFound('commentNotFound');
          if (current.userId !== writer.userId) {
            throw new AppError('FORBIDDEN', { detail: 'notCommentWriter' });
          }
          if (now().getTime() - current.createdAt.getTime() > EDIT_MS) {
            throw new AppError('COMMENT_EDIT_EXPIRED');
          }
        }),
      );
      return shown(id);
    },

    /**
     * A reader reports a comment they did not write to staff (the moderation queue). Reporting
     * it again changes the report.
     */
    async report(writer: Commenter, id: number, body: ReportComment): Promise<void> {
      const found = await repo.find(id);
      if (!found || found.comment.deletedAt) throw NotFound('commentNotFound');
      if (found.comment.userId === writer.userId) {
        throw new AppError('CONFLICT', { detail: 'ownComment' });
      }
      await repo.report(id, writer.userId, body);
    },

    /**
     * A moderator's action on several comments (the staff's table): `delete` deletes each as
     * `remove` does (and resolves its reports), `dismissReports` resolves their reports and
     * leaves them. The cached answers are dropped once. Returns the ids changed.
     */
    async moderate(writer: Commenter, ids: number[], action: BulkCommentAction): Promise<number[]> {
      if (!(await users.hasPermission(writer.userId, 'content.moderate'))) {
        throw new AppError('FORBIDDEN');
      }
      if (action === 'dismissReports') return repo.resolveReports(ids, writer.userId);
      const targets = await repo.blogsOf(ids);
      if (!targets.length) return [];
      await write(async () => {
        for (const { id, blogId } of targets) await repo.remove(blogId, id);
      });
      const changed = targets.map((t) => t.id);
      // A tombstone keeps its reports; they are resolved with it. Deleted rows took theirs along.
      await repo.resolveReports(changed, writer.userId);
      return changed;
    },

    /**
     * Deletes a comment: its writer, the blog's owner or a moderator. One with replies stays as
     * a tombstone, answered as it now is; one without goes (null).
     */
    async remove(writer: Commenter, id: number): Promise<Comment | null> {
      const found = await repo.find(id);
      if (!found || found.comment.deletedAt) throw NotFound('commentNotFound');
      const { comment, blog } = found;
      const allowed =
        comment.userId === writer.userId ||
        blog.ownerUserId === writer.userId ||
        (await users.hasPermission(writer.userId, 'content.moderate'));
      if (!allowed) throw new AppError('FORBIDDEN', { detail: 'mayNotDeleteComment' });
      const gone = await write(() => repo.remove(blog.id, id));
      return gone ? null : shown(id);
    },
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
