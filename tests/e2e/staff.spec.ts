import { expect, test } from '@playwright/test';
import { attachScreenshot, expectAccessible, pageHeading, signIn } from './support.js';

// Robin, the administrator, adds a colleague and a team, and never sees case records.
test('The administrator adds a member of staff and a team', async ({ page }, testInfo) => {
  await signIn(page, 'admin');
  await expect(pageHeading(page)).toHaveText('Welcome to Rapport');
  await expect(page.getByText('Administrators manage staff and teams and do not see case records')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My caseload' })).toHaveCount(
    0,
  );

  await page.getByRole('link', { name: 'Go to Staff and teams' }).click();
  await expect(pageHeading(page)).toHaveText('Staff and teams');
  const staffList = page.getByRole('region', { name: /members of staff/ });
  await expect(staffList.getByText('Sam Taylor')).toBeVisible();

  const form = page.getByRole('region', { name: 'Add a member of staff' });
  await form.getByRole('button', { name: 'Add member of staff' }).click();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Name').fill('Casey Morgan-Lewis');
  await form.getByLabel('Email address').fill('casey@demo.rapport.test');
  await form.getByLabel('Role').selectOption('practitioner');
  await form.getByRole('textbox', { name: 'First password' }).fill('a kettle, two owls and rain');
  await form.getByRole('checkbox', { name: 'North' }).check();
  await form.getByRole('button', { name: 'Add member of staff' }).click();
  await expect(form.getByText('Casey Morgan-Lewis can now sign in.')).toBeVisible();
  await expect(
    page.getByRole('region', { name: /members of staff/ }).getByText('casey@demo.rapport.test'),
  ).toBeVisible();

  const teams = page.getByRole('region', { name: 'Teams' });
  await teams.getByLabel('New team name').fill('Duty');
  await teams.getByRole('button', { name: 'Add team' }).click();
  await expect(teams.getByText('Duty', { exact: true })).toBeVisible();
  await expectAccessible(page, testInfo, 'staff');
  await attachScreenshot(page, testInfo, 'staff');
});
