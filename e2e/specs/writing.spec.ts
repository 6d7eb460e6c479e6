import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  closeConnections,
  createVerifiedUser,
  logIn,
  removeWriter,
  snap,
} from '../support/accounts';
import { makePng } from '../support/images';

/** The accounts that wrote here, taken off the site after: the next specs count the seed's blogs. */
const writers: { email: string; password: string }[] = [];

test.afterEach(async ({ request }) => {
  for (const { email, password } of writers.splice(0)) {
    const login = await request.post('/api/v1/auth/login', { data: { account: email, password } });
    expect(login.ok(), await login.text()).toBe(true);
    const { accessToken, user } = (await login.json()).data as {
      accessToken: string;
      user: { id: number };
    };
    await removeWriter(request, accessToken, user.id);
  }
});

test.afterAll(closeConnections);

/** Pastes a picture into the markdown editor as a browser does: a paste event carrying a file. */
async function pastePicture(page: Page, name: string, png: Buffer) {
  await page.getByTestId('markdown-input').evaluate(
    (target, { name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'image/png' }));
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { name, base64: png.toString('base64') },
  );
}

test('write a blog: text, cover, a pasted picture, tags; save, publish, update', async ({
  page,
  request,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const writer = await createVerifiedUser(request, 'writer');
  writers.push(writer);
  const title = `Notes from the harbour ${Date.now().toString(36)}`;

  await page.goto('/write');
  await expect(page).toHaveURL(/\/login\?next=%2Fwrite$/);
  await logIn(page, writer.email, writer.password);
  await expect(page).toHaveURL(/\/write$/);
  await expect(page.getByRole('heading', { level: 1, name: 'New blog' })).toBeVisible();

  await page.getByTestId('title-input').fill(title);
  const text = page.getByTestId('markdown-input');
  // CodeMirror's styles are there (its shadow root's stylesheet, which the site's CSP allows).
  await expect(text).toHaveCSS('font-family', /monospace/);
  await text.click();
  await page.keyboard.type('The boats came in at dawn. ');
  // The shortcut wraps what comes next in bold.
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Every one of them');
  await page.keyboard.press('End');
  await page.keyboard.type(' came back.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(text).toContainText('The boats came in at dawn. **Every one of them** came back.');
  await expect(page.getByTestId('markdown-preview').locator('strong')).toHaveText(
    'Every one of them',
  );

  await page.getByTestId('cover-input').setInputFiles({
    name: 'harbour.png',
    mimeType: 'image/png',
    buffer: makePng(480, 270, [30, 120, 200]),
  });
  await expect(page.getByTestId('cover-preview').locator('img')).toHaveCount(2);
  await expect(page.getByTestId('cover-preview').locator('img').first()).toHaveAttribute(
    'src',
    /\/uploads\/images\//,
  );

  await pastePicture(page, 'boat-at-dawn.png', makePng(900, 500, [200, 80, 40]));
  await expect(text).toContainText(/!\[boat at dawn\]\(\/uploads\/images\/[^)]+\)/);
  await expect(page.getByTestId('upload-progress')).toHaveCount(0);
  await expect(
    page.getByTestId('markdown-preview').locator('img[alt="boat at dawn"]'),
  ).toBeVisible();

  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.fill('harbour');
  await tags.press('Enter');
  await tags.pressSequentially('boats,');
  await expect(page.getByTestId('tag-chip')).toHaveText(['harbour', 'boats']);

  // The first change with a title made a draft: the page is its edit page now.
  await expect(page).toHaveURL(/\/blogs\/\d+\/edit$/, { timeout: 15_000 });
  const id = Number(/\/blogs\/(\d+)\/edit$/.exec(page.url())![1]);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Draft saved.' })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved at \d/);
  await expect(page.getByTestId('blog-state')).toHaveText('Draft');
  await snap(page, testInfo, 'write-draft');

  // The home page, seen while the blog is a draft, does not list it.
  const home = page.locator('.navbar-brand');
  await home.click();
  await expect(page.getByTestId('latest-blogs')).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/blogs/${id}/edit$`));

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Published.' })).toBeVisible();
  await expect(page.getByTestId('blog-state')).toHaveText('Published');
  await expect(page.getByRole('link', { name: 'View blog' })).toHaveAttribute(
    'href',
    `/blogs/${id}`,
  );
  // Only a published blog's saves keep versions: none yet.
  await expect(page.getByTestId('revisions-empty')).toBeVisible();

  // Within the same visit, the home page read a moment ago lists it now, with its tags, and its
  // tag's page does too.
  await home.click();
  const entry = page.getByTestId('latest-blogs').getByRole('listitem').filter({ hasText: title });
  await expect(entry).toHaveCount(1);
  const entryTags = entry.getByRole('group', { name: 'Tags' }).getByRole('link');
  await expect(entryTags).toHaveText(['harbour', 'boats']);
  await entryTags.first().click();
  await expect(page).toHaveURL('/tags/harbour');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('harbour');
  await page.getByRole('link', { name: title }).first().click();
  await expect(page).toHaveURL(new RegExp(`/blogs/${id}$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const article = page.locator('.blog-content');
  await expect(article.locator('strong')).toHaveText('Every one of them');
  const picture = article.locator('img[alt="boat at dawn"]');
  await expect(picture).toBeVisible();
  await expect(picture).toHaveAttribute('src', /\/uploads\/images\/.+\.webp$/);
  // The picture really loads (its natural size is the 800 px variant).
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);

  await page.goto(`/blogs/${id}/edit`);
  await expect(page.getByTestId('blog-state')).toHaveText('Published');
  await expect(page.getByTestId('tag-chip')).toHaveText(['harbour', 'boats']);
  await text.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('A postscript, added later.');
  // A published blog is not saved behind the writer's back: the change waits for Update.
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes');

  // Leaving with it unsaved asks first; staying keeps the page and the change.
  await page.getByRole('link', { name: 'Blogs', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/blogs/${id}/edit$`));

  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved at \d/);
  const published = await request.get(`/api/v1/blogs/${id}`);
  const blog = (await published.json()).data as { content: string; tags: { name: string }[] };
  expect(blog.content).toContain('A postscript, added later.');
  expect(blog.tags.map((tag) => tag.name).sort()).toEqual(['boats', 'harbour']);
  await snap(page, testInfo, 'write-updated');

  // The update kept the version it replaced: compared with the text now, the postscript is new;
  // restored, the blog is as it was when published.
  const revision = page.getByTestId('revision');
  await expect(revision).toHaveCount(1);
  await revision.getByRole('button', { name: 'Compare' }).click();
  await expect(
    revision.getByTestId('diff-content').locator('ins').filter({ hasText: 'A postscript' }),
  ).toBeVisible();
  await snap(page, testInfo, 'write-revision-compare');
  await revision.getByRole('button', { name: 'Restore' }).click();
  await page
    .getByRole('dialog', { name: 'Restore this version?' })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(
    page.getByTestId('toast').filter({ hasText: 'The earlier version is restored.' }),
  ).toBeVisible();
  await expect(text).not.toContainText('A postscript');
  await expect(text).toContainText('The boats came in at dawn.');
  const restored = (await (await request.get(`/api/v1/blogs/${id}`)).json()).data as {
    content: string;
  };
  expect(restored.content).not.toContain('A postscript');
  // The version with the postscript is kept in turn, and the editor saves on from the restored one.
  await expect(revision).toHaveCount(2);
  await page.getByTestId('title-input').fill(`${title}, again`);
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await expect(page.getByTestId('conflict-alert')).toHaveCount(0);
  await expect(revision).toHaveCount(3);

  // Someone else can read it, not edit it.
  const other = await createVerifiedUser(request, 'reader');
  const context = await browser.newContext();
  const second = await context.newPage();
  await second.goto(`/blogs/${id}/edit`);
  await expect(second).toHaveURL(/\/login\?next=/);
  await logIn(second, other.email, other.password);
  await expect(second).toHaveURL(new RegExp(`/blogs/${id}/edit$`));
  await expect(
    second.getByRole('heading', { level: 1, name: 'You can’t edit this blog' }),
  ).toBeVisible();
  await expect(second.getByTestId('blog-editor')).toHaveCount(0);
  await snap(second, testInfo, 'write-forbidden');
  await context.close();
});
