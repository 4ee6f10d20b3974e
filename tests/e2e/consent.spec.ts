import { expect, test } from '@playwright/test';
import {
  apiAs,
  attachScreenshot,
  csrfTokenOf,
  expectAccessible,
  openPerson,
  personIdByName,
  signIn,
} from './support.js';

// Wiktoria agreed, last winter, that her school could be kept up to date until the spring.
test('A grant whose end date has passed reads as expired, not granted', async ({ page }, testInfo) => {
  await signIn(page, 'sam');
  await openPerson(page, 'Wiktoria', 'Wiktoria Zielinska');
  await page.getByRole('tab', { name: 'Consent' }).click();
  const form = page.getByRole('region', { name: 'Record a decision' });
  await form.getByRole('radio', { name: 'An organisation' }).check();
  await form.getByLabel('Organisation’s name').fill('Riverside Academy');
  await form.getByLabel('What for').selectOption({ label: 'Share updates on how things are going' });
  await form.getByRole('radio', { name: /^Granted/ }).check();
  await form.getByLabel('Decided on').fill('2025-01-10');
  await form.getByLabel('Until (optional)').fill('2025-04-01');
  await form.getByLabel(/^How .* gave it/).selectOption({ label: 'On an easy-read form' });
  await form.getByRole('button', { name: 'Record decision' }).click();
  await expect(form.getByRole('status')).toHaveText('The decision is recorded.');

  const current = page.getByRole('region', { name: 'What holds now' }).getByTestId('consent-current');
  const school = current.filter({ hasText: 'Riverside Academy' });
  await expect(school).toHaveAttribute('data-status', 'expired');
  await expect(school).toContainText('Expired — not granted');
  await expect(school).toContainText('ask again before sharing');
  await expect(school).not.toContainText(/^Granted/);
  const history = page.getByRole('region', { name: 'Every decision, newest first' });
  await expect(history.getByRole('listitem').filter({ hasText: 'Riverside Academy' })).toContainText(
    'Granted. Riverside Academy, Share updates on how things are going.',
  );
  await expectAccessible(page, testInfo, 'consent-expired');
  await attachScreenshot(page, testInfo, 'consent-expired');
});

// A letter needs consent: without it, Sam is told why and sent to record the decision.
test('Writing a letter asks for consent first, then prints only the letter', async ({ page }, testInfo) => {
  const sam = await apiAs('sam');
  const wiktoriaId = await personIdByName(sam, 'Wiktoria Zielinska');
  const created = await sam.post(`/api/people/${wiktoriaId}/network`, {
    data: { name: 'Ewa Zielinska', relationship: 'my mum', sector: 'family', strength: 'strong', support: 'to_person' },
    headers: { 'x-csrf-token': await csrfTokenOf(sam) },
  });
  expect(created.status()).toBe(201);
  await sam.dispose();

  await signIn(page, 'sam');
  await openPerson(page, 'Wiktoria', 'Wiktoria Zielinska');
  await page.getByRole('tab', { name: 'Network' }).click();
  const ewa = page.getByTestId('network-member').filter({ hasText: 'Ewa Zielinska' });
  await expect(ewa.getByText('Shares updates')).toHaveCount(0);
  await ewa.getByRole('button', { name: 'Write a letter to Ewa Zielinska' }).click();
  const letter = page.getByRole('dialog', { name: 'Letter to Ewa Zielinska' });
  await letter.getByRole('button', { name: 'Write the letter' }).click();
  await expect(letter.getByRole('alert')).toContainText('Consent needed first');
  await letter.getByRole('link', { name: 'Go to Consent to share' }).click();

  // The consent form opens with Ewa already chosen.
  await expect(page.getByRole('tab', { name: 'Consent' })).toHaveAttribute('aria-selected', 'true');
  const form = page.getByRole('region', { name: 'Record a decision' });
  await expect(form.getByLabel('Who')).toHaveValue(/[0-9a-f-]{36}/);
  await expect(form.getByLabel('Who').locator('option:checked')).toHaveText('Ewa Zielinska (my mum)');
  await form.getByRole('button', { name: 'Record decision' }).click();
  await expect(form.getByRole('status')).toHaveText('The decision is recorded.');
  const current = page.getByTestId('consent-current').filter({ hasText: 'Ewa Zielinska' });
  await expect(current).toHaveAttribute('data-status', 'granted');

  // Now the network shows the consent, on the list and on the ecomap, and the letter can be written.
  await page.getByRole('tab', { name: 'Network' }).click();
  await expect(ewa.getByText('Shares updates')).toBeVisible();
  await expect(page.locator('[data-testid="ecomap-tie"][data-member-name="Ewa Zielinska"]')).toHaveAttribute(
    'data-shares-updates',
    'true',
  );
  await ewa.getByRole('button', { name: 'Write a letter to Ewa Zielinska' }).click();
  await letter.getByRole('button', { name: 'Write the letter' }).click();
  const sheet = letter.getByRole('article', { name: 'The letter' });
  await expect(sheet).toContainText('Dear Ewa Zielinska,');
  await expect(sheet).toContainText('Sam Taylor');
  await expectAccessible(page, testInfo, 'letter');
  await attachScreenshot(page, testInfo, 'letter');

  // Printed, only the letter shows.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('article', { name: 'The letter' })).toBeVisible();
  await expect(letter.getByRole('button', { name: 'Print the letter' })).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Network' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});
