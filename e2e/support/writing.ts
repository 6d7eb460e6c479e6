import { expect, type APIRequestContext } from '@playwright/test';
import { createVerifiedUser } from './accounts';

export interface Writer {
  email: string;
  password: string;
  nickname: string;
  headers: { Authorization: string };
}

/** An active account, logged in through the API: its bearer header writes blogs. */
export async function createWriter(request: APIRequestContext, tag: string): Promise<Writer> {
  const account = await createVerifiedUser(request, tag);
  const res = await request.post('/api/v1/auth/login', {
    data: { account: account.email, password: account.password },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const { accessToken } = (await res.json()).data as { accessToken: string };
  return { ...account, headers: { Authorization: `Bearer ${accessToken}` } };
}

/** POST /blogs as the writer; the created blog's id. */
export async function writeBlog(
  request: APIRequestContext,
  writer: Writer,
  body: Record<string, unknown>,
): Promise<number> {
  const res = await request.post('/api/v1/blogs', { headers: writer.headers, data: body });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()).data as { id: number }).id;
}
