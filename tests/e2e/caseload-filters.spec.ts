import { expect, test } from '@playwright/test';
import { apiAs, expectAccessible, pageHeading, personIdByName, signIn } from './support.js';

test('Sam filters to the people he opened recently; the search hint says any name works', async ({ page }) => {
  const sam = await apiAs('sam');
  const freyaId = await personIdByName(sam, 'Freya Morris');
  expect((await sam.get(`/api/people/${freyaId}`)).status()).toBe(200);
  await sam.dispose();

  await signIn(page, 'sam');
  await expect(pageHeading(page)).toHaveText('My caseload');
  await expect(page.getByText('Any name they use works')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'My people' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Everyone I can see' })).toHaveCount(0);
  await page.getByText('Recently opened').click();
  await expect(page.getByRole('radio', { name: 'Recently opened' })).toBeChecked();
  await expect(page.getByRole('list', { name: 'People' }).getByRole('link', { name: 'Freya Morris' })).toBeVisible();
});

test('Morgan, a manager, looks at one team’s people at a time', async ({ page }, testInfo) => {
  await signIn(page, 'morgan');
  for (const name of ['My people', 'A team', 'Recently opened', 'Everyone I can see']) {
    await expect(page.getByRole('radio', { name })).toHaveCount(1);
  }
  await page.getByText('A team', { exact: true }).click();
  const team = page.getByLabel('Team', { exact: true });
  await expect(team).toBeVisible();
  await team.selectOption({ label: 'South' });
  const people = page.getByRole('list', { name: 'People' });
  // Ben Hughes is Alex's (South); Amara Okonkwo is Sam's (North).
  await page.getByLabel('Search by name').fill('Ben Hughes');
  await expect(people.getByRole('link', { name: 'Ben Hughes' })).toBeVisible();
  await page.getByLabel('Search by name').fill('Amara');
  await expect(page.getByText('Nobody matches that search.')).toBeVisible();
  await team.selectOption({ label: 'North' });
  await expect(people.getByRole('link', { name: 'Amara Okonkwo' })).toBeVisible();
  await expectAccessible(page, testInfo, 'caseload-manager-team');
});
