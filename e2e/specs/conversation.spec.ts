import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import {
  closeConnections,
  createVerifiedUser,
  logIn,
  removeWriter,
  snap,
} from '../support/accounts';
import { createWriter, writeBlog, type Writer } from '../support/writing';

/**
 * The whole conversation between two people, each in a browser of their own: one publishes; the
 * other finds the blog through search, by an English word and by a Chinese term, and comments;
 * the first, on another page, sees the bell's count go up without reloading, follows it and
 * replies; the reply appears nested under the comment for the second without a reload.
 */

let writer: (Writer & { userId: number }) | undefined;

test.afterEach(async ({ request }) => {
  if (!writer) return;
  await removeWriter(request, writer.headers.Authorization.slice('Bearer '.length), writer.userId);
  writer = undefined;
});

test.afterAll(closeConnections);

async function searchFromNavbar(page: Page, words: string) {
  const box = page.getByRole('search').first().getByRole('searchbox');
  await box.fill(words);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(words)}$`));
}

async function logInAt(page: Page, path: string, account: { email: string; password: string }) {
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  await logIn(page, account.email, account.password);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

test('publish, find by search in English and Chinese, comment, see the bell, reply, see the reply live', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const suffix = randomBytes(3).toString('hex');
  const author = await createWriter(request, 'poster');
  const me = await request.get('/api/v1/me', { headers: author.headers });
  writer = { ...author, userId: ((await me.json()).data as { id: number }).id };
  const title = `Cormorants on the lake ${suffix}`;
  const blogId = await writeBlog(request, author, {
    title,
    content: `The cormorant dried its wings on a post.\n\n我在湖边看见了鸬鹚，它在晒翅膀。${suffix}`,
    status: 'published',
  });
  const reader = await createVerifiedUser(request, 'finder');

  const authorContext = await browser.newContext({ baseURL: BASE_URL, locale: 'en' });
  const readerContext = await browser.newContext({ baseURL: BASE_URL, locale: 'en' });
  try {
    // The author waits on another page, with the event stream open.
    const authorPage = await authorContext.newPage();
    const streamOpen = authorPage.waitForResponse(
      (r) => r.url().includes('/api/v1/events?') && r.status() === 200,
    );
    await logInAt(authorPage, '/authors', author);
    const bell = authorPage.getByTestId('notification-bell');
    await expect(bell).toHaveAccessibleName('Notifications');
    await streamOpen;

    // The reader finds the blog by an English word, then by a Chinese term, and opens it.
    const readerPage = await readerContext.newPage();
    await logInAt(readerPage, '/', reader);
    await searchFromNavbar(readerPage, 'cormorant');
    const hit = readerPage
      .getByTestId('search-hit')
      .filter({ has: readerPage.locator(`a[href="/blogs/${blogId}"]`) });
    await expect(hit).toHaveCount(1);
    await expect(hit.locator('mark').first()).toHaveText(/cormorant/i);
    await searchFromNavbar(readerPage, '鸬鹚');
    await expect(hit.locator('p mark')).toHaveText('鸬鹚');
    await hit.getByRole('link', { name: title }).click();
    await expect(readerPage).toHaveURL(new RegExp(`/blogs/${blogId}$`));

    await readerPage.getByRole('textbox', { name: 'Write a comment' }).fill('What a sight.');
    await readerPage.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = readerPage.getByTestId('comment').filter({ hasText: 'What a sight.' });
    await expect(comment).toHaveAttribute('data-depth', '0');

    // The author's bell counts it, without a reload; it leads to the blog, where they reply.
    await expect(authorPage.getByTestId('notification-count')).toHaveText('1');
    await expect(authorPage).toHaveURL(/\/authors$/);
    await snap(authorPage, testInfo, 'conversation-bell');
    await bell.click();
    const notification = authorPage.getByTestId('notification').filter({ hasText: title });
    await expect(notification).toHaveCount(1);
    await notification.getByRole('link').first().click();
    await expect(authorPage).toHaveURL(new RegExp(`/blogs/${blogId}#comment-\\d+$`));
    const theirs = authorPage.getByTestId('comment').filter({ hasText: 'What a sight.' });
    await theirs.getByRole('button', { name: 'Reply' }).click();
    await theirs.getByRole('textbox', { name: /^Reply to / }).fill('Glad you saw it too.');
    await theirs.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await expect(
      authorPage.getByTestId('comment').filter({ hasText: 'Glad you saw it too.' }).last(),
    ).toHaveAttribute('data-depth', '1');

    // The reader, still on the blog, sees the reply nested under their comment.
    const reply = comment.getByTestId('comment').filter({ hasText: 'Glad you saw it too.' });
    await expect(reply).toHaveAttribute('data-depth', '1');
    await snap(readerPage, testInfo, 'conversation-reply');
  } finally {
    await authorContext.close();
    await readerContext.close();
  }
});
