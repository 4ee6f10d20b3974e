import { expect, test } from '@playwright/test';
import { attachScreenshot, pageHeading, signIn } from './support.js';

// Sam is called away with a record on the screen (SECURITY.md check 4).
test('After 30 minutes without activity the record leaves the screen and Sam is signed out', async ({
  page,
}, testInfo) => {
  await page.clock.install();
  await signIn(page, 'sam');
  await page.getByLabel('Search by name').fill('Olivia');
  await page.getByRole('link', { name: 'Olivia Sandu' }).click();
  await expect(pageHeading(page)).toHaveText('Olivia Sandu');

  // Two minutes before the limit, a warning.
  await page.clock.fastForward('28:05');
  const warning = page.getByRole('dialog', { name: 'Are you still there?' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('You will be signed out in 2 minutes to protect people’s information.');
  await attachScreenshot(page, testInfo, 'idle-warning');

  // Nobody answers.
  await page.clock.fastForward('02:05');
  await expect(pageHeading(page)).toHaveText('Sign in');
  await expect(page.getByText('You were signed out after 30 minutes without activity.')).toBeVisible();
  expect(await page.content()).not.toContain('Olivia');
  await attachScreenshot(page, testInfo, 'signed-out');

  // The server session is over too: going back does not bring the record back.
  await page.goBack();
  await expect(pageHeading(page)).toHaveText('Sign in');
  expect(await page.content()).not.toContain('Olivia');
});

test('“Stay signed in” keeps the session', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'sam');
  await page.clock.fastForward('28:05');
  const warning = page.getByRole('dialog', { name: 'Are you still there?' });
  await warning.getByRole('button', { name: 'Stay signed in', exact: true }).click();
  await expect(warning).toBeHidden();
  await page.clock.fastForward('05:00');
  await expect(pageHeading(page)).toHaveText('My caseload');
});
