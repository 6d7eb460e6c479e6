import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const base = 'http://127.0.0.1:3199';
const shots = [
  ['desktop-en', { width: 1280, height: 900 }, 'en', ['/admin', '/admin/users', '/admin/blogs', '/admin/comments/reports', '/admin/authors', '/admin/settings', '/admin/audit']],
  ['phone-zh', { width: 375, height: 800 }, 'zh-CN', ['/admin', '/admin/users', '/admin/blogs', '/admin/users/1']],
];
for (const [name, viewport, locale, paths] of shots) {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(base + '/login?next=%2Fadmin');
  await page.locator('input[name="account"]').fill('boss@example.com');
  await page.locator('input[name="password"]').fill('look around 123');
  await page.locator('form button[type="submit"]').first().click();
  await page.waitForURL(/\/admin$/);
  for (const path of paths) {
    await page.goto(base + path);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/look/${name}${path.replaceAll('/', '_')}.png`, fullPage: false });
  }
  await context.close();
}
await browser.close();
