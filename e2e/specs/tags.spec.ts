import { randomBytes } from 'node:crypto';
import {
  expect,
  request as requestFactory,
  test,
  type APIRequestContext,
  type Page,
} from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { closeConnections, createVerifiedUser, snap } from '../support/accounts';
import { expectNoSeriousViolations } from '../support/axe';
import { gradientPng } from '../support/png';

/**
 * A blog with a cover and two tags, written through the API, as readers meet it: in the lists
 * with its thumbnail, excerpt, tags and reading time, on its tag's page and on its own page.
 */

interface Written {
  id: number;
  title: string;
  excerpt: string;
  readingMinutes: number;
  tags: { name: string; slug: string }[];
}

const suffix = randomBytes(2).toString('hex');
let api: APIRequestContext;
let token: string;
let blog: Written;

test.beforeAll(async () => {
  api = await requestFactory.newContext({ baseURL: BASE_URL });
  const user = await createVerifiedUser(api, 'tags');
  const login = await api.post('/api/v1/auth/login', {
    data: { account: user.email, password: user.password },
  });
  expect(login.ok(), await login.text()).toBe(true);
  token = ((await login.json()).data as { accessToken: string }).accessToken;
  const headers = { Authorization: `Bearer ${token}` };

  const upload = await api.post('/api/v1/uploads', {
    headers,
    multipart: {
      file: {
        name: 'cover.png',
        mimeType: 'image/png',
        buffer: gradientPng(1000, 600, [13, 110, 253], [214, 51, 132]),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const cover = (await upload.json()).data as { id: number };

  const created = await api.post('/api/v1/blogs', {
    headers,
    data: {
      title: `Harbour lights ${suffix}`,
      excerpt: 'Boats come home at dusk, one lamp after another along the old stone quay.',
      content: Array.from({ length: 120 }, () => 'The tide turns and the gulls go quiet.').join(
        ' ',
      ),
      tags: [`Harbour ${suffix}`, `港口${suffix}`],
      status: 'published',
      coverId: cover.id,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  blog = (await created.json()).data as Written;
  expect(blog.readingMinutes).toBeGreaterThan(1);
});

test.afterAll(async () => {
  // Into the trash: the specs that count the seeded blogs find them as they were.
  await api.delete(`/api/v1/blogs/${blog.id}`, { headers: { Authorization: `Bearer ${token}` } });
  await api.dispose();
  await closeConnections();
});

/** Nothing is wider than the screen: the page never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** The blog's entry in a list (a card, or a table's row), its cover loaded. */
async function entryIn(page: Page, testId: string) {
  const role = testId.endsWith('-table') ? 'row' : 'listitem';
  const entry = page.getByTestId(testId).getByRole(role).filter({ hasText: blog.title });
  await expect(entry).toHaveCount(1);
  const thumbnail = entry.locator('img');
  await expect(thumbnail).toHaveAttribute('srcset', /\/uploads\/\S+ 400w, \/uploads\/\S+ 800w/);
  await expect(thumbnail).toHaveAttribute('sizes', /.+/);
  await expect(thumbnail).toHaveAttribute('alt', '');
  await expect(thumbnail).toHaveJSProperty('complete', true);
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  return entry;
}

test.describe('a desktop, en', () => {
  test.use({ viewport: { width: 1280, height: 800 }, locale: 'en' });

  test('the home page shows the blog with its cover, excerpt, tags and reading time; a tag lists its blogs', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    const entry = await entryIn(page, 'latest-blogs');
    await expect(entry.getByText(blog.excerpt)).toBeVisible();
    await expect(entry.getByText(`${blog.readingMinutes} min read`)).toBeVisible();
    const tags = entry.getByRole('group', { name: 'Tags' }).getByRole('link');
    await expect(tags).toHaveText(blog.tags.map((tag) => tag.name));
    await expectNoSeriousViolations(page, 'home with a cover and tags');
    await snap(page, testInfo, 'home-desktop-en');

    await tags.first().click();
    await expect(page).toHaveURL(`/tags/${blog.tags[0]!.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(blog.tags[0]!.name);
    await expect(page.getByText('Blogs: 1', { exact: true })).toBeVisible();
    await entryIn(page, 'blog-table');
    await expect(page.getByTestId('blog-table').getByRole('row')).toHaveCount(2);
    const popular = page.getByTestId('popular-tags');
    await expect(popular.locator('[aria-current="page"]')).toHaveText(`${blog.tags[0]!.name} 1`);
    await expect(page).toHaveTitle(new RegExp(blog.tags[0]!.name));
    await expectNoSeriousViolations(page, 'a tag page');
    await snap(page, testInfo, 'tag-desktop-en');

    // The other tag, in Chinese, from the popular tags.
    await popular.getByRole('link', { name: blog.tags[1]!.name }).click();
    await expect(page).toHaveURL(`/tags/${encodeURIComponent(blog.tags[1]!.slug)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(blog.tags[1]!.name);
    await entryIn(page, 'blog-table');
  });

  test('the blog page shows its cover large, its tags and reading time', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await page
      .getByTestId('latest-blogs')
      .getByRole('link', { name: blog.title, exact: true })
      .click();
    await expect(page).toHaveURL(`/blogs/${blog.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(blog.title);
    const cover = page.locator('article img.blog-cover');
    await expect(cover).toHaveAttribute('srcset', /400w, .+ 800w/);
    await expect(cover).toHaveJSProperty('complete', true);
    // A large picture at the page's width: not the thumbnail's size.
    expect(await cover.evaluate((img: HTMLImageElement) => img.currentSrc)).not.toMatch(
      /400\.webp$/,
    );
    expect((await cover.boundingBox())!.width).toBeGreaterThan(1000);
    await expect(page.getByText(`${blog.readingMinutes} min read`)).toBeVisible();
    await expect(page.getByRole('group', { name: 'Tags' }).getByRole('link')).toHaveText(
      blog.tags.map((tag) => tag.name),
    );
    await expectNoSeriousViolations(page, 'a blog with a cover and tags');
    await snap(page, testInfo, 'blog-desktop-en');

    await page.getByRole('group', { name: 'Tags' }).getByRole('link').last().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(blog.tags[1]!.name);
  });

  test('/blogs shows the popular tags with their counts beside the list', async ({
    page,
  }, testInfo) => {
    await page.goto('/blogs');
    await entryIn(page, 'blog-table');
    const popular = page.getByTestId('popular-tags');
    await expect(popular.getByRole('heading', { name: 'Popular tags' })).toBeVisible();
    await expect(popular.getByRole('link', { name: blog.tags[0]!.name })).toHaveText(
      `${blog.tags[0]!.name} 1`,
    );
    await snap(page, testInfo, 'blogs-desktop-en');
  });

  test('an unknown tag is not found', async ({ page }) => {
    await page.goto('/tags/no-such-tag-anywhere');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tag not found');
    await page.getByRole('link', { name: 'Back to all blogs' }).click();
    await expect(page).toHaveURL(/\/blogs$/);
  });
});

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`a 375 px phone, ${locale}`, () => {
    test.use({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      locale,
    });
    const minutes = () =>
      locale === 'en' ? `${blog.readingMinutes} min read` : `${blog.readingMinutes} 分钟阅读`;

    test('the lists and pages show the cover and tags without scrolling sideways', async ({
      page,
    }, testInfo) => {
      await page.goto('/');
      const latest = await entryIn(page, 'latest-blogs');
      await expect(latest.getByText(minutes())).toBeInViewport();
      await expectNoSidewaysScroll(page);
      await snap(page, testInfo, `home-phone-${locale}`);

      await page.goto('/blogs');
      const card = await entryIn(page, 'blog-cards');
      await expect(card.locator('img')).toBeInViewport({ ratio: 1 });
      await expectNoSidewaysScroll(page);
      await snap(page, testInfo, `blogs-phone-${locale}`);

      await card.getByRole('link', { name: blog.tags[1]!.name }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(blog.tags[1]!.name);
      await entryIn(page, 'blog-cards');
      await expectNoSidewaysScroll(page);
      await expectNoSeriousViolations(page, `a tag page on a phone (${locale})`);
      await snap(page, testInfo, `tag-phone-${locale}`);

      await page.goto(`/blogs/${blog.id}`);
      await expect(page.locator('article img.blog-cover')).toBeVisible();
      await expect(page.getByText(minutes())).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousViolations(page, `a blog with a cover on a phone (${locale})`);
      await snap(page, testInfo, `blog-phone-${locale}`);

      await page.goto('/tags/no-such-tag-anywhere');
      await expect(page.getByTestId('not-found')).toBeVisible();
      await expectNoSidewaysScroll(page);
    });
  });
}
