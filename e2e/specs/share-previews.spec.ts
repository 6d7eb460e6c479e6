import { expect, test, type APIRequestContext } from '@playwright/test';
import { closeConnections, createVerifiedUser, removeWriter, snap } from '../support/accounts';
import { gradientPng } from '../support/png';

/** The writer this spec made, taken off the site after it: the next specs count the seed's blogs. */
const writers: { token: string; userId: number }[] = [];

test.afterEach(async ({ request }) => {
  for (const { token, userId } of writers.splice(0)) await removeWriter(request, token, userId);
});
test.afterAll(closeConnections);

/** A new writer, logged in through the API, taken off the site after the test. */
async function newWriter(request: APIRequestContext, tag: string) {
  const user = await createVerifiedUser(request, tag);
  const login = await request.post('/api/v1/auth/login', {
    data: { account: user.email, password: user.password },
  });
  expect(login.ok(), await login.text()).toBe(true);
  const { accessToken, user: me } = (await login.json()).data as {
    accessToken: string;
    user: { id: number };
  };
  writers.push({ token: accessToken, userId: me.id });
  return { nickname: user.nickname, headers: { Authorization: `Bearer ${accessToken}` } };
}

const HOSTILE = `Quotes " and </script><script>alert(1)</script> tags`;

test('a shared blog page carries its Open Graph tags and JSON-LD, and the SPA renders it without a CSP violation', async ({
  page,
  request,
}, testInfo) => {
  const { headers } = await newWriter(request, 'share');
  const upload = await request.post('/api/v1/uploads', {
    headers,
    multipart: {
      file: {
        name: 'cover.png',
        mimeType: 'image/png',
        buffer: gradientPng(1200, 630, [13, 110, 253], [214, 51, 132]),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const cover = (await upload.json()).data as { id: number; variants: { url: string }[] };
  const created = await request.post('/api/v1/blogs', {
    headers,
    data: {
      title: HOSTILE,
      excerpt: 'A lighthouse keeper writes down every ship that passes.',
      content: 'The lamp turns all night.',
      status: 'published',
      coverId: cover.id,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const blog = (await created.json()).data as { id: number };

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') console.push(message.text());
  });

  const response = await page.goto(`/blogs/${blog.id}`);
  expect(response?.status()).toBe(200);
  // The SPA takes over: its heading, and its own document title.
  await expect(page.getByRole('heading', { level: 1, name: HOSTILE })).toBeVisible();
  await expect(page).toHaveTitle(`${HOSTILE} · Folio`);

  const og = (property: string) =>
    page.locator(`head meta[property="${property}"]`).getAttribute('content');
  expect(await og('og:title')).toBe(HOSTILE);
  expect(await og('og:type')).toBe('article');
  expect(await og('og:url')).toMatch(new RegExp(`/blogs/${blog.id}$`));
  expect(await og('og:image')).toMatch(
    new RegExp(`^https?://.+${cover.variants.at(-1)!.url.replace(/[.]/g, '\\.')}$`),
  );
  expect(await page.locator('head meta[name="twitter:card"]').getAttribute('content')).toBe(
    'summary_large_image',
  );
  const ld = page.locator('head script[type="application/ld+json"]');
  await expect(ld).toHaveCount(1);
  expect(JSON.parse((await ld.textContent())!)).toMatchObject({
    '@type': 'BlogPosting',
    headline: HOSTILE,
  });

  await snap(page, testInfo, 'share-preview-blog');
  const violations = await page.evaluate(
    () => (window as unknown as { __violations: string[] }).__violations,
  );
  expect(violations).toEqual([]);
  expect(console.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);
  expect(dialogs).toEqual([]);
});

test.describe('on a 375 px phone, in Chinese', () => {
  test.use({
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN' },
  });

  test("a tag's and an author's pages describe themselves in the reader's language, and link their feeds", async ({
    page,
    request,
  }, testInfo) => {
    const { headers, nickname } = await newWriter(request, 'share-zh');
    const created = await request.post('/api/v1/blogs', {
      headers,
      data: {
        title: '灯塔看守人的日记',
        content: '灯整夜都在转。',
        tags: [`灯塔 ${Date.now().toString(36)}`],
        status: 'published',
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const blog = (await created.json()).data as {
      author: { id: number; name: string };
      tags: { name: string; slug: string }[];
    };
    const tag = { ...blog.tags[0]!, blogCount: 1 };

    const tagPage = await page.goto(`/tags/${tag.slug}`);
    expect(tagPage?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(tag.name);
    expect(await page.locator('head meta[name="description"]').getAttribute('content')).toBe(
      `标签为「${tag.name}」的博客，共 ${tag.blogCount} 篇`,
    );
    await expect(
      page.locator(
        `head link[rel="alternate"][href="/tags/${encodeURIComponent(tag.slug)}/feed.atom"]`,
      ),
    ).toHaveCount(1);
    await snap(page, testInfo, 'share-preview-tag-phone-zh');

    const authorPage = await page.goto(`/authors/${blog.author.id}`);
    expect(authorPage?.status()).toBe(200);
    expect(await page.locator('head meta[property="og:type"]').getAttribute('content')).toBe(
      'profile',
    );
    expect(blog.author.name).toBe(nickname);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(nickname);
    await snap(page, testInfo, 'share-preview-author-phone-zh');

    const missing = await page.goto('/blogs/987654321');
    expect(missing?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
  });
});
