import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  apiAs,
  attachScreenshot,
  csrfTokenOf,
  expectAccessible,
  expectNoHorizontalScroll,
  openPerson,
  pageHeading,
  personIdByName,
  signIn,
} from './support.js';

// Mohammed Hussain is on Sam's caseload; nobody else's spec touches him.
const person = 'Mohammed Hussain';

interface NewTie {
  name: string;
  relationship: string;
  sector: string;
  strength: 'Strong tie' | 'Tenuous tie' | 'Stressful tie';
  support: RegExp;
}

const ties: NewTie[] = [
  {
    name: 'Amina Hussain',
    relationship: 'my mum',
    sector: 'Family',
    strength: 'Strong tie',
    support: /gets support from them/,
  },
  {
    name: 'Coach Reggie',
    relationship: 'my football coach',
    sector: 'Community groups',
    strength: 'Tenuous tie',
    support: /Support goes both ways/,
  },
  {
    name: 'Uncle Tariq',
    relationship: 'my uncle',
    sector: 'Family',
    strength: 'Stressful tie',
    support: /gives support to them/,
  },
];

async function addTie(page: Page, tie: NewTie): Promise<void> {
  await page.getByRole('button', { name: 'Add someone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add someone to the network' });
  await dialog.getByRole('textbox', { name: /^Name\b/ }).fill(tie.name);
  await dialog.getByLabel('Who they are to the person').fill(tie.relationship);
  await dialog.getByLabel('Part of their life').selectOption({ label: tie.sector });
  await dialog.getByRole('radio', { name: tie.strength }).check();
  await dialog.getByRole('radio', { name: tie.support }).check();
  await dialog.getByRole('button', { name: 'Add to network' }).click();
  await expect(dialog).toBeHidden();
}

