import { expect, test } from '@playwright/test';
import { XSS_PAYLOADS } from '../../apps/api/test/xss-payloads';
import { closeConnections } from '../support/accounts';
import { createWriter, writeBlog } from '../support/writing';

test.afterAll(closeConnections);

test(`none of ${XSS_PAYLOADS.length} XSS payloads in a blog runs or leaves live markup in Chromium`, async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25);
  const writer = await createWriter(request, 'xss');

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const evil: string[] = [];
  await page.route(/evil\.example/, (route) => {
    evil.push(route.request().url());
    return route.abort();
  });
  // Anything the page's Content-Security-Policy had to stop means live markup got through.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });

  const ids = await Promise.all(
    XSS_PAYLOADS.map((payload, i) =>
      writeBlog(request, writer, {
        title: `Hostile ${i}`,
        content: `Before\n\n${payload}\n\nAfter`,
        status: 'published',
      }),
    ),
  );

  // The first blog is a fresh page load; the others are opened the way a reader's link click
  // does, inside the SPA (the same innerHTML of the same component, without a reload each).
  await page.goto(`/blogs/${ids[0]}`);
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    if (i > 0) {
      await page.evaluate((path) => {
        history.pushState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }, `/blogs/${ids[i]}`);
    }
    await expect(page.getByRole('heading', { level: 1, name: `Hostile ${i}` })).toBeVisible();
    const article = page.locator('.blog-content');
    await expect(article, payload).toContainText('Before');
    // Give handlers (onerror of a broken image, onmouseover, ontoggle) their chance to fire.
    await article.hover();
    const found = await article.evaluate((root) => {
      const bad: string[] = [];
      const forbidden =
        'script,iframe,frame,object,embed,form,input,button,textarea,style,link,meta,base,svg,math';
      for (const el of root.querySelectorAll(forbidden)) bad.push(`<${el.localName}>`);
      for (const el of root.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name) || ['style', 'srcdoc', 'formaction'].includes(attr.name)) {
            bad.push(`${el.localName}[${attr.name}]`);
          }
        }
      }
      for (const el of root.querySelectorAll<HTMLAnchorElement | HTMLImageElement>('a, img')) {
        const url = el instanceof HTMLAnchorElement ? el.href : el.src;
        if (/^(javascript|vbscript|data):/i.test(url)) bad.push(`${el.localName} -> ${url}`);
      }
      for (const a of root.querySelectorAll('a')) {
        if (a.rel !== 'nofollow noopener noreferrer') bad.push(`a[rel=${a.rel}]`);
      }
      return bad;
    });
    expect(found, payload).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
      payload,
    ).toEqual([]);
  }
  // The last blog's images have failed to load (and fired onerror, had it survived).
  await page.waitForLoadState('networkidle');
  expect(dialogs).toEqual([]);
  expect(evil).toEqual([]);
});
