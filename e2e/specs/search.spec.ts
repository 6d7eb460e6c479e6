import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { closeConnections, removeWriter, snap } from '../support/accounts';
import { createWriter, writeBlog, type Writer } from '../support/writing';

/**
 * A blog published through the API is found from the navbar's search box by an English word (a
 * part of a longer one) and by a Chinese term written without spaces, its matches highlighted.
 */

const suffix = randomBytes(3).toString('hex');
const title = `Kingfishers over the weir ${suffix}`;
let writer: Writer;
let blogId: number;

test.beforeAll(async ({ request }) => {
  writer = await createWriter(request, 'search');
  blogId = await writeBlog(request, writer, {
    title,
    content:
      `Notes ${suffix}. 我最近读了《了不起的盖茨比》，在河边看翠鸟。\n\n` +
      'The kingfisher waited on a branch above the water <script>alert(1)</script>.',
    tags: ['Birds'],
    status: 'published',
  });
});

test.afterAll(async ({ request }) => {
  const login = await request.post('/api/v1/auth/login', {
    data: { account: writer.email, password: writer.password },
  });
  const { accessToken, user } = (await login.json()).data as {
    accessToken: string;
    user: { id: number };
  };
  await removeWriter(request, accessToken, user.id);
  await closeConnections();
});

/** Types into the navbar's box (in the menu on a phone) and sends it with Enter. */
async function searchFromNavbar(page: Page, words: string) {
  const box = page.getByRole('search').first().getByRole('searchbox');
  if (!(await box.isVisible())) {
    await page.getByTestId('menu-toggler').click();
    // Slid in: Bootstrap moves the focus into the menu when the slide ends.
    const menu = page.getByTestId('menu');
    await expect(menu).toHaveClass(/(^|\s)show(\s|$)/);
    await expect(menu).not.toHaveClass(/showing/);
  }
  await box.fill(words);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(words)}$`));
}

function ourHit(page: Page) {
  return page.getByTestId('search-hit').filter({ has: page.locator(`a[href="/blogs/${blogId}"]`) });
}

test('finds the blog from the navbar by an English word and by a Chinese term, highlighted', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await searchFromNavbar(page, 'kingfisher');
  const hit = ourHit(page);
  await expect(hit).toHaveCount(1);
  // The title matched: it ranks above blogs that only mention the word.
  await expect(page.getByTestId('search-hit').first()).toContainText(title);
  await expect(hit.locator('h2 mark')).toHaveText('Kingfishers');
  await expect(hit.locator('p mark').first()).toHaveText('kingfisher');
  // The blog's own markup is text, never HTML.
  await expect(hit.locator('script')).toHaveCount(0);
  await snap(page, testInfo, 'search-desktop-en');

  await searchFromNavbar(page, '盖茨比');
  await expect(ourHit(page).locator('p mark')).toHaveText('盖茨比');
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '搜索' })).toBeVisible();
  await expect(ourHit(page).locator('p mark')).toHaveText('盖茨比');
  await snap(page, testInfo, 'search-desktop-zh');

  // The tag filter keeps the words.
  await page.getByRole('combobox', { name: '标签' }).selectOption('birds');
  await expect(page).toHaveURL(/[?&]tag=birds/);
  await expect(ourHit(page)).toHaveCount(1);
});

test('searches on a 375 px phone, in both languages', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/');
  await searchFromNavbar(page, 'kingfisher');
  await expect(ourHit(page).locator('h2 mark')).toHaveText('Kingfishers');
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await snap(page, testInfo, 'search-phone-en');

  await page.getByTestId('language-switch').selectOption('zh-CN');
  await searchFromNavbar(page, '盖茨比');
  await expect(ourHit(page).locator('p mark')).toHaveText('盖茨比');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await snap(page, testInfo, 'search-phone-zh');
});
