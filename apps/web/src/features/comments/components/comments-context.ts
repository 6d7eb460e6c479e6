import { createContext, use } from 'react';

/** What every comment of a blog's tree needs to know about the reader and the blog. */
export interface CommentsContextValue {
  blogId: number;
  /** The logged-in reader's account, or null. */
  viewerId: number | null;
  /** The reader is the blog's author or a moderator: they may delete any comment here. */
  manages: boolean;
  /** New comments and replies are taken. */
  open: boolean;
}

export const CommentsContext = createContext<CommentsContextValue | null>(null);

export function useCommentsContext(): CommentsContextValue {
  const value = use(CommentsContext);
  if (!value) throw new Error('a comment needs a <CommentsContext> above it');
  return value;
}
