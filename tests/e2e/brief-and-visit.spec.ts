import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  apiAs,
  attachScreenshot,
  expectAccessible,
  expectNoHorizontalScroll,
  pageHeading,
  personIdByName,
  signIn,
} from './support.js';

// Nathan Brooks, Zara Begum and Ebony Campbell are on Sam's caseload; no other spec changes them.
const nathan = 'Nathan Brooks';
const zara = 'Zara Begum';
const ebony = 'Ebony Campbell';

/** A calendar date `days` from today (UTC, as the test's browser counts). */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A person's row on the caseload, found by the name on it. */
function caseloadRow(page: Page, fullName: string): Locator {
  return page
    .getByRole('list', { name: 'People' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: fullName, exact: true }) });
}

/**
 * Every click and every field filled, counted: recording a routine visit must stay quick. Waiting
 * and checking what is on screen are not interactions.
 */
function interactionCounter() {
  let count = 0;
  return {
    click: async (target: Locator) => {
      count += 1;
      await target.click();
    },
    fill: async (target: Locator, value: string) => {
      count += 1;
      await target.fill(value);
    },
    get count() {
      return count;
    },
  };
}

// The journey: before a visit Sam reads the brief; after it, Sam records it with a note and
// a promise, and signs the note off.
test('Sam reads the brief, records a visit with a note and a promise in a few steps, and signs it off', async ({
  page,
}, testInfo) => {
  const promise = 'Find out when the college open evening is';
  const note = 'Nathan talked about the college course. We looked at the bus times together.';
  test.slow(); // a long journey, with axe on three pages
  await signIn(page, 'sam');
  const act = interactionCounter();

  // The brief, one click from the caseload, from one request for the record.
  const reads: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/api\/people\/[^/]+/.test(path)) {
      reads.push(path);
    }
  });
  await act.click(caseloadRow(page, nathan).getByRole('link', { name: 'Brief' }));
  await expect(pageHeading(page)).toHaveText(`Brief: ${nathan}`);
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]+\/brief$/);
  await expect(page).toHaveTitle(/^Brief before a visit/); // no name in the browser's history
  const brief = page.locator('main');
  await expect(brief.getByRole('region', { name: 'Approach with care' })).toBeVisible();
  await expect(brief.getByRole('region', { name: 'How to address them' })).toContainText('Call them');
  await expect(brief.getByRole('region', { name: 'Things to remember' })).toBeVisible();
  await expect(brief.getByRole('region', { name: 'Open promises' })).toBeVisible();
  await expect(brief.getByRole('region', { name: 'Last time' })).toBeVisible();
  await expect(brief.getByRole('region', { name: 'Check-in rhythm' })).toBeVisible();
  await expect(brief.getByRole('region', { name: 'Their goals' })).toBeVisible();
  await expect(brief.getByRole('region', { name: 'Their latest check-in' })).toBeVisible();
  await expect(brief.getByRole('region', { name: 'Still to come' })).toContainText('Our working agreement');
  await expect(brief.getByRole('button', { name: 'Print' })).toBeVisible();
  expect(reads.filter((path) => !path.endsWith('/brief'))).toEqual([]);
  expect(reads.filter((path) => path.endsWith('/brief'))).toHaveLength(1);
  await expectAccessible(page, testInfo, 'brief');
  await attachScreenshot(page, testInfo, 'brief');

  // Recording the visit: the kind (home visit), what happened and the time are already filled in.
  await act.click(page.getByRole('link', { name: 'Record a visit' }));
  await expect(pageHeading(page)).toHaveText(`Record a contact with ${nathan}`);
  await expect(page.getByRole('radio', { name: 'Home visit' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'It happened' })).toBeChecked();
  await expect(page.getByLabel('When it started')).not.toHaveValue('');
  await act.fill(page.getByLabel('Note'), note);
  await act.click(page.getByRole('button', { name: 'Add a promise' }));
  const row = page.getByTestId('promise-row');
  await expect(row.getByLabel('Who promised')).toHaveValue('you');
  await expect(row.getByLabel('What was promised')).toBeFocused();
  await act.fill(row.getByLabel('What was promised'), promise);
  await act.fill(row.getByLabel('By when'), inDays(5));
  await expectAccessible(page, testInfo, 'record-a-visit');
  await act.click(page.getByRole('button', { name: 'Record contact' }));

  // It is in the contacts, open, ready to sign off.
  await expect(page.getByRole('tab', { name: 'Contacts' })).toHaveAttribute('aria-selected', 'true');
  const recorded = page.getByTestId('contact').filter({ hasText: 'Recorded. You can sign the note off' });
  await expect(recorded.getByText(note)).toBeVisible();
  await expect(recorded).toContainText('Note not signed off');
  const contactId = await recorded.getAttribute('data-contact-id');
  await act.click(recorded.getByRole('button', { name: 'Sign off note' }));
  await act.click(recorded.getByRole('button', { name: 'Sign off', exact: true }));
  await expect(recorded.getByRole('status').filter({ hasText: 'Note signed off.' })).toBeVisible();
  await expect(recorded.getByText(/^Signed off by Sam Taylor/)).toBeVisible();
  await expect(recorded.getByRole('button', { name: 'Edit note' })).toHaveCount(0);

  // From the caseload to a recorded, signed-off visit with a note and a promise.
  testInfo.annotations.push({ type: 'interactions', description: String(act.count) });
  expect(act.count).toBeLessThanOrEqual(12);

  // A mistake found later: a correction, with its reason; the signed-off version stays.
  await recorded.getByRole('button', { name: 'Correct this note' }).click();
  await recorded
    .getByLabel('Corrected note')
    .fill('Nathan talked about the college course. We looked at the bus and train times together.');
  await recorded.getByRole('button', { name: 'Add correction' }).click();
  await expect(recorded.getByText('Say why the note is being corrected')).toBeVisible();
  await recorded.getByLabel('Why it is being corrected').fill('I left out the train times.');
  await recorded.getByRole('button', { name: 'Add correction' }).click();
  await expect(recorded.getByRole('status').filter({ hasText: 'Correction added.' })).toBeVisible();
  const versions = recorded.getByTestId('note-version');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText(note);
  await expect(versions.nth(0)).toContainText('Signed off by Sam Taylor');
  await expect(versions.nth(1)).toContainText('Reason for the correction: I left out the train times.');
  await expect(versions.nth(1)).toContainText('bus and train times');
  await expectAccessible(page, testInfo, 'contact-corrected');

  // The promise is on the brief, and in the person's promises.
  await page.getByRole('link', { name: 'Brief', exact: true }).click();
  await expect(pageHeading(page)).toHaveText(`Brief: ${nathan}`);
  const ours = page.getByRole('list', { name: 'What we promised' });
  await expect(ours.getByTestId('brief-promise').filter({ hasText: promise })).toContainText('You to Nathan');
  const lastTime = page.getByRole('region', { name: 'Last time' });
  await expect(lastTime).toContainText('Home visit');
  await expect(lastTime).toContainText('bus and train times');
  await expect(lastTime.getByRole('list', { name: 'What was agreed' })).toContainText(promise);

  const sam = await apiAs('sam');
  const nathanId = await personIdByName(sam, nathan);
  const ledger = await sam.get(`/api/people/${nathanId}/commitments`, { params: { status: 'outstanding' } });
  expect(ledger.status()).toBe(200);
  const items = ((await ledger.json()) as { items: { what: string; dueOn: string; madeInContactId: string }[] }).items;
  const made = items.find((item) => item.what === promise);
  expect(made).toMatchObject({ dueOn: inDays(5) });
  expect(made?.madeInContactId).toBe(contactId);
  await sam.dispose();
});

