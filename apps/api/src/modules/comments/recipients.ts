import { LIMITS, type CommentNotice } from '@folio/schema';

/** Characters of a comment's text a notice carries. */
const EXCERPT_LENGTH = 140;

/** The start of a comment's text, on one line, for a notice. */
export function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH - 1).join('')}…` : line;
}

/**
 * The `@nickname`s a comment mentions, once each (compared case-insensitively), at most
 * LIMITS.commentMentions: an `@` at the start or after a space or punctuation, then the name up
 * to the next space (nicknames with spaces in them cannot be mentioned), trailing punctuation
 * left out.
 */
export function mentionedNicknames(body: string): string[] {
  const seen = new Map<string, string>();
  for (const match of body.matchAll(/(?<![\p{L}\p{N}_])@([^\s@]{1,64})/gu)) {
    const name = match[1]!.replace(/[\p{P}]+$/u, '');
    if (!name || [...name].length > LIMITS.nickname) continue;
    const key = name.toLocaleLowerCase('und');
    if (!seen.has(key)) seen.set(key, name);
    if (seen.size === LIMITS.commentMentions) break;
  }
  return [...seen.values()];
}

export interface NewCommentFacts {
  commentId: number;
  blogId: number;
  /** Who wrote it. */
  actorUserId: number;
  body: string;
  /** The account the blog's author writes as; null for an author without one. */
  blogOwnerUserId: number | null;
  /** The writer of the comment it answers, if it answers one. */
  parentWriterUserId: number | null;
  /** The accounts its `@nickname`s name, in the order mentioned. */
  mentionedUserIds: number[];
}

/**
 * Who hears of a new comment, and why: the writer of the comment it answers (`reply`), the
 * blog's owner (`comment`), then everyone it mentions (`mention`, at most
 * LIMITS.commentMentions); each person once, in that order of precedence, never its writer.
 */
export function commentRecipients(facts: NewCommentFacts): CommentNotice[] {
  const { actorUserId, blogId, commentId } = facts;
  const excerpt = excerptOf(facts.body);
  const notices: CommentNotice[] = [];
  const told = new Set<number>([actorUserId]);
  const tell = (userId: number | null, type: CommentNotice['type']) => {
    if (userId === null || told.has(userId)) return;
    told.add(userId);
    notices.push({ userId, type, actorUserId, blogId, commentId, excerpt });
  };
  tell(facts.parentWriterUserId, 'reply');
  tell(facts.blogOwnerUserId, 'comment');
  for (const userId of facts.mentionedUserIds.slice(0, LIMITS.commentMentions)) {
    tell(userId, 'mention');
  }
  return notices;
}
