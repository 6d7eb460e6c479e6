import { expect, test } from '@playwright/test';
import {
  closeConnections,
  codeIn,
  createVerifiedUser,
  lastMessageId,
  linkIn,
  logIn,
  nextMessage,
  snap,
  solveCaptcha,
  uniqueEmail,
  uniquePhone,
} from '../support/accounts';

test.afterAll(closeConnections);

test('register by phone with the captcha and SMS code, log out, log back in', async ({
  page,
}, testInfo) => {
  const phone = uniquePhone();
  const password = 'a phone person’s password';

  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await page.getByTestId('phone-country').selectOption('CN');
  await page.getByLabel('Phone number').fill(phone.national);
  await solveCaptcha(page);
  await page.getByTestId('send-code').click();
  await expect(page.getByTestId('send-code')).toHaveText(/Resend in \d+ s/);
  await expect(page.getByTestId('send-code')).toBeDisabled();
  // The picture only guards sending: no unused one is left looking required.
  await expect(page.getByTestId('captcha-input')).toHaveCount(0);

  const sms = await nextMessage(phone.e164);
  expect(sms.channel).toBe('sms');
  await page.getByLabel('SMS code').fill(codeIn(sms));
  await page.getByLabel('Nickname').fill('Phone Person');
  await page.locator('input[name="password"]').fill(password);
  await snap(page, testInfo, 'register-phone');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/account$/);
  const userMenu = page.getByTestId('user-menu-toggle');
  await expect(userMenu).toContainText('Phone Person');
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await snap(page, testInfo, 'account-profile');

  // The access token lives in memory only: a reload comes back through the refresh cookie.
  await page.reload();
  await expect(userMenu).toContainText('Phone Person');
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();

  await userMenu.click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('guest-menu')).toBeVisible();
  // Logged out for real: the account pages now ask for a login.
  await page.goto('/account/security');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fsecurity$/);

  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await page.getByLabel('Email or phone').fill(`+86 ${phone.national}`);
  await page.locator('input[name="password"]').fill(password);
  await snap(page, testInfo, 'login');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();

  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  await expect(page.getByTestId('phone-card')).toContainText('+86 139');
  await snap(page, testInfo, 'account-security');
});

test('register by email and verify through the emailed link', async ({ page }, testInfo) => {
  const email = uniqueEmail('verify');

  await page.goto('/register');
  await page.getByRole('tab', { name: 'Email' }).click();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Nickname').fill('Mail Person');
  await page.locator('input[name="password"]').fill('a mail person’s password');
  await solveCaptcha(page);
  await snap(page, testInfo, 'register-email');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await expect(page.getByTestId('check-inbox')).toContainText(email);
  // Not logged in until the address is proven.
  await expect(page.getByTestId('guest-menu')).toBeVisible();

  const mail = await nextMessage(email);
  expect(mail.channel).toBe('email');
  await page.goto(linkIn(mail, '/verify-email'));
  await expect(page.getByTestId('verify-success')).toContainText('Mail Person');
  await expect(page.getByTestId('user-menu-toggle')).toContainText('Mail Person');
  await snap(page, testInfo, 'verify-email');

  // A link works once; opened again by its owner, still logged in, it says the address is verified.
  await page.goto(linkIn(mail, '/verify-email'));
  await expect(page.getByTestId('verify-already')).toContainText(email);
  await expect(page.getByTestId('verify-failed')).toHaveCount(0);
  await snap(page, testInfo, 'verify-email-again');
});

test('forgot and reset a password through the emailed link', async ({
  page,
  request,
}, testInfo) => {
  const user = await createVerifiedUser(request, 'reset');
  const newPassword = 'a brand new password';
  const before = await lastMessageId(user.email);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('Email or phone').fill(user.email);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('forgot-sent')).toContainText(user.email);
  await snap(page, testInfo, 'forgot-password');

  const mail = await nextMessage(user.email, before);
  await page.goto(linkIn(mail, '/reset-password'));
  await expect(
    page.getByRole('heading', { level: 1, name: 'Choose a new password' }),
  ).toBeVisible();
  await page.getByLabel('New password').fill(newPassword);
  await snap(page, testInfo, 'reset-password');
  await page.getByRole('button', { name: 'Set password' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Your password is changed. Log in with it.')).toBeVisible();
  await logIn(page, user.email, user.password);
  await expect(page.getByTestId('login-error')).toHaveText('The account or password is wrong.');
  await logIn(page, user.email, newPassword);
  await expect(page.getByTestId('user-menu-toggle')).toContainText(user.nickname);
});

test('a session revoked from another browser is logged out', async ({
  page,
  browser,
  request,
}, testInfo) => {
  const user = await createVerifiedUser(request, 'revoke');

  await page.goto('/login?next=%2Faccount');
  await logIn(page, user.email, user.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();

  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto('/login?next=%2Faccount%2Fsessions');
    await logIn(second, user.email, user.password);
    await expect(second.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
    const sessions = second.getByTestId('session');
    await expect(sessions).toHaveCount(2);
    await expect(second.locator('[data-testid="session"][data-current]')).toContainText(
      'This device',
    );
    await snap(second, testInfo, 'account-sessions');

    await second.getByTestId('revoke-session').click();
    await expect(second.getByText('That session is logged out.')).toBeVisible();
    await expect(sessions).toHaveCount(1);
  } finally {
    await other.close();
  }

  // The first browser's next move inside the account meets a dead session.
  await page.getByRole('navigation', { name: 'Account settings' }).getByText('Sessions').click();
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fsessions$/);
  await expect(page.getByText('Your session has ended; please log in again.')).toBeVisible();
  await expect(page.getByTestId('guest-menu')).toBeVisible();
});