// The journey: before a visit, Sam opens a person's world and fills it in.
test('Sam records what matters, adds three ties and sees them on the ecomap', async ({ page }, testInfo) => {
  // The longest journey, with axe over the ecomap: about a minute on a busy 2-core machine.
  test.slow();
  await signIn(page, 'sam');
  // Any name they use works, and a small typo is fine.
  await openPerson(page, 'Husain', person);
  await expect(page.getByRole('tab', { name: 'Profile' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Sam Taylor, since')).toBeVisible();

  // The profile: edit the language, in place.
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Preferred language').fill('Urdu');
  await page.getByLabel('Pronouns').fill('he/him');
  await page.getByLabel('How they like to be addressed').fill('Mo');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await expect(page.getByText(/^Likes to be called Mo · he\/him · .*Speaks Urdu/)).toBeVisible();
  await expectAccessible(page, testInfo, 'profile');

  // What matters to him, in his words.
  await page.getByRole('tab', { name: 'What matters' }).click();
  const whatMatters = page.getByRole('region', { name: 'What matters to me' });
  await whatMatters.getByRole('button', { name: 'Add what matters' }).click();
  await whatMatters.getByLabel('What matters to them, in their words').fill('Keeping my Saturday job at the bakery.');
  await expect(whatMatters.getByLabel('Whose words')).toHaveValue('Mo');
  await whatMatters.getByRole('button', { name: 'Add to what matters' }).click();
  const quotation = whatMatters.locator('figure').filter({ hasText: 'Keeping my Saturday job at the bakery.' });
  await expect(quotation.locator('blockquote')).toHaveText('“Keeping my Saturday job at the bakery.”');
  await expect(quotation.locator('figcaption')).toContainText(/— said by Mo, \w+/);
  await expectAccessible(page, testInfo, 'what-matters');

  // Three people in his life, of different strengths, then the ecomap.
  await page.getByRole('tab', { name: 'Network' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]+\/network$/);
  for (const tie of ties) {
    await addTie(page, tie);
  }
  const ecomap = page.getByRole('img', { name: /^Ecomap of Mohammed Hussain’s network: \d+ ties$/ });
  await expect(ecomap).toBeVisible();
  const drawn = (name: string) => ecomap.locator(`[data-testid="ecomap-tie"][data-member-name="${name}"]`);
  await expect(drawn('Amina Hussain')).toHaveAttribute('data-line-style', 'solid-thick');
  await expect(drawn('Coach Reggie')).toHaveAttribute('data-line-style', 'dashed');
  await expect(drawn('Uncle Tariq')).toHaveAttribute('data-line-style', 'hatched');
  await expect(drawn('Amina Hussain')).toHaveAttribute('data-support', 'to_person');
  await expect(drawn('Uncle Tariq')).toHaveAttribute('data-support', 'from_person');
  await expect(ecomap.locator('[data-testid="ecomap-tie"]')).toHaveCount(
    await page.getByTestId('network-member').count(),
  );
  // The same ties, as a list grouped by sector.
  const list = page.getByRole('region', { name: /ties, by part of their life/ });
  await expect(list.getByRole('heading', { name: /^Family \(\d+\)$/ })).toBeVisible();
  await expect(list.getByTestId('network-member').filter({ hasText: 'Coach Reggie' })).toContainText('Tenuous tie');
  await expectAccessible(page, testInfo, 'network-ecomap');
  await attachScreenshot(page, testInfo, 'network-ecomap');

  // A tie opens for editing from the ecomap: by click, and by keyboard.
  await drawn('Coach Reggie').locator('[data-part="node"]').click();
  const edit = page.getByRole('dialog', { name: 'Edit Coach Reggie' });
  await expect(edit.getByRole('textbox', { name: /^Name\b/ })).toHaveValue('Coach Reggie');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toBeHidden();
  await drawn('Uncle Tariq').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Edit Uncle Tariq' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The ecomap can be saved as a drawing and as a picture.
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as SVG' }).click();
  const svg = await svgDownload;
  expect(svg.suggestedFilename()).toBe('ecomap.svg');
  const svgText = readFileSync(await svg.path(), 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('Uncle Tariq');
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as PNG' }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toBe('ecomap.png');
  const pngBytes = readFileSync(await png.path());
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');

  // Consent, and the history in plain words.
  await page.getByRole('tab', { name: 'Consent' }).click();
  await expect(page.getByRole('heading', { name: 'Consent to share', level: 2 })).toBeVisible();
  await expectAccessible(page, testInfo, 'consent');
  await page.getByRole('tab', { name: 'History' }).click();
  const changes = page.getByRole('list', { name: 'Changes, newest first' });
  await expect(
    changes.getByText(/^Sam Taylor (set|changed) Preferred language (from ‘.*’ )?to ‘Urdu’ on /),
  ).toBeVisible();
  await expect(
    changes.getByText(/^Sam Taylor (set|changed) How they like to be addressed (from ‘.*’ )?to ‘Mo’/),
  ).toBeVisible();
  await expectAccessible(page, testInfo, 'history');
});

// A crowded network: the labels, as the browser draws them, still do not overlap.
test('With 32 ties the ecomap stays readable: no drawn label overlaps another', async ({ page }, testInfo) => {
  const sam = await apiAs('sam');
  const georgeId = await personIdByName(sam, 'George Kaminski');
  const token = await csrfTokenOf(sam);
  const sectors = ['family', 'friends', 'community', 'education_work', 'health', 'social_care', 'housing'];
  const strengths = ['strong', 'tenuous', 'stressful'];
  for (let index = 0; index < 32; index += 1) {
    const response = await sam.post(`/api/people/${georgeId}/network`, {
      data: {
        name: index % 4 === 0 ? `Someone with a rather long name, number ${index}` : `Tie ${index}`,
        relationship: 'in his life',
        sector: sectors[index % sectors.length],
        strength: strengths[index % 3],
        support: 'both',
        isRisk: index === 5,
      },
      headers: { 'x-csrf-token': token },
    });
    expect(response.status()).toBe(201);
  }
  await sam.dispose();

  await signIn(page, 'sam');
  await openPerson(page, 'George', 'George Kaminski');
  await page.getByRole('tab', { name: 'Network' }).click();
  const ecomap = page.getByRole('img', { name: /^Ecomap of George Kaminski’s network/ });
  await expect(page.getByTestId('network-member').filter({ hasText: 'Tie 31' })).toBeVisible();
  await expect(ecomap.locator('[data-testid="ecomap-tie"]')).toHaveCount(
    await page.getByTestId('network-member').count(),
  );
  // Measured in the drawing's own coordinates, as rendered by the browser's fonts. (A string: the
  // tests are type-checked without the DOM library.)
  const measured = await page.evaluate<{ labels: number; overlaps: number; outside: number }>(`(() => {
    const svg = document.querySelector('svg.ecomap');
    const view = svg.viewBox.baseVal;
    const labels = [...svg.querySelectorAll('text.ecomap-label')].map((text) => text.getBBox());
    const nodes = [...svg.querySelectorAll('[data-part="node"]')].map((node) => node.getBBox());
    let overlaps = 0;
    for (let i = 0; i < labels.length; i += 1) {
      for (let j = i + 1; j < labels.length; j += 1) {
        const a = labels[i], b = labels[j];
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps += 1;
      }
    }
    const outside = [...labels, ...nodes].filter((box) => box.x < view.x || box.y < view.y ||
      box.x + box.width > view.x + view.width || box.y + box.height > view.y + view.height).length;
    return { labels: labels.length, overlaps, outside };
  })()`);
  expect(measured.labels).toBeGreaterThanOrEqual(32);
  expect(measured).toMatchObject({ overlaps: 0, outside: 0 });
  await attachScreenshot(page, testInfo, 'ecomap-32');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('At 360 px the network is a list first, with the ecomap one tap away', async ({ page }, testInfo) => {
    // Emre's network, recorded earlier (his own person, so this test stands alone).
    const sam = await apiAs('sam');
    const emreId = await personIdByName(sam, 'Emre Yılmaz');
    const token = await csrfTokenOf(sam);
    for (const [name, strength] of [
      ['Selin Yılmaz', 'strong'],
      ['Riverside Youth Club', 'tenuous'],
    ] as const) {
      const response = await sam.post(`/api/people/${emreId}/network`, {
        data: { name, relationship: 'in his life', sector: 'community', strength, support: 'both' },
        headers: { 'x-csrf-token': token },
      });
      expect(response.status()).toBe(201);
    }
    await sam.dispose();

    await signIn(page, 'sam');
    await openPerson(page, 'Emre', 'Emre Yılmaz');
    await page.getByRole('tab', { name: 'Network' }).click();
    await expect(page.getByTestId('network-member').first()).toBeVisible();
    await expect(page.getByRole('img', { name: /^Ecomap of/ })).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await attachScreenshot(page, testInfo, 'network-360');

    const toggle = page.getByRole('button', { name: 'Show the ecomap' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(page.getByRole('img', { name: /^Ecomap of/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hide the ecomap' })).toHaveAttribute('aria-expanded', 'true');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, testInfo, 'network-360');

    await page.getByRole('tab', { name: 'Profile' }).click();
    await expect(pageHeading(page)).toHaveText('Emre Yılmaz');
    await expectNoHorizontalScroll(page);
    await page.getByRole('tab', { name: 'Consent' }).click();
    await expect(page.getByRole('heading', { name: 'Record a decision' })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
