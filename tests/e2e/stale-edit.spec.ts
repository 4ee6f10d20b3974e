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

// Sam edits Vincent's profile while a colleague (here: Sam on another device) saves first.
test('A stale profile edit keeps the typed text and saves after loading the latest version', async ({
  page,
}, testInfo) => {
  const elsewhere = await apiAs('sam');
  const vincentId = await personIdByName(elsewhere, 'Vincent Ogunleye');

  await signIn(page, 'sam');
  await openPerson(page, 'Vincent', 'Vincent Ogunleye');
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Preferred language').fill('Yoruba');
  await page.getByLabel('Best times to get in touch').fill('Weekday mornings, before his shift');

  // Meanwhile, from another screen, the pronouns and the language are saved.
  await patchProfileAs(elsewhere, vincentId, { pronouns: 'he/they', preferredLanguage: 'Edo' });

  await page.getByRole('button', { name: 'Save profile' }).click();
  const stale = page.getByRole('alert').filter({ hasText: 'Someone else saved changes' });
  await expect(stale).toContainText('Nothing you typed is lost');
  // The message comes into view with the keyboard on its button: the save button was far below.
  await expect(stale.getByRole('button', { name: 'Load the latest version' })).toBeFocused();
  await expect(stale).toBeInViewport();
  await expect(page.getByLabel('Preferred language')).toHaveValue('Yoruba');
  await expect(page.getByLabel('Best times to get in touch')).toHaveValue('Weekday mornings, before his shift');
  await expectAccessible(page, testInfo, 'stale-edit');
  await attachScreenshot(page, testInfo, 'stale-edit');

  await stale.getByRole('button', { name: 'Load the latest version' }).click();
  const loaded = page.getByRole('status').filter({ hasText: 'Latest version loaded' });
  await expect(loaded).toContainText('Pronouns');
  await expect(loaded).toContainText('Preferred language: you changed this too, and your version is kept');
  // Their change is in the form; the typed text is still on top.
  await expect(page.getByLabel('Pronouns')).toHaveValue('he/they');
  await expect(page.getByLabel('Preferred language')).toHaveValue('Yoruba');
  await expect(page.getByLabel('Pronouns')).toHaveAccessibleDescription('Someone else changed this: check it.');
  await attachScreenshot(page, testInfo, 'stale-edit-loaded');

  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await expect(page.getByText(/he\/they · .*Speaks Yoruba/)).toBeVisible();

  const saved = (await (await elsewhere.get(`/api/people/${vincentId}`)).json()) as Record<string, unknown>;
  expect(saved).toMatchObject({
    pronouns: 'he/they',
    preferredLanguage: 'Yoruba',
    bestTimes: 'Weekday mornings, before his shift',
  });
  await elsewhere.dispose();
});

test('A stale edit of a tie is handled the same way', async ({ page }) => {
  const elsewhere = await apiAs('sam');
  const vincentId = await personIdByName(elsewhere, 'Vincent Ogunleye');
  const token = await csrfTokenOf(elsewhere);
  const created = await elsewhere.post(`/api/people/${vincentId}/network`, {
    data: { name: 'Grace Ogunleye', relationship: 'my sister', sector: 'family', strength: 'strong', support: 'both' },
    headers: { 'x-csrf-token': token },
  });
  expect(created.status()).toBe(201);
  const member = (await created.json()) as { id: string; version: number };

  await signIn(page, 'sam');
  await openPerson(page, 'Vincent', 'Vincent Ogunleye');
  await page.getByRole('tab', { name: 'Network' }).click();
  await page
    .getByTestId('network-member')
    .filter({ hasText: 'Grace Ogunleye' })
    .getByRole('button', { name: 'Edit Grace Ogunleye' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit Grace Ogunleye' });
  await dialog.getByLabel('Notes').fill('Visits every Sunday after church.');

  const changed = await elsewhere.patch(`/api/people/${vincentId}/network/${member.id}`, {
    data: { strength: 'tenuous' },
    headers: { 'if-match': `"${member.version}"`, 'x-csrf-token': token },
  });
  expect(changed.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Save changes' }).click();
  const stale = dialog.getByRole('alert').filter({ hasText: 'Someone else saved changes' });
  await expect(stale).toBeVisible();
  await expect(dialog.getByLabel('Notes')).toHaveValue('Visits every Sunday after church.');
  await stale.getByRole('button', { name: 'Load the latest version' }).click();
  await expect(dialog.getByRole('status')).toContainText('How strong the tie is');
  await expect(dialog.getByRole('radio', { name: 'Tenuous tie' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByTestId('network-member').filter({ hasText: 'Grace Ogunleye' });
  await expect(card).toContainText('Visits every Sunday after church.');
  await expect(card).toContainText('Tenuous tie');
  await elsewhere.dispose();
});
