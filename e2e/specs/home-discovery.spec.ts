import { expect, test, type APIRequestContext } from '@playwright/test';
import { closeConnections, grantPermission, removeWriter } from '../support/accounts';
import { makePng } from '../support/images';
import { createWriter, writeBlog, type Writer } from '../support/writing';

// A moderator features two blogs with wide covers: the home page shows them in the carousel; one
// of them has two pictures in its text, which open in the lightbox; its link copies.

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 740 },
] as const;
const LOCALES = ['en', 'zh-CN'] as const;

let staff: Writer;
let staffId: number;
let pictured: number;
const titles = ['Harbour lights at dusk', 'Terraces above the river'];

async function upload(request: APIRequestContext, colour: [number, number, number]) {
  const res = await request.post('/api/v1/uploads', {
    headers: staff.headers,
    multipart: {
      file: { name: 'wide.png', mimeType: 'image/png', buffer: makePng(1920, 610, colour) },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data as { id: number; url: string };
}

test.beforeAll(async ({ request }) => {
  staff = await createWriter(request, 'featured');
  const me = await request.get('/api/v1/me', { headers: staff.headers });
  staffId = ((await me.json()).data as { id: number }).id;
  await grantPermission(staffId, 'content.moderate');
  const [first, second, inline1, inline2] = [
    await upload(request, [30, 90, 160]),
    await upload(request, [160, 110, 40]),
    await upload(request, [40, 140, 90]),
    await upload(request, [150, 50, 90]),
  ];
  const ids: number[] = [];
  for (const [i, cover] of [first, second].entries()) {
    ids.push(
      await writeBlog(request, staff, {
        title: titles[i],
        excerpt: 'A featured blog with a wide cover.',
        content:
          i === 0
            ? `Two pictures.\n\n![boat](${inline1.url})\n\nAnd another.\n\n![gull](${inline2.url})\n`
            : 'Plain text.',
        status: 'published',
        coverId: cover.id,
        tags: ['e2e-discovery'],
      }),
    );
  }
  pictured = ids[0]!;
  for (const id of ids) {
    const res = await request.put(`/api/v1/blogs/${id}/featured`, {
      headers: staff.headers,
      data: { featured: true },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
});

test.afterAll(async ({ request }) => {
  await removeWriter(request, staff.headers.Authorization.slice('Bearer '.length), staffId);
  await closeConnections();
});

for (const viewport of VIEWPORTS) {
  for (const locale of LOCALES) {
    test.describe(`${viewport.name}, ${locale}`, () => {
      test.use({
        viewport: { width: viewport.width, height: viewport.height },
        locale,
        hasTouch: viewport.name === 'phone',
      });

      test('the home page shows the featured blogs in a carousel', async ({ page }, testInfo) => {
        await page.goto('/');
        const carousel = page.getByTestId('featured-carousel');
        await expect(carousel).toBeVisible();
        // Slides by class: the hidden ones are out of the accessibility tree.
        const slides = carousel.locator('.carousel-item');
        await expect(slides).toHaveCount(2);
        // Newest first: the second blog written leads.
        await expect(slides.nth(0)).toContainText(titles[1]!);
        const cover = slides.nth(0).locator('img');
        await expect(cover).toHaveAttribute('fetchpriority', 'high');
        // Cropped to the carousel's proportions: 1920×610 from md up, 2:1 on a phone.
        const box = (await cover.boundingBox())!;
        const ratio = viewport.name === 'phone' ? 2 : 1920 / 610;
        expect(Math.abs(box.width / box.height - ratio)).toBeLessThan(0.05);
        // The phone's 375 px fit without sideways scrolling.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        await expect(page.getByTestId('hot-blogs')).toBeVisible();
        await expect(page.getByTestId('popular-tags')).toBeVisible();
        const path = testInfo.outputPath(`home-${viewport.name}-${locale}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach('home', { path, contentType: 'image/png' });

        // The next-slide control and the arrow keys turn it.
        await carousel
          .getByRole('button', { name: locale === 'en' ? 'Next slide' : '下一张' })
          .click();
        await expect(slides.nth(1)).toHaveClass(/active/);
        await expect(slides.nth(1)).toContainText(titles[0]!);
        await page.keyboard.press('ArrowRight');
        await expect(slides.nth(0)).toHaveClass(/active/);
      });

      test('the blog page opens its pictures in a lightbox', async ({ page }, testInfo) => {
        await page.goto(`/blogs/${pictured}`);
        const boat = page.locator('.blog-content img').first();
        await expect(boat).toBeVisible();
        await boat.click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        // Its keys reach it once it has slid in and Bootstrap has moved the focus into it.
        await expect
          .poll(() =>
            page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid=lightbox]'))),
          )
          .toBe(true);
        const counter = page.getByTestId('lightbox-counter');
        await expect(counter).toHaveText(
          locale === 'en' ? 'Picture 1 of 2' : '第 1 张图片，共 2 张',
        );
        const path = testInfo.outputPath(`lightbox-${viewport.name}-${locale}.png`);
        await page.screenshot({ path });
        await testInfo.attach('lightbox', { path, contentType: 'image/png' });
        await page.keyboard.press('ArrowRight');
        await expect(counter).toHaveText(
          locale === 'en' ? 'Picture 2 of 2' : '第 2 张图片，共 2 张',
        );
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
        await expect(boat).toBeFocused();
        // The previous and next blogs, and the related one (it shares the tag).
        await expect(page.getByTestId('blog-neighbours')).toBeVisible();
        await expect(page.getByTestId('related-blogs')).toContainText(titles[1]!);
        const full = testInfo.outputPath(`blog-${viewport.name}-${locale}.png`);
        await page.screenshot({ path: full, fullPage: true });
        await testInfo.attach('blog', { path: full, contentType: 'image/png' });
      });
    });
  }
}

test.describe('phone, en, by touch', () => {
  test.use({ viewport: { width: 375, height: 740 }, locale: 'en', hasTouch: true });

  test('a swipe turns the lightbox to the next picture', async ({ page }) => {
    await page.goto(`/blogs/${pictured}`);
    await page.locator('.blog-content img').first().click();
    const counter = page.getByTestId('lightbox-counter');
    await expect(counter).toHaveText('Picture 1 of 2');
    const picture = page.locator('.lightbox-picture');
    await expect(picture).toBeVisible();
    await expect(page.getByTestId('lightbox')).toHaveClass(/show/);
    const box = (await picture.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.getByTestId('lightbox').dispatchEvent('touchstart', {
      touches: [{ identifier: 1, clientX: box.x + box.width - 20, clientY: y }],
      changedTouches: [{ identifier: 1, clientX: box.x + box.width - 20, clientY: y }],
    });
    await page.getByTestId('lightbox').dispatchEvent('touchend', {
      touches: [],
      changedTouches: [{ identifier: 1, clientX: box.x + 20, clientY: y }],
    });
    await expect(counter).toHaveText('Picture 2 of 2');
  });
});

test.describe('desktop, en, copying', () => {
  test.use({ locale: 'en', permissions: ['clipboard-read', 'clipboard-write'] });

  test('the copy-link button copies the page’s address and says so', async ({ page }) => {
    await page.goto(`/blogs/${pictured}`);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByTestId('toast')).toHaveText('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  });
});
