import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { closeConnections, grantSeededRole, logIn, removeWriter, snap } from '../support/accounts';
import { createWriter, writeBlog, type Writer } from '../support/writing';

// Staff in the admin section: what a junior may use and what the API refuses them; the
// dashboard's charts drawn from the site's numbers.

const idOf = async (request: APIRequestContext, writer: Writer) => {
  const me = await request.get('/api/v1/me', { headers: writer.headers });
  return ((await me.json()).data as { id: number }).id;
};

async function openAdmin(page: Page, account: Writer) {
  await page.goto('/login?next=%2Fadmin');
  await logIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/admin$/);
}

/** How many pixels of a canvas something was drawn on. */
function drawnPixels(page: Page, testId: string) {
  return page
    .getByTestId(testId)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn += 1;
      return drawn;
    });
}

let junior: Writer;
let juniorId: number;
let boss: Writer;
test.beforeAll(async ({ request }) => {
  boss = await createWriter(request, 'boss');
  await grantSeededRole(await idOf(request, boss), 'system');
  junior = await createWriter(request, 'junior');
  juniorId = await idOf(request, junior);
  await grantSeededRole(juniorId, 'junior');
  // Today's numbers: a blog published now (the seed's are older than the charts' 90 days).
  await writeBlog(request, junior, {
    title: 'Notes from the staff room',
    content: 'What a junior sees.',
    status: 'published',
  });
});
test.afterAll(async ({ request }) => {
  await removeWriter(request, junior.headers.Authorization.slice('Bearer '.length), juniorId);
  await closeConnections();
});

test('a junior staff member sees only what they may use, and the API refuses the rest', async ({
  page,
  request,
}) => {
  await openAdmin(page, junior);
  const menu = page.getByTestId('admin-menu');
  await expect(menu.getByRole('link', { name: 'Overview' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Roles' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  // The dashboard (stats.read) draws its charts from the seeded site's numbers.
  await expect(page.getByTestId('stat-blogs')).toContainText(/[1-9]/);
  for (const chart of ['chart-registrations', 'chart-blogs', 'chart-authors']) {
    await expect.poll(() => drawnPixels(page, chart), { message: chart }).toBeGreaterThan(500);
  }
  await expect(page.getByTestId('chart-table-authors').locator('tbody tr')).toHaveText([
    /E2E junior\s*1/,
  ]);

  // A page beyond their roles says so; the API answers 403 to the same request by hand.
  await page.goto('/admin/roles');
  await expect(page.getByTestId('no-access')).toBeVisible();
  const roles = await request.get('/api/v1/admin/roles', { headers: junior.headers });
  expect(roles.status()).toBe(403);
  expect((await roles.json()).code).toBe('FORBIDDEN');
  const audit = await request.get('/api/v1/admin/audit', { headers: junior.headers });
  expect(audit.status()).toBe(403);
});

test('an admin finds two users, locks them together, and one logged in elsewhere is logged out', async ({
  page,
  browser,
  request,
}) => {
  const tag = `lock${Date.now().toString(36)}`;
  const [first, second] = [
    await createWriter(request, `${tag}-a`),
    await createWriter(request, `${tag}-b`),
  ];
  // The first is reading their account in a browser of their own.
  const elsewhere = await browser.newContext();
  const theirs = await elsewhere.newPage();
  await theirs.goto('/login?next=%2Faccount');
  await logIn(theirs, first.email, first.password);
  await expect(theirs).toHaveURL(/\/account/);

  await openAdmin(page, boss);
  await page.getByTestId('admin-menu').getByRole('link', { name: 'Users' }).click();
  const filters = page.getByTestId('user-filters');
  await filters.getByLabel('Search').fill(`E2E ${tag}`);
  await filters.getByRole('button', { name: 'Search', exact: true }).click();
  const rows = page.getByTestId('user-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows).toContainText([first.nickname, second.nickname].sort().reverse());
  await page.getByRole('checkbox', { name: 'Select every user on this page' }).check();
  await page.getByTestId('bulk-actions').getByRole('button', { name: 'Lock', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lock 2 users?' });
  await dialog.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByText('2 users locked.')).toBeVisible();
  await expect(rows.getByText('Locked')).toHaveCount(2);

  // The two, as the table shows them, in an Excel file that opens with their rows.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^folio-users-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const sheet = book.worksheets[0]!;
  expect(sheet.rowCount).toBe(3);
  const cells = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).map(String).join(' '));
  expect(cells.join('\n')).toContain(first.nickname);
  expect(cells.join('\n')).toContain(second.nickname);

  // Their session ended at once: the next page they open asks them to log in again.
  await theirs.reload();
  await expect(theirs).toHaveURL(/\/login/);
  const again = await request.get('/api/v1/me', { headers: second.headers });
  expect(again.status()).toBe(401);
  await elsewhere.close();
});

test('an admin renames the site, then resets the name to the server default', async ({
  page,
  request,
}, testInfo) => {
  await openAdmin(page, boss);
  try {
    await page.goto('/admin/settings');
    const name = page.getByLabel('Site name');
    await expect(name).toHaveValue('Folio');
    await expect(page.getByTestId('default-siteName')).toHaveText('Server default in use');
    await name.fill('Quill Works');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('The settings are saved.')).toBeVisible();
    await expect(page.getByTestId('default-siteName')).toContainText('Server default: Folio');
    await expect(page.getByRole('link', { name: 'Quill Works' }).first()).toBeVisible();
    await snap(page, testInfo, 'settings-stored');

    await page.getByRole('button', { name: 'Reset “Site name” to the server default' }).click();
    await expect(page.getByText('“Site name” is back to the server default.')).toBeVisible();
    await expect(name).toHaveValue('Folio');
    await expect(page.getByTestId('default-siteName')).toHaveText('Server default in use');
    const site = await request.get('/api/v1/site');
    expect(((await site.json()).data as { siteName: string }).siteName).toBe('Folio');
  } finally {
    await request.delete('/api/v1/admin/settings/siteName', { headers: boss.headers });
  }
});
