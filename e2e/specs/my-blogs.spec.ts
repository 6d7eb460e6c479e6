import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { closeConnections, createVerifiedUser, removeWriter, snap } from '../support/accounts';
import { expectNoSeriousViolations } from '../support/axe';

/** The writers a test made, taken off the site after it: the next specs count the seed's blogs. */
const writers: { token: string; userId: number }[] = [];

test.afterEach(async ({ request }) => {
  for (const { token, userId } of writers.splice(0)) await removeWriter(request, token, userId);
});

test.afterAll(closeConnections);

const DAY_MS = 86_400_000;

/**
 * Logs in through the API from the page's own context: the refresh cookie lands in the browser,
 * so the SPA starts logged in. Returns the access token for writing through the API.
 */
async function logInThroughApi(page: Page, account: string, password: string) {
  const answer = await page.request.post('/api/v1/auth/login', { data: { account, password } });
  expect(answer.ok(), await answer.text()).toBe(true);
  const { accessToken, user } = (await answer.json()).data as {
    accessToken: string;
    user: { id: number };
  };
  return { token: accessToken, userId: user.id };
}

async function writeBlog(
  request: APIRequestContext,
  token: string,
  data: { title: string; content: string; status: 'draft' | 'published'; pubDate?: string },
) {
  const answer = await request.post('/api/v1/blogs', {
    data,
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()).data as { id: number; status: string };
}

/** A writer with one blog in each state; titles are unique to the run. */
async function writerWithBlogs(page: Page, tag: string) {
  const { email, password } = await createVerifiedUser(page.request, tag);
  const { token, userId } = await logInThroughApi(page, email, password);
  writers.push({ token, userId });
  const run = Date.now().toString(36);
  const titles = {
    draft: `A draft ${run}`,
    scheduled: `Going out soon ${run}`,
    published: `Out already ${run}`,
  };
  const draft = await writeBlog(page.request, token, {
    title: titles.draft,
    content: 'Not ready.',
    status: 'draft',
  });
  const scheduled = await writeBlog(page.request, token, {
    title: titles.scheduled,
    content: 'Soon.',
    status: 'published',
    // An hour past three days: "in 3 days" all through the test.
    pubDate: new Date(Date.now() + 3 * DAY_MS + 3_600_000).toISOString(),
  });
  expect(scheduled.status).toBe('scheduled');
  const published = await writeBlog(page.request, token, {
    title: titles.published,
    content: 'Read me.',
    status: 'published',
  });
  expect(published.status).toBe('published');
  return { titles, ids: { draft: draft.id, scheduled: scheduled.id, published: published.id } };
}

/** Nothing is wider than the screen: the page never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test('my blogs: each state in its tab; trash the published one, find it in the trash, restore it', async ({
  page,
}, testInfo) => {
  const { titles, ids } = await writerWithBlogs(page, 'myblogs');

  // From the navbar: Write is there at once, My blogs in the account menu.
  await page.goto('/');
  await expect(page.getByTestId('write-link')).toHaveAttribute('href', '/write');
  await page.getByTestId('user-menu-toggle').click();
  await page.getByRole('link', { name: 'My blogs' }).click();
  await expect(page).toHaveURL(/\/me\/blogs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My blogs' })).toBeVisible();

  const tabs = page.getByRole('navigation', { name: 'Your blogs by state' });
  const table = page.getByTestId('my-blog-table');
  await expect(tabs.getByRole('link', { name: 'Drafts' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('tab-draft')).toContainText('1');
  await expect(page.getByTestId('tab-scheduled')).toContainText('1');
  await expect(page.getByTestId('tab-published')).toContainText('1');
  await expect(page.getByTestId('tab-trashed')).toContainText('0');

  // Drafts: the draft alone, its title and Edit leading to its editor.
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name: titles.draft, exact: true })).toHaveAttribute(
    'href',
    `/blogs/${ids.draft}/edit`,
  );
  await expect(table.getByRole('link', { name: `Edit “${titles.draft}”` })).toHaveAttribute(
    'href',
    `/blogs/${ids.draft}/edit`,
  );
  await expect(table.getByRole('columnheader', { name: 'Last saved' })).toBeVisible();
  await snap(page, testInfo, 'my-blogs-drafts');
  await expectNoSeriousViolations(page, 'my blogs, drafts');

  await tabs.getByRole('link', { name: /Scheduled/ }).click();
  await expect(page).toHaveURL(/\/me\/blogs\?status=scheduled$/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name: titles.scheduled, exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Goes out' })).toBeVisible();
  await expect(table.locator('time')).toHaveText('in 3 days');

  await tabs.getByRole('link', { name: /Published/ }).click();
  await expect(page).toHaveURL(/\?status=published$/);
  await expect(table.getByRole('link', { name: titles.published, exact: true })).toHaveAttribute(
    'href',
    `/blogs/${ids.published}`,
  );
  await snap(page, testInfo, 'my-blogs-published');

  // Trash it: a question first, then a toast, and the tab is empty.
  await table.getByRole('button', { name: `Move to trash: “${titles.published}”` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Move “${titles.published}” to the trash?`);
  await expect(dialog).toContainText('It leaves the site at once.');
  // Shown once Bootstrap has moved focus in: the fade is over.
  await expect
    .poll(() => page.evaluate(() => !!document.activeElement?.closest('.modal.show')))
    .toBe(true);
  await expectNoSeriousViolations(page, 'my blogs, the trash question');
  await dialog.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is in the trash' })).toBeVisible();
  await expect(dialog).toBeHidden();
  const empty = page.getByTestId('empty');
  await expect(empty).toContainText('You have not published a blog yet.');
  await expect(empty.getByRole('link', { name: 'Write a blog' })).toHaveAttribute('href', '/write');
  await expect(page.getByTestId('tab-published')).toContainText('0');
  await expect(page.getByTestId('tab-trashed')).toContainText('1');
  // Gone from the site too.
  expect((await page.request.get(`/api/v1/blogs/${ids.published}`)).status()).toBe(404);

  await tabs.getByRole('link', { name: /Trash/ }).click();
  await expect(page).toHaveURL(/\?status=trashed$/);
  await expect(page.getByTestId('trash-note')).toContainText('30 days');
  const row = table.getByRole('row').filter({ hasText: titles.published });
  await expect(row).toContainText('In the trash');
  await expect(row.getByRole('link')).toHaveCount(0);
  await expect(row.locator('time').first()).toHaveText('just now');
  const purge = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(
    Date.now() + 30 * DAY_MS,
  );
  await expect(row).toContainText(`deleted for good on ${purge}`);
  await snap(page, testInfo, 'my-blogs-trash');
  await expectNoSeriousViolations(page, 'my blogs, the trash');

  await row.getByRole('button', { name: `Restore “${titles.published}”` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is restored' })).toBeVisible();
  await expect(page.getByTestId('empty')).toContainText('The trash is empty.');
  await expect(page.getByTestId('empty').getByRole('link')).toHaveCount(0);

  await tabs.getByRole('link', { name: /Published/ }).click();
  await expect(table.getByRole('link', { name: titles.published, exact: true })).toBeVisible();
  expect((await page.request.get(`/api/v1/blogs/${ids.published}`)).ok()).toBe(true);
});

test('my blogs asks for a login, and comes back after it', async ({ page }) => {
  const { email, password } = await createVerifiedUser(page.request, 'myblogs-anon');
  await page.goto('/me/blogs?status=trashed');
  await expect(page).toHaveURL(/\/login\?next=%2Fme%2Fblogs%3Fstatus%3Dtrashed$/);
  await page.getByLabel('Email or phone').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(/\/me\/blogs\?status=trashed$/);
  await expect(page.getByTestId('empty')).toContainText('The trash is empty.');
});

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`a phone, ${locale}`, () => {
    test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, locale });

    test('my blogs are cards with their state, time and actions in view', async ({
      page,
    }, testInfo) => {
      const { titles } = await writerWithBlogs(page, `myblogs-phone-${locale}`);
      await page.goto('/me/blogs?status=scheduled');
      const cards = page.getByTestId('my-blog-cards').getByRole('listitem');
      await expect(cards).toHaveCount(1);
      await expect(page.getByRole('table')).toHaveCount(0);
      const card = cards.first();
      await expect(
        card.getByRole('link', { name: titles.scheduled, exact: true }),
      ).toBeInViewport();
      await expect(card.locator('time')).toBeInViewport({ ratio: 1 });
      await expect(card.getByTestId('trash-blog')).toBeInViewport({ ratio: 1 });
      await expectNoSidewaysScroll(page);
      await snap(page, testInfo, `my-blogs-phone-${locale}`);
      await expectNoSeriousViolations(page, `my blogs on a phone, ${locale}`);

      // Every tab within reach: the last one scrolls into view, the page itself does not scroll.
      await page.getByTestId('tab-trashed').click();
      await expect(page).toHaveURL(/\?status=trashed$/);
      await expect(page.getByTestId('trash-note')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await snap(page, testInfo, `my-blogs-phone-trash-${locale}`);
    });
  });
}
