import { expect, test } from '@playwright/test';
import {
  apiAs,
  attachScreenshot,
  csrfTokenOf,
  expectAccessible,
  openPerson,
  patchProfileAs,
  personIdByName,
  signIn,
} from './support.js';

const address = 'Flat 3, Haven House, 1 Refuge Road';

// Oscar's address is a refuge: Sam (allocated) sees it; Jo (supervisor) must say why.
test.beforeAll(async () => {
  const sam = await apiAs('sam');
  const oscarId = await personIdByName(sam, 'Oscar Jenkins');
  await patchProfileAs(sam, oscarId, { phone: '07700 900777', address });
  const restricted = await sam.put(`/api/people/${oscarId}/contact-details/restriction`, {
    data: { restricted: true, reason: 'Moved to a refuge; the address must not reach his father.' },
    headers: { 'x-csrf-token': await csrfTokenOf(sam) },
  });
  expect(restricted.status()).toBe(200);
  // Someone in his network whose number is restricted too.
  const member = await sam.post(`/api/people/${oscarId}/network`, {
    data: {
      name: 'Haven House key worker',
      relationship: 'my key worker at the refuge',
      sector: 'housing',
      strength: 'strong',
      support: 'to_person',
      phone: '07700 900888',
      contactRestricted: true,
    },
    headers: { 'x-csrf-token': await csrfTokenOf(sam) },
  });
  expect(member.status()).toBe(201);
  await sam.dispose();
});

test('Jo sees restricted contact details as hidden and must give a reason to show them', async ({ page }, testInfo) => {
  await signIn(page, 'jo');
  await openPerson(page, 'Oscar', 'Oscar Jenkins');
  const contact = page.getByRole('region', { name: 'Contact details' });
  await expect(contact.getByText('Restricted', { exact: true })).toBeVisible();
  await expect(contact).toContainText('hidden from you');
  await expect(contact).not.toContainText('Refuge Road');
  await expect(page.locator('body')).not.toContainText('Refuge Road');
  await expectAccessible(page, testInfo, 'contact-hidden');

  await contact.getByRole('button', { name: 'Show contact details' }).click();
  const reason = contact.getByLabel('Why do you need these details?');
  await reason.fill('Visit');
  await contact.getByRole('button', { name: 'Show contact details' }).click();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(contact.getByText('Say why you need these details, in at least 10 characters')).toBeVisible();
  await reason.fill('Covering Sam’s visit tomorrow; I need to know where to meet him.');
  await contact.getByRole('button', { name: 'Show contact details' }).click();
  await expect(contact.getByText(address)).toBeVisible();
  await expect(contact.getByText('Shown because you gave a reason.')).toBeVisible();
  await attachScreenshot(page, testInfo, 'contact-revealed');

  // A network member's restricted number: hidden too, until Jo says why.
  await page.getByRole('tab', { name: 'Network' }).click();
  const keyWorker = page.getByTestId('network-member').filter({ hasText: 'Haven House key worker' });
  await expect(keyWorker).toContainText('Their contact details are hidden.');
  await expect(keyWorker).not.toContainText('900888');
  await keyWorker.getByRole('button', { name: 'Show contact details' }).click();
  await keyWorker.getByLabel('Why do you need these details?').fill('Arranging a joint visit with the refuge.');
  await keyWorker.getByRole('button', { name: 'Show contact details' }).click();
  await expect(keyWorker).toContainText('07700 900888');
  await expectAccessible(page, testInfo, 'network-member-revealed');

  // The history shows that the details changed, not what they are.
  await page.getByRole('tab', { name: 'History' }).click();
  const changes = page.getByRole('list', { name: 'Changes, newest first' });
  await expect(changes.getByText(/changed Address from \(hidden\) to \(hidden\)/)).toBeVisible();
  await expect(changes).not.toContainText('Refuge Road');
});

test('Sam, allocated to Oscar, sees the restricted contact details straight away', async ({ page }) => {
  await signIn(page, 'sam');
  await openPerson(page, 'Oscar', 'Oscar Jenkins');
  const contact = page.getByRole('region', { name: 'Contact details' });
  await expect(contact.getByText('Restricted', { exact: true })).toBeVisible();
  await expect(contact.getByText(address)).toBeVisible();
  await expect(contact.getByRole('button', { name: 'Show contact details' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Network' }).click();
  await expect(page.getByTestId('network-member').filter({ hasText: 'Haven House key worker' })).toContainText(
    '07700 900888',
  );
});
