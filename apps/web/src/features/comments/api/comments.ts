import type {
  Comment,
  CommentPage,
  CommentSort,
  CreateComment,
  MyBlog,
  ReplyPage,
} from '@folio/schema';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth-context';
import { blogWritten, CONTENT_KEYS } from '../../../lib/api/blog-writes';
import { myBlogsKey } from '../../../lib/api/my-blogs-key';

const COMMENTS_PER_PAGE = 20;
const REPLIES_PER_PAGE = 20;
/** How often an open blog page asks for new comments while the tab is visible. */
export const COMMENTS_REFRESH_MS = 15_000;

/** Every query about a blog's comments starts with this key (its pages, its replies). */
export function blogCommentsKey(blogId: number) {
  return ['comments', blogId] as const;
}

export function commentsQueryOptions(blogId: number, sort: CommentSort) {
  return infiniteQueryOptions({
    queryKey: [...blogCommentsKey(blogId), 'tree', sort],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<CommentPage>(`/blogs/${blogId}/comments`, {
        query: { page: pageParam, perPage: COMMENTS_PER_PAGE, sort },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page < last.pages ? last.page + 1 : undefined),
  });
}

/** The blog's comments, page after page; read again every 15 s while the tab is visible. */
export function useComments(blogId: number, sort: CommentSort) {
  return useInfiniteQuery({
    ...commentsQueryOptions(blogId, sort),
    refetchInterval: COMMENTS_REFRESH_MS,
  });
}

export function repliesQueryOptions(blogId: number, commentId: number) {
  return infiniteQueryOptions({
    queryKey: [...blogCommentsKey(blogId), 'replies', commentId],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<ReplyPage>(`/comments/${commentId}/replies`, {
        query: { cursor: pageParam, limit: REPLIES_PER_PAGE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The replies below a comment of the last nested level, flattened; asked for when opened. */
export function useReplies(blogId: number, commentId: number, enabled: boolean) {
  return useInfiniteQuery({
    ...repliesQueryOptions(blogId, commentId),
    enabled,
    refetchInterval: enabled ? COMMENTS_REFRESH_MS : false,
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
