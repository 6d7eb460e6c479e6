import {
  expect,
  request as requestFactory,
  test,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import {
  closeConnections,
  createVerifiedUser,
  solveCaptcha,
  uniqueEmail,
} from '../support/accounts';
import { expectNoSeriousViolations } from '../support/axe';

/**
 * axe-core over every page and its main states, in both languages, on a desktop and a phone. Each
 * language and layout is one browser context that visits the states in turn (and logs in once).
 */

const LOCALES = ['en', 'zh-CN'] as const;
const LAYOUTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, mobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, mobile: true },
] as const;

/** Its failed logins make the next one need a captcha, for every browser that tries it. */
const CAPTCHA_ACCOUNT = 'a11y-captcha@example.com';

interface Sample {
  blogId: number;
  blogTitle: string;
  authorId: number;
  authorName: string;
}

let api: APIRequestContext | undefined;
let sample: Promise<Sample> | undefined;
let member: ReturnType<typeof createVerifiedUser> | undefined;
let captchaAsked: Promise<void> | undefined;

function apiContext(): Promise<APIRequestContext> {
  return (async () => (api ??= await requestFactory.newContext({ baseURL: BASE_URL })))();
}

/** A seeded blog and its author, as the API lists them. */
function sampleContent(): Promise<Sample> {
  sample ??= (async () => {
    const response = await (await apiContext()).get('/api/v1/blogs?perPage=1&sort=-pubDate');
    expect(response.ok()).toBe(true);
    const blog = (await response.json()).data.items[0] as {
      id: number;
      title: string;
      author: { id: number; name: string };
    };
    return {
      blogId: blog.id,
      blogTitle: blog.title,
      authorId: blog.author.id,
      authorName: blog.author.name,
    };
  })();
  return sample;
}

/** One account for the logged-in pages, made once per worker. */
function memberAccount() {
  member ??= (async () => createVerifiedUser(await apiContext(), 'a11y'))();
  return member;
}

/**
 * Fails logins for CAPTCHA_ACCOUNT until the API asks for a captcha. The count lives in Redis,
 * so a later worker finds it asked at once and adds no failure to this address's count.
 */
function captchaRequired(): Promise<void> {
  captchaAsked ??= (async () => {
    const context = await apiContext();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await context.post('/api/v1/auth/login', {
        data: { account: CAPTCHA_ACCOUNT, password: 'not the password' },
      });
      const body = (await response.json()) as { code?: string; captchaRequired?: boolean };
      if (body.code === 'CAPTCHA_REQUIRED' || body.captchaRequired) return;
    }
    throw new Error(`the API never asked ${CAPTCHA_ACCOUNT} for a captcha`);
  })();
  return captchaAsked;
}

test.afterAll(async () => {
  await api?.dispose();
  api = undefined;
  await closeConnections();
});

