import { expect, test } from '@playwright/test';
import { attachScreenshot, expectAccessible, pageHeading, signIn } from './support.js';

// Sam, a practitioner in the North team, starts the day: the caseload, a search, a record.
test('Sam signs in, finds a person on the caseload and opens the record', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(pageHeading(page)).toHaveText('Sign in');
  await expect(page).toHaveTitle('Sign in · Rapport');
  await expectAccessible(page, testInfo, 'sign-in');
  await attachScreenshot(page, testInfo, 'sign-in');

  await signIn(page, 'sam');
  await expect(pageHeading(page)).toHaveText('My caseload');
  await expect(page.getByRole('banner').getByText('Sam Taylor · Practitioner')).toBeVisible();
  const people = page.getByRole('list', { name: 'People' });
  await expect(people.getByRole('listitem')).toHaveCount(21);

  // The restricted record is on Sam's caseload (Sam is allocated), marked as such.
  const leah = people.getByRole('listitem').filter({ hasText: 'Leah Fraser' });
  await expect(leah.getByText('Restricted')).toBeVisible();
  // The skip link appears when focused and takes keyboard users past the navigation.
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await skip.focus();
  await expect(skip).toBeInViewport();
  await skip.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expectAccessible(page, testInfo, 'caseload');
  await attachScreenshot(page, testInfo, 'caseload');

  // The search narrows the list, and the search text stays out of the address bar.
  await page.getByLabel('Search by name').fill('Grace');
  await expect(people.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('1 person matches')).toBeVisible();
  expect(page.url()).not.toContain('Grace');

  await people.getByRole('link', { name: 'Grace Mensah' }).click();
  await expect(pageHeading(page)).toHaveText('Grace Mensah');
  await expect(pageHeading(page)).toBeFocused();
  await expect(page.getByText('You see this record because Grace is allocated to you.')).toBeVisible();
  await expect(page.getByText('Sam Taylor, since')).toBeVisible();
  // A practitioner does not get the supervisor's tools.
  await expect(page.getByRole('heading', { name: 'Who has opened this record' })).toHaveCount(0);
  // The document title stays generic: titles end up in the browser's history.
  await expect(page).toHaveTitle('Person’s record · Rapport');
  await expectAccessible(page, testInfo, 'person');
  await attachScreenshot(page, testInfo, 'person');
});
