import { expect, test } from '@playwright/test';
import { pageHeading, signIn } from './support.js';

// Jo rebalances the team's work: Tom joins Gabriel's support for a while, then steps back; then,
// after a safeguarding concern, Jo restricts the record (and, reaching it only through the team,
// no longer sees it).
test('Jo allocates, ends an allocation and restricts a record with a reason', async ({ page }) => {
  await signIn(page, 'jo');
  await page.getByLabel('Search by name').fill('Gabriel');
  await page.getByRole('link', { name: 'Gabriel Costa' }).click();
  await expect(pageHeading(page)).toHaveText('Gabriel Costa');

  const allocation = page.getByRole('region', { name: 'Allocation' });
  await allocation.getByRole('button', { name: 'Allocate' }).click();
  await expect(allocation.getByText('Choose a colleague to allocate to.')).toBeVisible();
  await allocation.getByLabel('Allocate to…').selectOption({ label: 'Tom Murphy (Practitioner)' });
  await allocation.getByRole('button', { name: 'Allocate' }).click();
  await expect(allocation.getByText(/^Tom Murphy, since/)).toBeVisible();

  const tomsRow = allocation
    .locator('div')
    .filter({ hasText: /^Tom Murphy, since/ })
    .last();
  await tomsRow.getByRole('button', { name: 'End allocation' }).click();
  const confirm = page.getByRole('dialog', { name: 'End this allocation?' });
  await expect(confirm).toContainText('Gabriel Costa will no longer be on Tom Murphy’s caseload');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'End allocation' }).click();
  await expect(confirm).toBeHidden();
  await expect(allocation.getByText(/^Tom Murphy, since/)).toHaveCount(0);
  await expect(allocation.getByText(/^Sam Taylor, since/)).toBeVisible();

  const log = page.getByRole('region', { name: 'Who has opened this record' });
  // The demo's own set-up allocated Gabriel first; Jo's allocation and its ending follow.
  const jos = log.getByRole('row').filter({ hasText: 'Jo Bennett' });
  await expect(jos.filter({ hasText: 'Allocated' })).toHaveCount(1);
  await expect(jos.filter({ hasText: 'Ended an allocation' })).toHaveCount(1);

  const restriction = page.getByRole('region', { name: 'Restriction' });
  await restriction.getByRole('button', { name: 'Restrict this record' }).click();
  await restriction.getByLabel('Reason').fill('Too short');
  await restriction.getByRole('button', { name: 'Restrict this record' }).click();
  await expect(restriction.getByText('Say why you need this record, in at least 10 characters')).toBeVisible();
  await restriction.getByLabel('Reason').fill('A new address must not reach a family member who is a risk.');
  await restriction.getByRole('button', { name: 'Restrict this record' }).click();
  await expect(page.getByText('The record is now restricted, and it is no longer visible to you.')).toBeVisible();
});
