import { expect, test } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import {
  closeConnections,
  createVerifiedUser,
  logIn,
  removeWriter,
  snap,
} from '../support/accounts';
import { createWriter, writeBlog, type Writer } from '../support/writing';

/** The writer whose blog the readers comment on, taken off the site after (comments go with it). */
let writer: (Writer & { userId: number }) | undefined;

test.afterEach(async ({ request }) => {
  if (!writer) return;
  const token = writer.headers.Authorization.slice('Bearer '.length);
  await removeWriter(request, token, writer.userId);
  writer = undefined;
});

test.afterAll(closeConnections);

test('a reader comments, replies nest, a new reply appears without a reload, a deleted comment leaves a tombstone', async ({
  page,
  request,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const author = await createWriter(request, 'commented');
  const me = await request.get('/api/v1/me', { headers: author.headers });
  writer = { ...author, userId: ((await me.json()).data as { id: number }).id };
  const title = `Comments welcome ${Date.now().toString(36)}`;
  const blogId = await writeBlog(request, author, {
    title,
    content: 'Tell me what you think.',
    status: 'published',
  });
  const reader = await createVerifiedUser(request, 'reader');

  await page.goto(`/blogs/${blogId}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('No comments yet. Be the first.')).toBeVisible();
  await page.getByRole('link', { name: 'Log in to comment' }).click();
  await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fblogs%2F${blogId}$`));
  await logIn(page, reader.email, reader.password);
  await expect(page).toHaveURL(new RegExp(`/blogs/${blogId}$`));

  await page
    .getByRole('textbox', { name: 'Write a comment' })
    .fill('A fine start, see https://example.com');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const first = page.getByTestId('comment').filter({ hasText: 'A fine start' });
  await expect(first).toBeVisible();
  await expect(first.getByRole('link', { name: 'https://example.com' })).toHaveAttribute(
    'rel',
    'nofollow noopener noreferrer ugc',
  );
  await expect(page.getByRole('heading', { name: 'Comments (1)' })).toBeVisible();
  await expect(page.getByTestId('blog-comment-count')).toHaveText('Comments: 1');

  // A reply to it, from the same reader: nested one level below.
  await first.getByRole('button', { name: 'Reply' }).click();
  await first.getByRole('textbox', { name: /^Reply to / }).fill('And one more thing.');
  await first.getByRole('button', { name: 'Reply', exact: true }).last().click();
  // The innermost match: a comment's element holds its replies too.
  const reply = page.getByTestId('comment').filter({ hasText: 'And one more thing.' }).last();
  await expect(reply).toHaveAttribute('data-depth', '1');

  // The blog's author answers through the API: it shows here without a reload.
  const tree = await request.get(`/api/v1/blogs/${blogId}/comments`);
  const top = ((await tree.json()).data as { items: { id: number }[] }).items[0]!;
  const answered = await request.post(`/api/v1/blogs/${blogId}/comments`, {
    headers: author.headers,
    data: { body: 'Thanks for reading!', parentId: top.id },
  });
  expect(answered.status(), await answered.text()).toBe(201);
  await expect(
    page.getByTestId('comment').filter({ hasText: 'Thanks for reading!' }).last(),
  ).toHaveAttribute('data-depth', '1', { timeout: 25_000 });
  await snap(page, testInfo, 'comments-desktop-en-reader');

  // Deleting the first comment keeps its replies under a tombstone.
  await first.getByRole('button', { name: 'Delete' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Delete this comment?' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  const tomb = page.getByTestId('comment').first();
  await expect(tomb.getByText('comment deleted', { exact: true })).toBeVisible();
  await expect(page.getByText('A fine start')).toHaveCount(0);
  await expect(page.getByText('And one more thing.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Comments (2)' })).toBeVisible();

  // How it looks to anyone, on a desktop and a phone, in both languages.
  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 375, height: 740 },
  ]) {
    for (const locale of ['en', 'zh-CN']) {
      const context = await browser.newContext({
        baseURL: BASE_URL,
        locale,
        viewport: { width: viewport.width, height: viewport.height },
        isMobile: viewport.name === 'phone',
        hasTouch: viewport.name === 'phone',
      });
      const visitor = await context.newPage();
      await visitor.goto(`/blogs/${blogId}`);
      await expect(
        visitor.getByText(locale === 'en' ? 'comment deleted' : '评论已删除', { exact: true }),
      ).toBeVisible();
      await expect(visitor.getByText('Thanks for reading!')).toBeVisible();
      // Nothing sticks out sideways on a phone.
      const overflow = await visitor.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await snap(visitor, testInfo, `comments-${viewport.name}-${locale}`);
      await context.close();
    }
  }
});
