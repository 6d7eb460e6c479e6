import { expect, test } from '@playwright/test';
import { closeConnections } from '../support/accounts';
import { createWriter, writeBlog } from '../support/writing';

test.afterAll(closeConnections);

test('a scheduled blog appears on the home page and its own page only after its time', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const writer = await createWriter(request, 'sched');
  const title = `Scheduled ${Date.now().toString(36)}`;
  const at = Date.now() + 10_000;
  const id = await writeBlog(request, writer, {
    title,
    content: 'Comes out later.',
    status: 'published',
    pubDate: new Date(at).toISOString(),
  });

  await page.goto('/');
  const latest = page.getByTestId('latest-blogs');
  await expect(latest.getByRole('link').first()).toBeVisible();
  await expect(latest.getByText(title)).toHaveCount(0);
  await page.goto(`/blogs/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toHaveCount(0);
  // Both looks happened before the publication time, or they prove nothing.
  expect(Date.now()).toBeLessThan(at);

  await expect
    .poll(
      async () => {
        await page.goto('/');
        await expect(latest.getByRole('link').first()).toBeVisible();
        return latest.getByText(title).count();
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(1);
  expect(Date.now()).toBeGreaterThanOrEqual(at);
  await latest.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Comes out later.')).toBeVisible();
});
