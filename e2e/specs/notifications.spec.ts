import { expect, test } from '@playwright/test';
import { closeConnections, removeWriter, snap } from '../support/accounts';
import { createWriter, writeBlog } from '../support/writing';

/** The writer whose blog is commented on, taken off the site after (its comments go with it). */
let owner: { token: string; userId: number } | undefined;

test.afterEach(async ({ request }) => {
  if (owner) await removeWriter(request, owner.token, owner.userId);
  owner = undefined;
});

test.afterAll(closeConnections);

test('the bell counts a reply pushed over the stream without a reload, and the page lists it', async ({
  page,
  request,
}, testInfo) => {
  const writer = await createWriter(request, 'bell');
  const title = `Notes for the bell ${Date.now().toString(36)}`;
  const blogId = await writeBlog(request, writer, {
    title,
    content: 'Anyone there?',
    status: 'published',
  });
  const answer = await page.request.post('/api/v1/auth/login', {
    data: { account: writer.email, password: writer.password },
  });
  expect(answer.ok(), await answer.text()).toBe(true);
  const { accessToken, user } = (await answer.json()).data as {
    accessToken: string;
    user: { id: number };
  };
  owner = { token: accessToken, userId: user.id };
  const mine = await request.post(`/api/v1/blogs/${blogId}/comments`, {
    headers: writer.headers,
    data: { body: 'First!' },
  });
  expect(mine.status(), await mine.text()).toBe(201);
  const parentId = ((await mine.json()).data as { id: number }).id;

  const streamOpen = page.waitForResponse(
    (r) => r.url().includes('/api/v1/events?') && r.status() === 200,
  );
  await page.goto('/blogs');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName('Notifications');
  await streamOpen;

  // Someone else answers the writer's comment: a reply, stored and pushed to the writer.
  const other = await createWriter(request, 'replier');
  const replied = await request.post(`/api/v1/blogs/${blogId}/comments`, {
    headers: other.headers,
    data: { body: 'Well said', parentId },
  });
  expect(replied.status(), await replied.text()).toBe(201);
  const replyId = ((await replied.json()).data as { id: number }).id;

  await expect(page.getByTestId('notification-count')).toHaveText('1');
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await expect(
    page.getByText(`${other.nickname} replied to you on “${title}”`).first(),
  ).toBeVisible();
  await snap(page, testInfo, 'bell-desktop');

  await bell.click();
  await expect(page).toHaveURL(/\/me\/notifications$/);
  const row = page.getByTestId('notification');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link')).toHaveAttribute(
    'href',
    `/blogs/${blogId}#comment-${replyId}`,
  );
  await snap(page, testInfo, 'notifications-desktop');

  await page.setViewportSize({ width: 375, height: 740 });
  await snap(page, testInfo, 'notifications-phone');
  await page.getByTestId('menu-toggler').click();
  await expect(page.getByTestId('menu').getByTestId('notification-bell')).toBeVisible();
  await snap(page, testInfo, 'bell-phone-menu');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('menu')).toBeHidden();

  await page.getByTestId('mark-all-read').click();
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  await expect(row).toHaveAttribute('data-read', 'true');
});
