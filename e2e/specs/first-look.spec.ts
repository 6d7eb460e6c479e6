import { expect, test, type Page } from '@playwright/test';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 740 },
] as const;
const LOCALES = ['en', 'zh-CN'] as const;

/** How much of the chosen country's text the closed select has no room for, in CSS pixels. */
async function countryOverflow(page: Page): Promise<number> {
  return page.getByTestId('phone-country').evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    const text = select.selectedOptions[0]!.text;
    const room =
      select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(text).width - room;
  });
}

for (const viewport of VIEWPORTS) {
  for (const locale of LOCALES) {
    test.describe(`${viewport.name}, ${locale}`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height }, locale });

      test('the phone form shows every country it offers in full', async ({ page }, testInfo) => {
        await page.goto('/register');
        const select = page.getByTestId('phone-country');
        await expect(select).toBeVisible();
        const countries = await select
          .locator('option')
          .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
        for (const country of countries) {
          await select.selectOption(country);
          expect(await countryOverflow(page), country).toBeLessThanOrEqual(0);
        }
        await select.selectOption('US');
        const path = testInfo.outputPath(`register-phone-${viewport.name}-${locale}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach('register', { path, contentType: 'image/png' });
      });

      test('a page past the end says so and leads to the last page', async ({ page }, testInfo) => {
        await page.goto('/blogs?page=99');
        const last = page.getByRole('link', { name: locale === 'en' ? /last page/ : /最后一页/ });
        await expect(last).toBeVisible();
        const path = testInfo.outputPath(`blogs-page-99-${viewport.name}-${locale}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach('past end', { path, contentType: 'image/png' });
        await last.click();
        await expect(page).toHaveURL(/\/blogs$/);
        await expect(page.getByRole('link', { name: 'The old man and the sea' })).toBeVisible();
      });
    });
  }
}

test.describe('phone, en', () => {
  test.use({ viewport: { width: 375, height: 740 }, locale: 'en', hasTouch: true });

  test('the sample authors joined years ago, and a tap shows the full date', async ({
    page,
  }, testInfo) => {
    await page.goto('/authors/1');
    // The profile's "joined" date comes before the blogs' dates.
    const joined = page.locator('button.relative-time').first();
    await expect(joined).toHaveText(/years ago/);
    await joined.tap();
    await expect(joined).toHaveText(/^[A-Z][a-z]+ \d{1,2}, 201[56] at /);
    const path = testInfo.outputPath('author-date-tapped-phone-en.png');
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach('tapped', { path, contentType: 'image/png' });
    await joined.tap();
    await expect(joined).toHaveText(/years ago/);
  });
});

test.describe('before the script runs', () => {
  test.use({ javaScriptEnabled: false });

  test('the page already shows the brand bar, where the app draws it', async ({ page }) => {
    await page.goto('/');
    const shell = page.locator('#root nav.navbar');
    await expect(shell).toContainText('Folio');
    const box = await shell.boundingBox();
    expect(box?.y).toBe(0);
    expect(box?.height).toBeGreaterThan(40);
  });
});
