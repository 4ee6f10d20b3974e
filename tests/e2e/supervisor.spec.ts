import { expect, test } from '@playwright/test';
import { apiAs, attachScreenshot, expectAccessible, pageHeading, personIdByName, signIn } from './support.js';

// Jo supervises the North team: who has opened a record, and who used emergency access.
test('Jo sees who opened a record, the emergency-access notification and the access review', async ({
  page,
}, testInfo) => {
  // Earlier, Sam opened Iman Yusuf's record.
  const sam = await apiAs('sam');
  const imanId = await personIdByName(sam, 'Iman Yusuf');
  expect((await sam.get(`/api/people/${imanId}`)).status()).toBe(200);
  await sam.dispose();

  await signIn(page, 'jo');
  await expect(pageHeading(page)).toHaveText('My caseload');
  await expect(page.getByRole('radio', { name: 'Everyone I can see' })).toBeChecked();
  await page.getByLabel('Search by name').fill('Iman');
  await page.getByRole('link', { name: 'Iman Yusuf' }).click();
  await expect(pageHeading(page)).toHaveText('Iman Yusuf');
  await expect(page.getByText('You see this record through your team.')).toBeVisible();

  const log = page.getByRole('region', { name: 'Who has opened this record' });
  await expect(log.getByRole('table')).toBeVisible();
  const samsVisit = log.getByRole('row').filter({ hasText: 'Sam Taylor' }).filter({ hasText: 'Opened the record' });
  await expect(samsVisit).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Allocation' })).toBeVisible();
  await expectAccessible(page, testInfo, 'person-supervisor');
  await attachScreenshot(page, testInfo, 'person-supervisor');

  // The notification about Alex's emergency access to one of Priya's people.
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link', { name: /^Notifications \(\d+ unread\)$/ })).toBeVisible();
  await navigation.getByRole('link', { name: /Notifications/ }).click();
  await expect(pageHeading(page)).toHaveText('Notifications');
  const notification = page
    .getByRole('listitem')
    .filter({ hasText: 'Alex Kowalski used emergency access to Aaron Gill' });
  await expect(notification).toBeVisible();
  await expect(notification.getByText('Out-of-hours call from the police')).toBeVisible();
  await expectAccessible(page, testInfo, 'notifications');
  await attachScreenshot(page, testInfo, 'notifications');
  await notification.getByRole('button', { name: 'Mark as read' }).click();
  await expect(notification.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);

  await navigation.getByRole('link', { name: 'Access review' }).click();
  await expect(pageHeading(page)).toHaveText('Access review');
  const review = page.getByRole('listitem').filter({ hasText: 'Alex Kowalski opened Aaron Gill’s record' });
  await expect(review).toBeVisible();
  await expect(review.getByText(/Reason: “Out-of-hours call/)).toBeVisible();
  await expectAccessible(page, testInfo, 'access-review');
  await attachScreenshot(page, testInfo, 'access-review');
});
