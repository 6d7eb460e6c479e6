import { expect, test, type Page, type Route, type TestInfo } from '@playwright/test';

/** Saves a named screenshot with the test's artifacts (and attaches it to the report). */
async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('a reader browses blogs: home, paging, search, a blog, then Chinese', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Latest blogs' })).toBeVisible();
  const latest = page.getByTestId('latest-blogs');
  await expect(latest.getByText('And then there were none')).toBeVisible();
  await snap(page, testInfo, 'home');

  await page.getByRole('link', { name: 'Blogs', exact: true }).first().click();
  await expect(page).toHaveURL(/\/blogs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Blogs' })).toBeVisible();
  const table = page.getByTestId('blog-table');
  await expect(table.getByRole('row')).toHaveCount(11);

  await page.getByLabel('Per page').selectOption('5');
  await expect(page).toHaveURL(/perPage=5/);
  await expect(table.getByRole('row')).toHaveCount(6);
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await pagination.getByRole('button', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pagination.locator('[aria-current="page"]')).toHaveText('2');
  // Serial numbers go on from the first page: page 2 of 5 per page starts at 6.
  await expect(table.getByRole('row').nth(1)).toContainText('6');
  await expect(table).toContainText('The old man and the sea');
  await snap(page, testInfo, 'blogs-page-2');

  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);

  await page.getByLabel('Search', { exact: true }).fill('Harry');
  await page.getByLabel('Search', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/q=Harry/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('link', { name: "Harry Potter and the Sorcerer's Stone" }).click();

  await expect(page).toHaveURL(/\/blogs\/\d+$/);
  await expect(
    page.getByRole('heading', { level: 1, name: "Harry Potter and the Sorcerer's Stone" }),
  ).toBeVisible();
  await expect(page.getByTestId('blog-author')).toHaveText('Larry');
  await expect(page.getByText('Platform 9¾')).toBeVisible();
  const time = page.locator('time').first();
  await expect(time).toHaveAttribute('datetime', '2016-01-12T19:32:15.000Z');
  await expect(time).toContainText(/years? ago/);
  await snap(page, testInfo, 'blog');

  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(time).toContainText('年前');
  await page.getByRole('link', { name: '博客', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '博客' })).toBeVisible();
  await expect(page.getByLabel('搜索', { exact: true })).toBeVisible();
  await snap(page, testInfo, 'blogs-zh');

  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '博客' })).toBeVisible();
});

test('a page or a part whose code did not arrive loads on "Try again", without a reload', async ({
  page,
}, testInfo) => {
  await page.goto('/blogs');
  await expect(page.getByRole('heading', { level: 1, name: 'Blogs' })).toBeVisible();
  // Gone if the document reloads.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const scripts = '**/assets/*.js';
  const offline = (route: Route) => route.abort('internetdisconnected');

  // The connection drops: the next page's code cannot be fetched.
  await page.route(scripts, offline);
  await page.getByRole('link', { name: 'Authors', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Blogs', exact: true }).first()).toBeVisible();
  await snap(page, testInfo, 'page-code-failed');
  await page.unroute(scripts, offline);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Authors' })).toBeVisible();

  // A blog's code arrives, then the connection drops before its comments' code does: the blog
  // still reads, and its comments come on "Try again".
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Blogs' })).toBeVisible();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const blogApi = /\/api\/v1\/blogs\/\d+$/;
  await page.route(blogApi, async (route) => {
    await held;
    await route.continue();
  });
  await page
    .getByTestId('blog-table')
    .getByRole('link', { name: "Harry Potter and the Sorcerer's Stone" })
    .click();
  await expect(page.locator('.placeholder-glow[aria-busy="true"]')).toBeVisible();
  await page.route(scripts, offline);
  release();
  await expect(
    page.getByRole('heading', { level: 1, name: "Harry Potter and the Sorcerer's Stone" }),
  ).toBeVisible();
  const part = page
    .getByRole('alert')
    .filter({ hasText: 'This part of the page could not be loaded.' });
  await expect(part).toBeVisible();
  await snap(page, testInfo, 'part-code-failed');
  await page.unroute(scripts, offline);
  await page.unroute(blogApi);
  await part.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Comments \(\d+\)$/ })).toBeVisible();
  await expect(part).toHaveCount(0);
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test('unknown pages and missing blogs say so', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.goto('/blogs/999999');
  await expect(page.getByTestId('not-found')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('the navbar collapses into an offcanvas menu', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Latest blogs' })).toBeVisible();
    const toggler = page.getByRole('button', { name: 'Menu' });
    await expect(toggler).toBeVisible();
    await toggler.click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await expect(menu).toBeVisible();
    // Bootstrap marks the panel `showing` while it slides in.
    await expect(menu).toHaveClass(/\bshow\b/);
    await expect(menu).not.toHaveClass(/\bshowing\b/);
    await snap(page, testInfo, 'phone-menu');
    await menu.getByRole('link', { name: 'Authors' }).click();
    await expect(page).toHaveURL(/\/authors$/);
    await expect(menu).toBeHidden();
    await expect(page.getByTestId('author-cards')).toContainText('Lily');
  });
});
