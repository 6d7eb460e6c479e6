import { expect, test } from '@playwright/test';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import { E2E_DATABASE_URL, E2E_REDIS_URL } from '../playwright.config';
import { closeConnections, createVerifiedUser, snap } from '../support/accounts';

test.afterAll(closeConnections);

/**
 * Comments are not on this branch, so nothing on the site makes a notification yet. The spec
 * does what `notifications.notify` does (stores the row, drops the person's cached counts,
 * publishes it on the channel every API process listens to): from there on the push, the ticket,
 * the stream, the bell and the page are the real ones.
 */
test('the bell counts a new notification without a reload, and the page lists it', async ({
  page,
  request,
}, testInfo) => {
  const { email, password, nickname } = await createVerifiedUser(request, 'bell');
  const db = mysql.createPool({ uri: E2E_DATABASE_URL, connectionLimit: 1 });
  const redis = new Redis(E2E_REDIS_URL);
  try {
    const answer = await page.request.post('/api/v1/auth/login', {
      data: { account: email, password },
    });
    expect(answer.ok(), await answer.text()).toBe(true);
    const userId = ((await answer.json()).data as { user: { id: number } }).user.id;

    const streamOpen = page.waitForResponse(
      (r) => r.url().includes('/api/v1/events?') && r.status() === 200,
    );
    await page.goto('/blogs');
    const bell = page.getByTestId('notification-bell');
    await expect(bell).toHaveAccessibleName('Notifications');
    await streamOpen;

    const [[blog]] = (await db.query(
      "SELECT id, title FROM blogs WHERE status = 'published' AND deleted_at IS NULL ORDER BY id LIMIT 1",
    )) as unknown as [{ id: number; title: string }[]];
    const [inserted] = (await db.query(
      "INSERT INTO notifications (user_id, type, actor_id, blog_id, comment_id, excerpt) VALUES (?, 'reply', ?, ?, 77, 'Well said')",
      [userId, userId, blog!.id],
    )) as unknown as [{ insertId: number }];
    const id = inserted.insertId;
    const database = new URL(E2E_DATABASE_URL).pathname.slice(1);
    // What notify does after storing: the person's cached counts are dropped (lib/count-cache).
    await redis.incr(`cache:${database}:ver:notifications:${userId}`);
    await redis.publish(
      `live:${database}`,
      JSON.stringify({
        userId,
        event: 'notification',
        id,
        data: {
          id,
          type: 'reply',
          blogId: blog!.id,
          commentId: 77,
          actor: { id: userId, nickname },
          blog: { id: blog!.id, title: blog!.title },
          excerpt: 'Well said',
          createdAt: new Date().toISOString(),
          unread: 1,
        },
      }),
    );

    await expect(page.getByTestId('notification-count')).toHaveText('1');
    await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
    await expect(
      page.getByText(`${nickname} replied to you on “${blog!.title}”`).first(),
    ).toBeVisible();
    await snap(page, testInfo, 'bell-desktop');

    await bell.click();
    await expect(page).toHaveURL(/\/me\/notifications$/);
    const row = page.getByTestId('notification');
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('link')).toHaveAttribute('href', `/blogs/${blog!.id}#comment-77`);
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
  } finally {
    redis.disconnect();
    await db.end();
  }
});
