import { expect, test } from '@playwright/test';
import { apiAs, attachScreenshot, csrfTokenOf, expectAccessible, pageHeading, signIn } from './support.js';

// Morgan, a manager, sees everyone, a page at a time, and looks after their own account.
test('Morgan pages through everyone, then is told why a new password is refused', async ({ page }, testInfo) => {
  await signIn(page, 'morgan');
  await expect(pageHeading(page)).toHaveText('My caseload');
  await expect(page.getByText(/^\d+ people$/)).toBeVisible();
  const pages = page.getByRole('navigation', { name: 'Pages of people' });
  await pages.getByRole('button', { name: 'Page 2' }).click();
  await expect(pages.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('list', { name: 'People' }).getByRole('listitem')).toHaveCount(25);

  // The "My people" switch: a manager has nobody allocated.
  await page.getByText('My people').click();
  await expect(page.getByText('Nobody is allocated to you yet.', { exact: false })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await expect(pageHeading(page)).toHaveText('Account');
  await expect(page.getByRole('region', { name: 'Where you are signed in' }).getByText('This device')).toBeVisible();

  const password = page.getByRole('region', { name: 'Change your password' });
  await password.getByLabel('Current password').fill('rapport-demo-e2e');
  await password.getByLabel('New password').fill('password123');
  await password.getByRole('button', { name: 'Change password' }).click();
  const newPassword = password.getByLabel('New password');
  await expect(newPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(password.getByText('This password is too common')).toBeVisible();
  await expect(newPassword).toBeFocused();

  // Setting up an authenticator app shows the key in groups of four (not confirmed here).
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByText(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open in an authenticator app' })).toHaveAttribute('href', /^otpauth:/);
  await expectAccessible(page, testInfo, 'account');
  await attachScreenshot(page, testInfo, 'account');

  // Elsewhere, Morgan signs out of all other devices: this browser's next request is refused, and
  // it goes back to the sign-in page with nothing of Morgan's work left on screen.
  const elsewhere = await apiAs('morgan');
  const ended = await elsewhere.post('/api/auth/sessions/end-others', {
    headers: { 'x-csrf-token': await csrfTokenOf(elsewhere) },
  });
  expect(ended.status()).toBe(200);
  await elsewhere.dispose();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My caseload' }).click();
  await expect(pageHeading(page)).toHaveText('Sign in');
  await expect(page.getByText('Your session has ended. Sign in again to carry on.')).toBeVisible();
});

// Sam adds their visits and promise dates to a phone calendar: the link is shown once, the feed
// carries initials and links only, and stopping the link cuts it off.
test('Sam makes a calendar link, the feed holds no names, and stopping it cuts it off', async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, 'sam');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  const section = page.getByRole('region', { name: 'Your calendar link' });
  await expect(section.getByText('Off', { exact: true })).toBeVisible();
  await section.getByRole('button', { name: 'Make a calendar link' }).click();
  const url = (await section.getByTestId('calendar-url').textContent())!.trim();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
  await expect(section.getByText('On', { exact: true })).toBeVisible();
  await expectAccessible(page, testInfo, 'account-calendar');

  const feed = await request.get(new URL(url).pathname);
  expect(feed.status()).toBe(200);
  const body = (await feed.text()).replace(/\r\n[ \t]/g, '');
  expect(body).toContain('BEGIN:VCALENDAR');
  expect(body).toMatch(
    /SUMMARY:(Home visit|Office meeting|Phone call|Video call|Your promise is due|A promise to you is due)/,
  );
  // Sam's demo people by name: none appear in the feed.
  for (const name of ['Amara', 'Okonkwo', 'Leah', 'Fraser']) {
    expect(body).not.toContain(name);
  }

  await section.getByRole('button', { name: 'Stop the link' }).click();
  await expect(section.getByText('Off', { exact: true })).toBeVisible();
  expect((await request.get(new URL(url).pathname)).status()).toBe(404);
});
