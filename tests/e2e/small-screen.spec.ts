import { expect, test, type Page } from '@playwright/test';
import { attachScreenshot, pageHeading, signIn } from './support.js';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  // A string, because the tests are type-checked without the DOM library.
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(360);
}

// A practitioner checking a name on a phone before a visit.
test('At 360 px the caseload and a record fit the screen and the menu opens', async ({ page }, testInfo) => {
  await signIn(page, 'sam');
  await expect(pageHeading(page)).toHaveText('My caseload');
  await expectNoHorizontalScroll(page);
  await attachScreenshot(page, testInfo, 'caseload-360');

  // The navigation is folded away behind the menu button, and reachable through it.
  const menu = page.getByRole('button', { name: 'Open menu' });
  await expect(menu).toBeVisible();
  const accountLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' });
  await expect(accountLink).not.toBeInViewport();
  await menu.click();
  await expect(accountLink).toBeInViewport();
  await attachScreenshot(page, testInfo, 'navigation-360');
  await page.getByRole('button', { name: 'Close menu' }).click();
  await expect(accountLink).not.toBeInViewport();

  await page.getByRole('link', { name: 'Yasmin Rahman' }).click();
  await expect(pageHeading(page)).toHaveText('Yasmin Rahman');
  await expectNoHorizontalScroll(page);
  await attachScreenshot(page, testInfo, 'person-360');
});

test('At 360 px a supervisor’s record page, with its access log, fits the screen', async ({ page }, testInfo) => {
  await signIn(page, 'jo');
  await page.getByLabel('Search by name').fill('Quinn');
  await page.getByRole('link', { name: 'Quinn Harper' }).click();
  await expect(pageHeading(page)).toHaveText('Quinn Harper');
  await expect(page.getByRole('region', { name: 'Who has opened this record' }).getByRole('table')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await attachScreenshot(page, testInfo, 'person-supervisor-360');
});
