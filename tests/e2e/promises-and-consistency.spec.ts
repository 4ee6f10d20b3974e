import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  apiAs,
  attachScreenshot,
  csrfTokenOf,
  expectAccessible,
  openPerson,
  pageHeading,
  personIdByName,
  signIn,
} from './support.js';

// Ioana Popescu and Yusuf Demir are on Sam's caseload (North team); no other spec changes them.
const ioana = 'Ioana Popescu';
const yusuf = 'Yusuf Demir';

/** A calendar date `days` from today (UTC, as the server counts). */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Records a promise Sam made to the person, as at a visit; answers its id. */
async function promiseAs(api: APIRequestContext, personId: string, what: string, dueOn: string): Promise<string> {
  const response = await api.post(`/api/people/${personId}/commitments`, {
    data: { by: { kind: 'practitioner' }, to: { kind: 'person' }, what, dueOn },
    headers: { 'x-csrf-token': await csrfTokenOf(api) },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** On a phone: once the menu has folded away, nothing scrolls sideways. */
async function expectFitsPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(pageHeading(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open menu' })).toBeVisible();
  // A string, because the tests are type-checked without the DOM library.
  await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
}

function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

test('Sam keeps one promise, agrees a new date for another, and sets a check-in rhythm', async ({ page }, testInfo) => {
  test.slow(); // a long journey, with axe on five pages
  // Two promises Sam made to Ioana at the last visit.
  const sam = await apiAs('sam');
  const ioanaId = await personIdByName(sam, ioana);
  await promiseAs(sam, ioanaId, 'Bring the lunch club leaflet', inDays(1));
  await promiseAs(sam, ioanaId, 'Ring the GP surgery about the prescription', inDays(2));
  const councilId = await promiseAs(sam, ioanaId, 'Post the form to the council', inDays(3));

  await signIn(page, 'sam');
  await openPerson(page, 'Ioana', ioana);
  await page.getByRole('tab', { name: 'Promises' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]+\/promises$/);
  const ours = page.getByRole('list', { name: 'Our promises' });

  // Kept: marked from the promise itself, dated today by default.
  const leaflet = ours.getByTestId('promise').filter({ hasText: 'Bring the lunch club leaflet' });
  await expect(leaflet).toContainText('You promised Ms Popescu');
  await leaflet.getByRole('button', { name: /^Mark as kept/ }).click();
  await expect(leaflet.getByLabel('Kept on')).toHaveValue(inDays(0));
  await leaflet.getByRole('button', { name: 'Save as kept' }).click();
  await expect(leaflet.getByRole('status')).toHaveText('Marked as kept.');
  await expect(leaflet).toHaveAttribute('data-status', 'kept');
  await expect(leaflet.getByText('Kept', { exact: true })).toBeVisible();
  await expect(leaflet.getByRole('button', { name: /^Agree a new date/ })).toHaveCount(0);

  // A new date needs the honest reason: asked for kindly, and required.
  const surgery = ours.getByTestId('promise').filter({ hasText: 'Ring the GP surgery' });
  await surgery.getByRole('button', { name: /^Agree a new date/ }).click();
  await expect(surgery.getByText(/Dates move, and saying so honestly keeps trust/)).toBeVisible();
  await surgery.getByRole('button', { name: 'Save the new date' }).click();
  await expect(surgery.getByText('Give the honest reason, as you would tell the person')).toBeVisible();
  await expect(surgery.getByLabel('New date')).toBeFocused();
  await expectAccessible(page, testInfo, 'promise-renegotiate-form');
  await surgery.getByLabel('New date').fill(inDays(9));
  await surgery
    .getByLabel('The honest reason')
    .fill('The surgery was closed for staff training; I told Ioana on the phone.');
  await surgery.getByRole('button', { name: 'Save the new date' }).click();
  await expect(surgery.getByRole('status')).toHaveText('New date saved, with the reason.');
  await expect(surgery).toHaveAttribute('data-status', 'renegotiated');
  await expect(surgery.getByText('New date agreed')).toBeVisible();

  // Its history keeps both dates and the reason.
  await surgery.getByRole('button', { name: 'History (2 entries)' }).click();
  const history = surgery.getByRole('list', { name: /^History of “Ring the GP surgery/ });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').nth(0)).toContainText('Sam Taylor recorded the promise, due');
  await expect(history.getByRole('listitem').nth(1)).toContainText(/Sam Taylor moved the date from .+ to .+/);
  await expect(history).toContainText('Why: “The surgery was closed for staff training; I told Ioana on the phone.”');

  // Not kept — but a colleague moved that promise's date while Sam was typing: what Sam typed stays.
  const council = ours.getByTestId('promise').filter({ hasText: 'Post the form to the council' });
  await council.getByRole('button', { name: /^It was not kept/ }).click();
  await expect(council.getByText(/It happens\. Saying so plainly is part of being reliable/)).toBeVisible();
  await council
    .getByLabel('What happened')
    .fill('The council office had moved; I told Ioana and we will post it together.');
  const colleagueMoved = await sam.post(`/api/people/${ioanaId}/commitments/${councilId}/renegotiate`, {
    data: { newDueOn: inDays(5), reason: 'Ioana asked to wait for her daughter to help.' },
    headers: { 'if-match': '"1"', 'x-csrf-token': await csrfTokenOf(sam) },
  });
  expect(colleagueMoved.status(), await colleagueMoved.text()).toBe(200);
  await council.getByRole('button', { name: 'Record as not kept' }).click();
  await expect(council.getByRole('alert').filter({ hasText: 'Someone else saved changes' })).toBeVisible();
  await council.getByRole('button', { name: 'Load the latest version' }).click();
  await expect(council.getByText('Latest version loaded')).toBeVisible();
  await expect(council).toHaveAttribute('data-status', 'renegotiated');
  await expect(council.getByLabel('What happened')).toHaveValue(/The council office had moved/);
  await council.getByRole('button', { name: 'Record as not kept' }).click();
  await expect(council.getByRole('status').first()).toHaveText('Recorded as not kept.');
  await expect(council).toHaveAttribute('data-status', 'not_kept');

  // The check-in rhythm: every two days now, so the last visit (days ago) makes it past its date.
  const checkins = page.getByRole('region', { name: 'Check-ins' });
  const rhythm = checkins.getByTestId('rhythm').filter({ hasText: 'With Ms Popescu' });
  await rhythm.getByRole('button', { name: 'Change the rhythm with Ms Popescu' }).click();
  await rhythm.getByLabel('How often').selectOption({ label: 'Another number of days' });
  await rhythm.getByLabel('Every how many days').fill('2');
  await rhythm.getByRole('button', { name: 'Save rhythm' }).click();
  await expect(checkins.getByRole('status')).toHaveText('Rhythm saved.');
  await expect(rhythm).toContainText('Every 2 days');
  await expect(rhythm).toHaveAttribute('data-state', 'overdue');
  await expect(rhythm).toContainText(/Past its date by \d+ days? \(was due .+\)/);
  await expectAccessible(page, testInfo, 'person-promises');
  await attachScreenshot(page, testInfo, 'person-promises');

  // My promises: across the caseload, overdue first; the kept one under Finished.
  await mainNavigation(page).getByRole('link', { name: 'My promises' }).click();
  await expect(pageHeading(page)).toHaveText('My promises');
  const mine = page.getByRole('list', { name: 'Promises', exact: true });
  const moved = mine.getByTestId('promise').filter({ hasText: 'Ring the GP surgery' });
  await expect(moved.getByRole('link', { name: 'In Ioana Popescu’s record' })).toBeVisible();
  const statuses = await Promise.all(
    (await mine.getByTestId('promise').all()).map((item) => item.getAttribute('data-overdue')),
  );
  // Overdue first: no overdue promise comes after one that is not.
  expect(statuses.indexOf('false') === -1 || !statuses.slice(statuses.indexOf('false')).includes('true')).toBe(true);
  await page.getByRole('radiogroup', { name: 'Which promises to show' }).getByText('Finished').click();
  await expect(mine.getByTestId('promise').filter({ hasText: 'Bring the lunch club leaflet' })).toHaveAttribute(
    'data-status',
    'kept',
  );
  await expectAccessible(page, testInfo, 'my-promises');

  // Check-ins due: Ioana is there now.
  await mainNavigation(page).getByRole('link', { name: 'Check-ins due' }).click();
  await expect(pageHeading(page)).toHaveText('Check-ins due');
  const due = page.getByRole('list', { name: 'Check-ins due' });
  await expect(due.getByTestId('checkin-due').filter({ hasText: 'Check in with Ioana Popescu' })).toContainText(
    'Every 2 days',
  );
  await expectAccessible(page, testInfo, 'checkins-due');

  // On a phone: the ledger and the list fit the screen.
  await expectFitsPhone(page);
  await page.goto(`/people/${ioanaId}/promises`);
  await expect(page.getByRole('list', { name: 'Our promises' })).toBeVisible();
  await expectFitsPhone(page);
  await attachScreenshot(page, testInfo, 'person-promises-360');
  await page.goto('/promises');
  await expect(pageHeading(page)).toHaveText('My promises');
  await expectFitsPhone(page);
  await attachScreenshot(page, testInfo, 'my-promises-360');
});

test('Jo, a supervisor, sees the team’s check-ins due and a colleague’s figures', async ({ page }, testInfo) => {
  // Sam agreed to see Yusuf every two days; the last visit was longer ago than that.
  const sam = await apiAs('sam');
  const yusufId = await personIdByName(sam, yusuf);
  const response = await sam.put(`/api/people/${yusufId}/cadence`, {
    data: { networkMemberId: null, everyDays: 2 },
    headers: { 'x-csrf-token': await csrfTokenOf(sam) },
  });
  expect(response.status(), await response.text()).toBe(200);

  await signIn(page, 'jo');
  await mainNavigation(page).getByRole('link', { name: 'Check-ins due' }).click();
  await expect(pageHeading(page)).toHaveText('Check-ins due');
  await page.getByRole('radiogroup', { name: 'Whose check-ins' }).getByText('My teams').click();
  await expect(page.getByText('Check-ins due today or past their date across your teams')).toBeVisible();
  const due = page.getByRole('list', { name: 'Check-ins due' });
  const yusufs = due.getByTestId('checkin-due').filter({ hasText: `Check in with ${yusuf}` });
  await expect(yusufs).toHaveAttribute('data-state', 'overdue');
  await expect(yusufs).toContainText('Every 2 days');
  await expectAccessible(page, testInfo, 'checkins-due-team');
  await attachScreenshot(page, testInfo, 'checkins-due-team');

  // A colleague's figures, from "My consistency", as a starting point for supervision.
  await mainNavigation(page).getByRole('link', { name: 'My consistency' }).click();
  await expect(pageHeading(page)).toHaveText('My consistency');
  await page.getByLabel('Whose figures').selectOption({ label: 'Sam Taylor' });
  const promisesFigure = page.getByRole('region', { name: 'Promises kept by their date' });
  await expect(promisesFigure).toContainText(/\d+ of \d+ promises? kept by (its|their) date/);
  await expectAccessible(page, testInfo, 'consistency-supervisor');
});

test('consistency figures show, and open to the records behind them', async ({ page }, testInfo) => {
  await signIn(page, 'sam');
  await openPerson(page, 'Ioana', ioana);
  await page.getByRole('tab', { name: 'Consistency' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]+\/consistency$/);
  const figures = page.getByTestId('consistency-figures');
  await expect(figures.getByTestId('consistency-figure')).toHaveCount(3);

  // Visits on time: the sentence, then every visit behind it, each a link to the record.
  const visits = page.getByRole('region', { name: 'Visits started on time' });
  const sentence = await visits
    .getByText(/^\d+ of \d+ planned visits? started within 10 minutes of the plan$/)
    .textContent();
  const [numerator, denominator] = (sentence ?? '').match(/\d+/g)!.map(Number) as [number, number];
  await visits.getByRole('button', { name: /^Show the \d+ records? behind this$/ }).click();
  const records = visits.getByRole('list', { name: 'Records behind “Visits started on time”' });
  await expect(records.getByRole('listitem')).toHaveCount(denominator);
  await expect(records.locator('[data-counts="true"]')).toHaveCount(numerator);
  await expect(records.getByRole('link').first()).toHaveAttribute('href', /^\/people\/[0-9a-f-]+/);

  // A promise behind the first figure opens the person's promises.
  const promises = page.getByRole('region', { name: 'Promises kept by their date' });
  await promises.getByRole('button', { name: /^Show the \d+ records? behind this$/ }).click();
  await expectAccessible(page, testInfo, 'person-consistency');
  await attachScreenshot(page, testInfo, 'person-consistency');
  await promises.getByRole('list').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]+\/promises$/);
  await expect(page.getByRole('tab', { name: 'Promises' })).toHaveAttribute('aria-selected', 'true');

  // My consistency: the same three figures across the caseload, over the period chosen.
  await mainNavigation(page).getByRole('link', { name: 'My consistency' }).click();
  await expect(pageHeading(page)).toHaveText('My consistency');
  await expect(page.getByTestId('consistency-figure')).toHaveCount(3);
  const rhythms = page.getByRole('region', { name: 'Check-ins on rhythm' });
  await expect(rhythms).toContainText(/\d+ of \d+ agreed rhythms? (is|are) on track today/);
  await rhythms.getByRole('button', { name: /^Show the \d+ records? behind this$/ }).click();
  await expect(rhythms.getByRole('listitem').first()).toContainText(/every \d+ days/);
  await page.getByRole('radiogroup', { name: 'Period' }).getByText('Last 30 days').click();
  await expect(page.getByRole('region', { name: 'Visits started on time' })).toContainText(
    /planned visit|No planned visits/,
  );
  await expectAccessible(page, testInfo, 'my-consistency');
  await attachScreenshot(page, testInfo, 'my-consistency');

  await expectFitsPhone(page);
  await attachScreenshot(page, testInfo, 'my-consistency-360');
});

test('a reminder reads as a reminder and leads to the person’s promises', async ({ page }, testInfo) => {
  const sam = await apiAs('sam');
  const ioanaId = await personIdByName(sam, ioana);
  // Reminders come from a scan every quarter of an hour, which a fresh server may not have run
  // yet: the list is answered here, in the shape the API gives, to show how each kind reads.
  await page.route('**/api/notifications', (route) =>
    route.fulfill({
      json: {
        unread: 2,
        items: [
          {
            id: '5f864d32-a0e2-4a64-aa8e-64f77e67ef8a',
            kind: 'promise_due',
            createdAt: new Date().toISOString(),
            read: false,
            actor: null,
            person: { id: ioanaId, fullName: ioana },
            reason: null,
            expiresAt: null,
            about: 'Ring the GP surgery about the prescription',
            dueOn: inDays(1),
          },
          {
            id: '0b6c3c1e-8a4e-4a57-9d55-4b2f8c1e2a10',
            kind: 'checkin_overdue',
            createdAt: new Date().toISOString(),
            read: false,
            actor: null,
            person: null,
            reason: null,
            expiresAt: null,
            about: null,
            dueOn: inDays(-3),
          },
        ],
      },
    }),
  );
  await signIn(page, 'sam');
  await mainNavigation(page)
    .getByRole('link', { name: /Notifications/ })
    .click();
  await expect(pageHeading(page)).toHaveText('Notifications');
  const due = page.getByTestId('notification').filter({ hasText: 'Promise due' });
  await expect(due).toContainText('Your promise to Ioana Popescu is due tomorrow.');
  await expect(due).toContainText('The promise: “Ring the GP surgery about the prescription”');
  // Out of reach: nothing named, nothing to open.
  const outside = page.getByTestId('notification').filter({ hasText: 'Check-in due' });
  await expect(outside).toContainText('A check-in was due 3 days ago, in a record you can no longer open.');
  await expect(outside.getByRole('link')).toHaveCount(0);
  await expectAccessible(page, testInfo, 'notifications-reminders');
  await expectFitsPhone(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await due.getByRole('link', { name: 'Open Ioana Popescu’s promises' }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${ioanaId}/promises$`));
});
