import { AxeBuilder } from '@axe-core/playwright';
import { expect, request, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

export const password = 'rapport-demo-e2e';
export const baseURL = 'http://127.0.0.1:3100';

export const staff = {
  sam: 'sam@demo.rapport.test',
  alex: 'alex@demo.rapport.test',
  jo: 'jo@demo.rapport.test',
  morgan: 'morgan@demo.rapport.test',
  admin: 'admin@demo.rapport.test',
} as const;
export type StaffKey = keyof typeof staff;

/** Signs in through the sign-in page, as a person would, and waits for the home page. */
export async function signIn(page: Page, who: StaffKey): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email address').fill(staff[who]);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sign in');
}

/** An API session for setting the scene (finding ids, a colleague's earlier visit). */
export async function apiAs(who: StaffKey): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const response = await context.post('/api/auth/login', { data: { email: staff[who], password } });
  expect(response.status(), `sign-in as ${who}`).toBe(200);
  return context;
}

/** The id of a person the API caller can find by name. */
export async function personIdByName(api: APIRequestContext, fullName: string): Promise<string> {
  const response = await api.get('/api/people', { params: { q: fullName, filter: 'all' } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { id: string; fullName: string }[] };
  const match = body.items.find((item) => item.fullName === fullName);
  expect(match, `${fullName} should be findable`).toBeDefined();
  return match!.id;
}

/** Runs axe-core for WCAG 2.1 A and AA, attaches the results, and expects no violations. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify({ violations: results.violations, passes: results.passes.length }, null, 2),
    contentType: 'application/json',
  });
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(summary, `axe violations on the ${name} page`).toEqual([]);
}

export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)'); // a full-page shot of a scrolled page repeats the fixed header
  await testInfo.attach(`${name}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

/** The h1 of the page now showing. */
export function pageHeading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** The CSRF token of an API session, for its state-changing requests. */
export async function csrfTokenOf(api: APIRequestContext): Promise<string> {
  const response = await api.get('/api/auth/session');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** The page is no wider than the screen (360 px phones): nothing scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page, width = 360): Promise<void> {
  // A string, because the tests are type-checked without the DOM library.
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/** From the caseload: searches (any name they use) and opens the record of `fullName`. */
export async function openPerson(page: Page, search: string, fullName: string): Promise<void> {
  await page.getByLabel('Search by name').fill(search);
  await page.getByRole('link', { name: fullName }).click();
  await expect(pageHeading(page)).toHaveText(fullName);
}

/** Changes a profile through the API, as a colleague saving from another screen would. */
export async function patchProfileAs(
  api: APIRequestContext,
  personId: string,
  changes: Record<string, unknown>,
): Promise<void> {
  const current = await api.get(`/api/people/${personId}`);
  expect(current.status()).toBe(200);
  const response = await api.patch(`/api/people/${personId}`, {
    data: changes,
    headers: { 'if-match': current.headers()['etag']!, 'x-csrf-token': await csrfTokenOf(api) },
  });
  expect(response.status(), await response.text()).toBe(200);
}
