import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * On a phone the lists stack into cards, so that every field of an item (a blog's date and
 * views, an author's blogs and joining date) is on screen, not off to the right of a table.
 */

const LABELS = {
  en: {
    published: 'Published',
    views: 'Views',
    comments: 'Comments',
    blogs: 'Blogs',
    joined: 'Joined',
  },
  'zh-CN': {
    published: '发布时间',
    views: '阅读量',
    comments: '评论',
    blogs: '博客数',
    joined: '加入时间',
  },
} as const;

/** The value under a card's label. */
function field(card: Locator, label: string): Locator {
  return card.locator(`dt:text-is("${label}") + dd`);
}

/** Nothing is wider than the screen: the page never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

for (const locale of ['en', 'zh-CN'] as const) {
  const label = LABELS[locale];

  test.describe(`a phone, ${locale}`, () => {
    test.use({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale,
    });

    test('blogs are cards with their author, date and views in view', async ({
      page,
    }, testInfo) => {
      // A full page whatever other tests have written: the samples alone fill 10.
      await page.goto('/blogs?perPage=10');
      const cards = page.getByTestId('blog-cards').getByRole('listitem');
      await expect(cards).toHaveCount(10);
      await expect(page.getByRole('table')).toHaveCount(0);
      const first = cards.first();
      await expect(first.getByRole('link').first()).toBeInViewport({ ratio: 1 });
      await expect(field(first, label.published).locator('time')).toBeInViewport({ ratio: 1 });
      await expect(field(first, label.views)).toHaveText(/^[\d,]+$/);
      await expect(field(first, label.views)).toBeInViewport({ ratio: 1 });
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`blogs-phone-${locale}.png`) });
    });

    test("an author's blogs and the authors are cards too", async ({ page }, testInfo) => {
      await page.goto('/authors');
      const authors = page.getByTestId('author-cards').getByRole('listitem');
      // The sample authors come first; writers made by other tests may follow.
      await expect(authors.nth(4)).toBeVisible();
      const lily = authors.filter({ hasText: 'Lily' });
      await expect(lily).toHaveCount(1);
      await expect(field(lily, label.blogs)).toHaveText(/^\d+$/);
      await expect(field(lily, label.blogs)).toBeInViewport({ ratio: 1 });
      await expect(field(lily, label.joined).locator('time')).toBeInViewport({ ratio: 1 });
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`authors-phone-${locale}.png`) });

      await lily.getByRole('link', { name: 'Lily' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Lily' })).toBeVisible();
      const blog = page.getByTestId('blog-cards').getByRole('listitem').first();
      // One author's list leaves the author out.
      await expect(blog.locator('dt')).toHaveText([label.published, label.views, label.comments]);
      await expect(field(blog, label.views)).toBeInViewport({ ratio: 1 });
      await expectNoSidewaysScroll(page);
      await page.screenshot({
        path: testInfo.outputPath(`author-phone-${locale}.png`),
        fullPage: true,
      });
    });

    test('the latest blogs show their views', async ({ page }, testInfo) => {
      await page.goto('/');
      const first = page.getByTestId('latest-blogs').getByRole('listitem').first();
      await expect(field(first, label.views)).toBeInViewport({ ratio: 1 });
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`home-phone-${locale}.png`) });
    });
  });
}

test.describe('a desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 }, locale: 'en' });

  test('keeps the blogs and authors as tables', async ({ page }) => {
    await page.goto('/blogs');
    const blogs = page.getByTestId('blog-table');
    await expect(blogs.getByRole('columnheader')).toHaveText([
      '#',
      'Title',
      'Author',
      'Published',
      'Views',
      'Comments',
    ]);
    await expect(blogs.getByRole('row').nth(1).getByRole('cell').last()).toBeInViewport();
    await expect(page.getByTestId('blog-cards')).toHaveCount(0);

    await page.goto('/authors');
    await expect(page.getByTestId('author-table').getByRole('columnheader')).toHaveText([
      '#',
      'Name',
      'Blogs',
      'Joined',
    ]);
  });
});
