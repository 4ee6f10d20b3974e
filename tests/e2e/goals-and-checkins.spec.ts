import { expect, test, type Page } from '@playwright/test';
import { apiAs, attachScreenshot, expectAccessible, pageHeading, signIn } from './support.js';

/** On a phone: once the menu has folded away, nothing scrolls sideways. */
async function fitsPhone(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Open menu' })).toBeVisible();
  // A string, because the tests are type-checked without the DOM library.
  await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
}

// Names other specs change; this spec takes another person from Sam's own caseload.
const usedElsewhere = new Set([
  'Ioana Popescu',
  'Yusuf Demir',
  'Nathan Brooks',
  'Zara Begum',
  'Ebony Campbell',
  'Mohammed Hussain',
]);

test('Sam adds a goal in the person’s words, hands the device over, and sees what they said', async ({
  page,
}, testInfo) => {
  test.slow();
  const sam = await apiAs('sam');
  const caseload = (await (await sam.get('/api/people')).json()) as { items: { id: string; fullName: string }[] };
  const person = caseload.items.find((item) => !usedElsewhere.has(item.fullName));
  expect(person, 'someone on Sam’s caseload').toBeDefined();

  await signIn(page, 'sam');
  await page.goto(`/people/${person!.id}/goals`);
  await expect(pageHeading(page)).toHaveText(person!.fullName);
  await expect(page.getByRole('tab', { name: 'Goals' })).toHaveAttribute('aria-selected', 'true');

  // A goal, in their words, with two steps: one theirs, one Sam's.
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByLabel('The goal, in their words').fill('I want to cook a proper meal for my kids on Sundays');
  await page.getByLabel('Why it matters to them (optional)').fill('Sunday dinner was our thing.');
  await page.getByLabel('Strengths to build on (optional, one a line)').fill('Good with a budget');
  const step1 = page.getByRole('group', { name: 'Step 1' });
  await step1.getByLabel('What will be done').fill('Pick three recipes');
  await page.getByRole('button', { name: 'Add another step' }).click();
  const step2 = page.getByRole('group', { name: 'Step 2' });
  await step2.getByLabel('What will be done').fill('Find out about the community kitchen');
  await step2.getByLabel('Who will do it').selectOption({ label: 'Me' });
  await page.getByRole('button', { name: 'Save the goal' }).click();
  await expect(page.getByText('Goal saved.')).toBeVisible();
  const goal = page.getByTestId('goal').filter({ hasText: 'I want to cook a proper meal for my kids on Sundays' });
  await expect(goal.getByTestId('goal-step')).toHaveCount(2);
  await expect(goal.getByTestId('goal-step').filter({ hasText: 'Find out about the community kitchen' })).toContainText(
    'You will',
  );
  await expectAccessible(page, testInfo, 'goals-tab');

  // The device handed over: only the questions, answered by the person.
  await page.getByRole('tab', { name: 'How it’s going' }).click();
  await expect(page).toHaveURL(/\/how-its-going$/);
  await expect(
    page.getByRole('heading', { name: 'Every check-in' }).or(page.getByText(/^No check-ins yet/)),
  ).toBeVisible();
  const before = await page.getByTestId('checkin').count();
  await page.getByLabel('Which check-in').selectOption({ label: 'How are we working together?' });
  await page.getByRole('button', { name: 'Hand the device over' }).click();
  const handOver = page.getByRole('dialog', { name: 'How are we working together?' });
  await expect(handOver).toBeVisible();
  await expect(handOver).not.toContainText(person!.fullName);
  await expect(handOver.getByRole('link')).toHaveCount(0); // the whole screen: nothing leads elsewhere
  // The browser's Back button does not lead back to the record either.
  await page.goBack();
  await expect(handOver).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  await expectAccessible(page, testInfo, 'hand-over');
  await attachScreenshot(page, testInfo, 'hand-over-360');
  await page.screenshot({ path: testInfo.outputPath('hand-over-screen-360.png') }); // what the person sees
  for (const [question, answer] of [
    ['I felt listened to', '8'],
    ['I trust my worker to do what they say', '2'],
    ['We worked on what matters to me', '7'],
    ['I felt respected', '9'],
  ] as const) {
    await handOver.getByRole('group', { name: question }).getByText(answer, { exact: true }).click();
  }
  await handOver.getByLabel(/anything you would like your worker to do differently/).fill('Ring when you say you will');
  await handOver.getByRole('button', { name: 'Send my answers' }).click();
  await expect(handOver.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await handOver.getByRole('button', { name: 'Give back to worker' }).click();
  await handOver.getByRole('button', { name: 'Yes, I am the worker' }).click();
  await expect(handOver).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 800 });

  // What they said: on the list with a prompt, and on the trend.
  await expect(page.getByTestId('checkin')).toHaveCount(before + 1);
  const latest = page.getByTestId('checkin').first();
  await expect(latest.getByTestId('checkin-prompt')).toContainText('What could I do differently?');
  await expect(latest).toContainText('I trust my worker to do what they say');
  await expect(latest).toContainText('Ring when you say you will');
  const trend = page.getByTestId('trend').filter({ hasText: 'How are we working together?' });
  await expect(trend.getByRole('img')).toBeVisible();
  await expect(trend.getByRole('table')).toContainText('26');
  await expectAccessible(page, testInfo, 'checkins-tab');

  await page.setViewportSize({ width: 360, height: 740 });
  await fitsPhone(page);
  await page.goto(`/people/${person!.id}/goals`);
  await expect(page.getByTestId('goal').first()).toBeVisible();
  await fitsPhone(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The prompt also reaches Sam's notifications.
  await page.goto('/notifications');
  await expect(pageHeading(page)).toHaveText('Notifications');
  await expect(
    page.getByTestId('notification').filter({ hasText: 'What could I do differently?' }).first(),
  ).toBeVisible();
});
