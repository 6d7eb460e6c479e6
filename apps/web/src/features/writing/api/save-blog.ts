import type { CreateBlog, MyBlog, UpdateBlog } from '@folio/schema';
import { apiResponse } from '../../../lib/api-client';
import type { VersionedBlog } from './get-my-blog';

export async function createBlog(body: Partial<CreateBlog> & { title: string }) {
  const { data, headers } = await apiResponse<MyBlog>('/blogs', { method: 'POST', body });
  return { blog: data, etag: headers.get('etag') } satisfies VersionedBlog;
}

/** Changes the blog if it is still at `etag`; else the API answers 412 PRECONDITION_FAILED. */
export async function updateBlog(id: number, body: UpdateBlog, etag: string | null) {
  const { data, headers } = await apiResponse<MyBlog>(`/blogs/${id}`, {
    method: 'PATCH',
    body,
    headers: etag ? { 'If-Match': etag } : undefined,
  });
  return { blog: data, etag: headers.get('etag') } satisfies VersionedBlog;
}
