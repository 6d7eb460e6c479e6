import type {
  Comment,
  CommentPage,
  CommentSort,
  CreateComment,
  MyBlog,
  ReplyPage,
  ReportComment,
} from '@folio/schema';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth-context';
import { blogWritten } from '../../../lib/api/blog-writes';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';
import { myBlogsKey } from '../../../lib/api/my-blogs-key';

const COMMENTS_PER_PAGE = 20;
const REPLIES_PER_PAGE = 20;
/** How often an open blog page asks for new comments while the tab is visible. */
export const COMMENTS_REFRESH_MS = 15_000;

/** Every query about a blog's comments starts with this key (its pages, its replies). */
export function blogCommentsKey(blogId: number) {
  return ['comments', blogId] as const;
}

export function commentsQueryOptions(blogId: number, sort: CommentSort, page: number) {
  return queryOptions({
    queryKey: [...blogCommentsKey(blogId), 'tree', sort, page],
    queryFn: ({ signal }) =>
      apiRequest<CommentPage>(`/blogs/${blogId}/comments`, {
        query: { page, perPage: COMMENTS_PER_PAGE, sort },
        signal,
      }),
  });
}

/**
 * One page of the blog's comments; read again every 15 s while the tab is visible. (Pages are
 * queries of their own: react-query's infinite queries would add to the home page's first load.)
 */
export function useComments(blogId: number, sort: CommentSort, page: number) {
  return useQuery({
    ...commentsQueryOptions(blogId, sort, page),
    refetchInterval: COMMENTS_REFRESH_MS,
  });
}

export function repliesQueryOptions(blogId: number, commentId: number, cursor: string | undefined) {
  return queryOptions({
    queryKey: [...blogCommentsKey(blogId), 'replies', commentId, cursor ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<ReplyPage>(`/comments/${commentId}/replies`, {
        query: { cursor, limit: REPLIES_PER_PAGE },
        signal,
      }),
  });
}

/** A page of the replies below a comment of the last nested level, flattened. */
export function useReplies(blogId: number, commentId: number, cursor: string | undefined) {
  return useQuery({
    ...repliesQueryOptions(blogId, commentId, cursor),
    refetchInterval: COMMENTS_REFRESH_MS,
  });
}

export function manageBlogQueryOptions(blogId: number) {
  return queryOptions({
    queryKey: [...myBlogsKey(), blogId, 'manage'],
    queryFn: ({ signal }) => apiRequest<MyBlog>(`/me/blogs/${blogId}`, { signal }),
    // Anyone else is told 403: they simply do not manage it.
    meta: { showsForbidden: true, showsNotFound: true },
    retry: false,
  });
}

/** Whether the logged-in person manages the blog (its author or a moderator). */
export function useManagesBlog(blogId: number): boolean {
  const { status } = useAuth();
  const query = useQuery({
    ...manageBlogQueryOptions(blogId),
    enabled: status === 'authenticated',
  });
  return status === 'authenticated' && query.isSuccess;
}

/** After a comment write: its blog's comments, and the counts on the blog and in lists. */
function useCommentWritten(blogId: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: blogCommentsKey(blogId) });
    void queryClient.invalidateQueries({ queryKey: CONTENT_KEYS.blogs });
  };
}

export function useCreateComment(blogId: number) {
  const written = useCommentWritten(blogId);
  return useMutation({
    mutationFn: (body: CreateComment) =>
      apiRequest<Comment>(`/blogs/${blogId}/comments`, { method: 'POST', body }),
    onSuccess: written,
  });
}

export function useUpdateComment(blogId: number) {
  const written = useCommentWritten(blogId);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: string }) =>
      apiRequest<Comment>(`/comments/${id}`, { method: 'PATCH', body: { body } }),
    onSuccess: written,
  });
}

export function useDeleteComment(blogId: number) {
  const written = useCommentWritten(blogId);
  return useMutation({
    mutationFn: (id: number) => apiRequest<Comment | null>(`/comments/${id}`, { method: 'DELETE' }),
    onSettled: written,
  });
}

/** Opens or closes comments on the blog (its author or a moderator). */
export function useSetCommentsOpen(blogId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentsOpen: boolean) =>
      apiRequest<MyBlog>(`/blogs/${blogId}`, { method: 'PATCH', body: { commentsOpen } }),
    onSettled: () => blogWritten(queryClient, blogId),
  });
}

/** Reports someone else's comment to staff; answered 409 for one's own, 404 for one gone. */
export function useReportComment() {
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ReportComment }) =>
      apiRequest<null>(`/comments/${id}/report`, { method: 'POST', body }),
  });
}