test('A reload in the middle of recording keeps the draft, on the server, and offers to carry on', async ({
  page,
}, testInfo) => {
  const note = 'Zara was tired today. We talked about her sister’s visit at the weekend.';
  await signIn(page, 'sam');
  await caseloadRow(page, zara).getByRole('link', { name: 'Record a visit' }).click();
  await expect(pageHeading(page)).toHaveText(`Record a contact with ${zara}`);
  await page.getByLabel('Note').fill(note);
  await page.getByLabel('Where (optional)').fill('At the family centre');
  await expect(page.getByRole('status').filter({ hasText: /^Draft saved at/ })).toBeVisible();

  // Nothing of it in the browser's storage: the draft lives on the server.
  const stored = await page.evaluate<string>(
    'JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])',
  );
  expect(stored).not.toContain('tired');
  expect(stored).not.toContain('family centre');

  await page.reload();
  const offer = page.getByRole('region', { name: 'You have an unfinished draft' });
  await expect(offer).toContainText('Zara was tired today.');
  await expectAccessible(page, testInfo, 'draft-offer');
  await offer.getByRole('button', { name: 'Continue the draft' }).click();
  await expect(page.getByLabel('Note')).toHaveValue(note);
  await expect(page.getByLabel('Where (optional)')).toHaveValue('At the family centre');

  // Carrying on, and recording it: the draft becomes the contact (no second one).
  await page.getByLabel('Note').fill(`${note} She asked for a call next week.`);
  await page.getByRole('button', { name: 'Record contact' }).click();
  const recorded = page.getByTestId('contact').filter({ hasText: 'Recorded. You can sign the note off' });
  await expect(recorded).toContainText('She asked for a call next week.');
  await expect(recorded).toContainText('Where: At the family centre');
  await expect(page.locator('[data-testid="contact"][data-status="draft"]')).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('At 360 px the brief and the record page fit the screen', async ({ page }, testInfo) => {
    await signIn(page, 'sam');
    await expectNoHorizontalScroll(page);
    await caseloadRow(page, ebony).getByRole('link', { name: 'Brief' }).click();
    await expect(pageHeading(page)).toHaveText(`Brief: ${ebony}`);
    await expect(page.getByRole('region', { name: 'Open promises' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, testInfo, 'brief-360');
    await attachScreenshot(page, testInfo, 'brief-360');

    await page.getByRole('link', { name: 'Record a visit' }).click();
    await expect(pageHeading(page)).toHaveText(`Record a contact with ${ebony}`);
    await page.getByRole('button', { name: 'Add a promise' }).click();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, testInfo, 'record-360');
    await attachScreenshot(page, testInfo, 'record-360');
  });
});
