import { expect, test } from '@playwright/test';
import { apiAs, attachScreenshot, expectAccessible, pageHeading, personIdByName, signIn } from './support.js';

// Out of hours, Alex (South) must see a North person's record to act on a safeguarding call.
test('Alex uses emergency access with a reason and then sees the record, with the notice', async ({
  page,
}, testInfo) => {
  const sam = await apiAs('sam');
  const elijahId = await personIdByName(sam, 'Elijah Francis');
  await sam.dispose();

  await signIn(page, 'alex');
  await page.goto(`/people/${elijahId}`);
  await expect(pageHeading(page)).toHaveText('We can’t show this record');
  const emergency = page.getByRole('region', { name: 'Emergency access (break-glass)' });
  await expect(emergency).toContainText('Your supervisor is told straight away.');

  // A reason is required.
  await emergency.getByRole('button', { name: 'Use emergency access' }).click();
  const reason = emergency.getByLabel('Why do you need this record now?');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toBeFocused();
  await expect(emergency.getByText('Say why you need this record, in at least 10 characters')).toBeVisible();
  await expectAccessible(page, testInfo, 'break-glass-form');
  await attachScreenshot(page, testInfo, 'break-glass-form');

  await reason.fill('Police called at 22:10 about a safeguarding concern; Sam is off shift.');
  await emergency.getByRole('button', { name: 'Use emergency access' }).click();
  await expect(pageHeading(page)).toHaveText('Elijah Francis');
  const notice = page.getByRole('status').filter({ hasText: 'emergency access until' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Your supervisor has been told.');
  await expectAccessible(page, testInfo, 'person-break-glass');
  await attachScreenshot(page, testInfo, 'person-break-glass');
});