for (const layout of LAYOUTS) {
  for (const locale of LOCALES) {
    test.describe(`${layout.name}, ${locale}`, () => {
      let context: BrowserContext;
      let page: Page;
      let loggedIn = false;

      test.beforeAll(async ({ browser }) => {
        context = await browser.newContext({
          baseURL: BASE_URL,
          locale,
          viewport: layout.viewport,
          isMobile: layout.mobile,
          hasTouch: layout.mobile,
          // Bootstrap then skips its fades and slides: axe reads colours at rest, and sooner.
          reducedMotion: 'reduce',
        });
        page = await context.newPage();
      });

      test.afterAll(async () => {
        await context.close();
      });

      const check = (state: string) =>
        expectNoSeriousViolations(page, `${state} (${layout.name}, ${locale})`);

      const heading = () => page.getByRole('heading', { level: 1 });

      async function submit(form: string) {
        await page.getByTestId(form).locator('button[type="submit"]').click();
      }

      async function logIn() {
        if (loggedIn) return;
        const account = await memberAccount();
        await page.goto('/login?next=%2Faccount');
        await page.locator('input[name="account"]').fill(account.email);
        await page.locator('input[name="password"]').fill(account.password);
        await submit('password-login-form');
        await expect(page).toHaveURL(/\/account$/);
        loggedIn = true;
      }

      test('home', async () => {
        await page.goto('/');
        await expect(page.getByTestId('latest-blogs')).toBeVisible();
        await check('home');
      });

      test('blogs: a page, past the end, and a search without results', async () => {
        const { blogTitle } = await sampleContent();
        await page.goto('/blogs');
        await expect(page.getByRole('link', { name: blogTitle })).toBeVisible();
        await check('/blogs');

        await page.goto('/blogs?page=99');
        await expect(page.getByTestId('past-end')).toBeVisible();
        await check('/blogs?page=99');

        await page.goto('/blogs?q=no-such-blog-anywhere');
        await expect(page.getByTestId('empty')).toBeVisible();
        await check('/blogs?q= (no results)');
      });

      test('a blog, and a missing one', async () => {
        const { blogId, blogTitle } = await sampleContent();
        await page.goto(`/blogs/${blogId}`);
        await expect(heading()).toHaveText(blogTitle);
        await check('/blogs/:id');

        await page.goto('/blogs/999999');
        await expect(page.getByTestId('not-found')).toBeVisible();
        await check('a missing blog');
      });

      test('authors and an author', async () => {
        const { authorId, authorName, blogTitle } = await sampleContent();
        await page.goto('/authors');
        await expect(page.getByRole('link', { name: authorName })).toBeVisible();
        await check('/authors');

        await page.goto(`/authors/${authorId}`);
        await expect(heading()).toHaveText(authorName);
        await expect(page.getByRole('link', { name: blogTitle })).toBeVisible();
        await check('/authors/:id');
      });

      test('the 404 page', async () => {
        await page.goto('/no/such/page');
        await expect(heading()).toBeVisible();
        await check('the 404 page');
      });

      test('login: the form, a field error, the SMS tab, the captcha', async () => {
        await page.goto('/login');
        await expect(page.getByTestId('password-login-form')).toBeVisible();
        await check('/login');

        await submit('password-login-form');
        await expect(page.locator('.invalid-feedback').first()).toBeVisible();
        await check('/login with a field error');

        await page.getByRole('tab').nth(1).click();
        await expect(page.getByTestId('password-login-form')).toHaveCount(0);
        await check('/login by SMS code');

        await captchaRequired();
        await page.goto('/login');
        await page.locator('input[name="account"]').fill(CAPTCHA_ACCOUNT);
        await page.locator('input[name="password"]').fill('not the password');
        await submit('password-login-form');
        await expect(page.getByTestId('captcha-picture').locator('img')).toBeVisible();
        await check('/login with the captcha');
      });

      test('register: by phone, by email, and the inbox to check', async () => {
        await page.goto('/register');
        await expect(page.getByTestId('phone-country')).toBeVisible();
        await expect(page.getByTestId('captcha-picture').locator('img')).toBeVisible();
        await check('/register by phone');

        const form = page.locator('main form');
        await form.locator('button[type="submit"]').click();
        await expect(page.locator('.invalid-feedback').first()).toBeVisible();
        await check('/register by phone with field errors');

        await page.getByRole('tab').nth(1).click();
        await expect(page.locator('input[name="email"]')).toBeVisible();
        await check('/register by email');

        await form.locator('button[type="submit"]').click();
        await expect(page.locator('.invalid-feedback').first()).toBeVisible();
        await check('/register by email with field errors');

        await page.locator('input[name="email"]').fill(uniqueEmail('a11y-inbox'));
        await page.locator('input[name="nickname"]').fill('A11y Reader');
        await page.locator('input[name="password"]').fill('an accessible password');
        await solveCaptcha(page);
        await form.locator('button[type="submit"]').click();
        await expect(page.getByTestId('check-inbox')).toBeVisible();
        await check('/register: check your inbox');
      });

      test('forgot and reset a password', async () => {
        await page.goto('/forgot-password');
        await expect(page.locator('input[name="account"]')).toBeVisible();
        await check('/forgot-password');

        await page.locator('input[name="account"]').fill(uniqueEmail('a11y-forgot'));
        await page.locator('main form button[type="submit"]').click();
        await expect(page.getByTestId('forgot-sent')).toBeVisible();
        await check('/forgot-password: sent');

        await page.goto('/reset-password');
        await expect(page.getByTestId('phone-country')).toBeVisible();
        await check('/reset-password by phone');

        await page.goto('/reset-password?token=not-a-token');
        await expect(page.locator('input[type="password"]')).toBeVisible();
        await check('/reset-password with a link');
      });

      test('verify and confirm an email without a valid link', async () => {
        await page.goto('/verify-email?token=not-a-token');
        await expect(page.getByTestId('verify-failed')).toBeVisible();
        await check('/verify-email with a bad link');

        await page.goto('/confirm-email');
        await expect(page.getByTestId('confirm-email-failed')).toBeVisible();
        await check('/confirm-email without a link');
      });

      if (layout.mobile) {
        test('the open menu, logged out', async () => {
          await page.goto('/');
          await expect(page.getByTestId('latest-blogs')).toBeVisible();
          await page.getByTestId('menu-toggler').click();
          await expect(page.getByTestId('menu')).toHaveClass(/\bshow\b/);
          await expect(page.getByTestId('guest-menu')).toBeVisible();
          await check('the open menu, logged out');
        });
      }

      test('account pages', async () => {
        await logIn();
        await expect(page.getByTestId('profile-form')).toBeVisible();
        await check('/account');

        for (const [path, ready] of [
          ['/account/security', 'phone-card'],
          ['/account/sessions', 'session-list'],
          ['/account/connections', 'connection-list'],
        ] as const) {
          await page.goto(path);
          await expect(page.getByTestId(ready)).toBeVisible();
          await check(path);
        }
      });

      test(layout.mobile ? 'the open menu, logged in' : 'the open user menu', async () => {
        await logIn();
        await page.goto('/');
        await expect(page.getByTestId('latest-blogs')).toBeVisible();
        if (layout.mobile) {
          await page.getByTestId('menu-toggler').click();
          await expect(page.getByTestId('menu')).toHaveClass(/\bshow\b/);
        }
        await page.getByTestId('user-menu-toggle').click();
        await expect(page.getByTestId('logout')).toBeVisible();
        await check(layout.mobile ? 'the open menu, logged in' : 'the open user menu');
      });
    });
  }
}
