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

test('Sam adds a step to a goal, records its progress, a milestone and the plan as agreed, and fills a check-in in together', async ({
  page,
}, testInfo) => {
  test.slow();
  const sam = await apiAs('sam');
  const caseload = (await (await sam.get('/api/people')).json()) as { items: { id: string; fullName: string }[] };
  // The first test takes the first of these people; this one the second.
  const person = caseload.items.filter((item) => !usedElsewhere.has(item.fullName))[1];
  expect(person, 'a second person on Sam’s caseload').toBeDefined();

  await signIn(page, 'sam');
  await page.goto(`/people/${person!.id}/goals`);
  await expect(pageHeading(page)).toHaveText(person!.fullName);
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByLabel('The goal, in their words').fill('I want to get back into college by September');
  await page.getByRole('group', { name: 'Step 1' }).getByLabel('What will be done').fill('Look at the course list');
  await page.getByRole('button', { name: 'Save the goal' }).click();
  await expect(page.getByText('Goal saved.')).toBeVisible();
  const goal = page.getByTestId('goal').filter({ hasText: 'I want to get back into college by September' });
  await expect(goal.getByTestId('goal-step')).toHaveCount(1);

  // A step added later, owned by another professional.
  await goal.getByRole('button', { name: 'Add a step' }).click();
  const step = goal.getByRole('group', { name: 'A new step towards this goal' });
  await goal.getByRole('button', { name: 'Save the step' }).click();
  await expect(step.getByLabel('What will be done')).toHaveAttribute('aria-invalid', 'true');
  await step.getByLabel('What will be done').fill('Book a visit to the college open day');
  await step.getByLabel('Who will do it').selectOption({ label: 'Another professional' });
  await step.getByLabel('Name of the professional').fill('Priya, the careers adviser');
  await goal.getByRole('button', { name: 'Save the step' }).click();
  await expect(goal.getByText('Step added.')).toBeVisible();
  await expect(goal.getByTestId('goal-step')).toHaveCount(2);
  await expect(goal.getByTestId('goal-step').filter({ hasText: 'Book a visit to the college open day' })).toContainText(
    'Priya, the careers adviser will',
  );

  // Their own score, and a milestone with a message.
  await goal.getByRole('button', { name: 'Rate progress' }).click();
  await goal.getByLabel('Score from 0 (not started) to 10 (reached)').selectOption('4');
  await goal.getByRole('button', { name: 'Save the score' }).click();
  await expect(goal.getByText('Score saved.')).toBeVisible();
  await expect(goal).toContainText('Rated once: 4 out of 10');
  await goal.getByRole('button', { name: 'Add a milestone' }).click();
  await goal.getByLabel('What was reached').fill('Chose a course');
  await goal.getByRole('button', { name: 'Save the milestone' }).click();
  await expect(goal.getByTestId('milestone').filter({ hasText: 'Chose a course' })).toBeVisible();

  // The plan as agreed today, with one person who did not agree, in their words.
  await page.getByRole('button', { name: 'Record the plan as agreed today' }).click();
  const first = page.getByRole('group', { name: 'Person 1' });
  await first.getByLabel('Name').fill(person!.fullName.split(' ')[0]!);
  await first.getByLabel('Who they are').fill('The young person');
  await page.getByRole('button', { name: 'Add another person' }).click();
  const second = page.getByRole('group', { name: 'Person 2' });
  await second.getByLabel('Name').fill('Dee');
  await second.getByLabel('Who they are').fill('Their mother');
  await second.getByLabel('Agreed with the plan').uncheck();
  await second.getByLabel('What they did not agree with, in their words').fill('September is too soon');
  await page.getByRole('button', { name: 'Save this version' }).click();
  await expect(page.getByText(/^Version \d+ saved\.$/)).toBeVisible();
  await expect(page.getByText('Dee (Their mother) did not agree: “September is too soon”')).toBeVisible();
  await expectAccessible(page, testInfo, 'goals-after-step-and-plan');

  // Filled in together: the same questions, saved by Sam beside them, with nothing to hand back.
  await page.getByRole('tab', { name: 'How it’s going' }).click();
  await expect(
    page.getByRole('heading', { name: 'Every check-in' }).or(page.getByText(/^No check-ins yet/)),
  ).toBeVisible();
  const before = await page.getByTestId('checkin').count();
  await page.getByLabel('Which check-in').selectOption({ label: 'How are we working together?' });
  await page.getByRole('button', { name: 'Fill in together instead' }).click();
  const together = page.getByRole('dialog', { name: 'How are we working together?' });
  await expect(together).toBeVisible();
  for (const question of [
    'I felt listened to',
    'I trust my worker to do what they say',
    'We worked on what matters to me',
    'I felt respected',
  ]) {
    await together.getByRole('group', { name: question }).getByText('8', { exact: true }).click();
  }
  await together.getByRole('button', { name: 'Save the answers' }).click();
  await expect(together).toBeHidden();
  await expect(page.getByText('Check-in saved.')).toBeVisible();
  await expect(page.getByTestId('checkin')).toHaveCount(before + 1);
  await expect(page.getByTestId('checkin').first()).toContainText('Filled in together');
  await expectAccessible(page, testInfo, 'checkins-together');
});
