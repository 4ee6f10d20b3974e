import { expect, test } from '@playwright/test';
import { apiAs, attachScreenshot, expectAccessible, pageHeading, personIdByName, signIn } from './support.js';

// Alex (South team) is sent the address of a North person's record. Nothing on the page may tell
// Alex who that is, or even that the record exists.
test('Alex opening one of Sam’s people sees the same not-found page as for a missing record', async ({
  page,
}, testInfo) => {
  const sam = await apiAs('sam');
  const amaraId = await personIdByName(sam, 'Amara Okonkwo');
  await sam.dispose();

  await signIn(page, 'alex');
  await page.goto(`/people/${amaraId}`);
  await expect(pageHeading(page)).toHaveText('We can’t show this record');
  await expect(page.getByText('It may not exist, or it may not be part of your work.')).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain('Amara');
  expect(html).not.toContain('Okonkwo');

  // A record that does not exist reads exactly the same.
  const unknownHtml = await page.locator('main').innerText();
  await page.goto('/people/00000000-0000-4000-8000-000000000000');
  await expect(pageHeading(page)).toHaveText('We can’t show this record');
  expect(await page.locator('main').innerText()).toBe(unknownHtml);

  await page.goto(`/people/${amaraId}`);
  await expect(pageHeading(page)).toHaveText('We can’t show this record');
  await expectAccessible(page, testInfo, 'record-not-found');
  await attachScreenshot(page, testInfo, 'record-not-found');
});
