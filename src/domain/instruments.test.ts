import { describe, expect, it } from 'vitest';
import {
  checkAnswers,
  checkinAlerts,
  describeDefinitionProblems,
  instrumentDefinition,
  runningBaseline,
  scoreAnswers,
  toFhirQuestionnaire,
  toFhirQuestionnaireResponse,
  type Answers,
  type InstrumentDefinition,
} from './instruments.js';
import { relationshipCheckin, shippedInstruments, wellbeingCheckin } from './shipped-instruments.js';

const relationship = instrumentDefinition.parse(relationshipCheckin);
const wellbeing = instrumentDefinition.parse(wellbeingCheckin);

function problemsOf(input: unknown): { path: string; message: string }[] {
  const result = instrumentDefinition.safeParse(input);
  return result.success ? [] : describeDefinitionProblems(result.error);
}

describe('shipped instruments', () => {
  it.each(shippedInstruments.map((i) => [i.key, i]))(
    '%s parses, says it is not validated, and carries its licence',
    (_key, input) => {
      const parsed = instrumentDefinition.parse(input);
      expect(parsed.validated).toBe(false);
      expect(parsed.licence).toMatch(/CC BY 4\.0/);
    },
  );

  it('the relationship check-in asks the four questions from the seeds, 0–10', () => {
    const scales = relationship.items.filter((item) => item.type === 'scale');
    expect(scales.map((item) => item.text)).toEqual([
      'I felt listened to',
      'I trust my worker to do what they say',
      'We worked on what matters to me',
      'I felt respected',
    ]);
    expect(scales.every((item) => item.min === 0 && item.max === 10)).toBe(true);
  });
});

describe('definition problems name their path', () => {
  const base = {
    key: 'third-party',
    version: '2.1',
    title: 'Third party',
    language: 'en-GB',
    licence: 'Licensed to Riverside',
    validated: true,
  };
  const item = { linkId: 'a', type: 'scale', text: 'A', min: 0, max: 4, anchors: { min: 'Never', max: 'Always' } };

  it.each([
    ['no items', { ...base, items: [] }, 'items', 'An instrument needs at least one item'],
    [
      'a scale whose max is not above its min',
      { ...base, items: [{ ...item, min: 4, max: 4 }] },
      'items[0].max',
      'max must be above min',
    ],
    ['an unknown item type', { ...base, items: [{ ...item, type: 'slider' }] }, 'items[0].type', ''],
    ['a duplicated linkId', { ...base, items: [item, { ...item }] }, 'items[1].linkId', 'linkId "a" is used twice'],
    [
      'a total over a missing item',
      { ...base, items: [item], scoring: { total: { items: ['a', 'b'], method: 'sum' } } },
      'scoring.total.items[1]',
      'No item has linkId "b"',
    ],
    [
      'a subscale over a free-text item',
      {
        ...base,
        items: [item, { linkId: 't', type: 'text', text: 'T' }],
        scoring: { subscales: [{ id: 's', title: 'S', items: ['t'], method: 'mean' }] },
      },
      'scoring.subscales[0].items[0]',
      'Item "t" is free text and cannot be scored',
    ],
    [
      'a scored choice without scores',
      {
        ...base,
        items: [
          {
            linkId: 'c',
            type: 'choice',
            text: 'C',
            options: [
              { value: 'y', label: 'Yes' },
              { value: 'n', label: 'No', score: 0 },
            ],
          },
        ],
        scoring: { total: { items: ['c'], method: 'sum' } },
      },
      'scoring.total.items[0]',
      'Every option of item "c" needs a score to be scored',
    ],
    [
      'a reliable change without a total',
      { ...base, items: [item], scoring: { reliableChange: 3 } },
      'scoring.reliableChange',
      'reliableChange needs a total to apply to',
    ],
    ['an unknown field', { ...base, items: [item], extra: 1 }, '', ''],
    [
      'a threshold off the scale',
      { ...base, items: [{ ...item, alertAtOrBelow: 9 }] },
      'items[0].alertAtOrBelow',
      'alertAtOrBelow must lie on the scale, below its top',
    ],
  ])('%s', (_name, input, path, message) => {
    const problems = problemsOf(input);
    expect(problems.length).toBeGreaterThan(0);
    const found = problems.find((problem) => problem.path === path);
    expect(found, JSON.stringify(problems)).toBeDefined();
    if (message) {
      expect(found!.message).toBe(message);
    }
  });
});

describe('answers', () => {
  it.each<[string, Answers, { linkId: string; message: string }[]]>([
    ['all in range', { listened: 7, trust: 0, what_matters: 10, respected: 5 }, []],
    ['the text is optional', { listened: 7, trust: 0, what_matters: 10, respected: 5, anything_else: '' }, []],
    [
      'above the scale',
      { listened: 11, trust: 0, what_matters: 10, respected: 5 },
      [{ linkId: 'listened', message: 'Choose a whole number from 0 to 10' }],
    ],
    [
      'below the scale',
      { listened: -1, trust: 0, what_matters: 10, respected: 5 },
      [{ linkId: 'listened', message: 'Choose a whole number from 0 to 10' }],
    ],
    [
      'not whole',
      { listened: 6.5, trust: 0, what_matters: 10, respected: 5 },
      [{ linkId: 'listened', message: 'Choose a whole number from 0 to 10' }],
    ],
    [
      'a word for a number',
      { listened: 'seven', trust: 0, what_matters: 10, respected: 5 },
      [{ linkId: 'listened', message: 'Choose a whole number from 0 to 10' }],
    ],
    [
      'a required item missing',
      { trust: 0, what_matters: 10, respected: 5 },
      [{ linkId: 'listened', message: 'This needs an answer' }],
    ],
    [
      'an item the instrument does not have',
      { listened: 7, trust: 0, what_matters: 10, respected: 5, mood: 3 },
      [{ linkId: 'mood', message: 'This instrument has no such item' }],
    ],
  ])('%s', (_name, answers, expected) => {
    expect(checkAnswers(relationship, answers)).toEqual(expected);
  });
});

describe('scoring', () => {
  it.each<[string, InstrumentDefinition, Answers, number | null, Record<string, number | null>]>([
    ['a sum of four', relationship, { listened: 7, trust: 8, what_matters: 6, respected: 9 }, 30, {}],
    [
      'a sum with an item missing is no score, not a lower one',
      relationship,
      { listened: 7, trust: 8, what_matters: 6 },
      null,
      {},
    ],
    [
      'subscale means',
      wellbeing,
      { overall: 6, feeling: 5, sleep: 4, connected: 8, coping: 7 },
      30,
      { mood: 6, life: 6 },
    ],
    [
      'a mean with half its items still scores',
      wellbeing,
      { overall: 6, feeling: 5, coping: 7, sleep: 3 },
      null,
      { mood: 6, life: 3 },
    ],
    ['a mean with under half its items does not', wellbeing, { overall: 6 }, null, { mood: null, life: null }],
  ])('%s', (_name, definition, answers, total, subscales) => {
    expect(scoreAnswers(definition, answers)).toEqual({ total, subscales });
  });

  it('scores choices by their option scores', () => {
    const definition = instrumentDefinition.parse({
      key: 'choices',
      version: '1.0',
      title: 'Choices',
      language: 'en',
      licence: 'test',
      validated: false,
      items: [
        {
          linkId: 'c',
          type: 'choice',
          text: 'C',
          options: [
            { value: 'often', label: 'Often', score: 2 },
            { value: 'never', label: 'Never', score: 0 },
          ],
        },
        {
          linkId: 'd',
          type: 'choice',
          text: 'D',
          options: [
            { value: 'often', label: 'Often', score: 2 },
            { value: 'never', label: 'Never', score: 0 },
          ],
        },
      ],
      scoring: { total: { items: ['c', 'd'], method: 'sum' } },
    });
    expect(scoreAnswers(definition, { c: 'often', d: 'never' }).total).toBe(2);
  });
});

describe('running baseline', () => {
  it.each<[string, (number | null)[], number | null]>([
    ['no earlier check-ins', [], null],
    ['one', [30], 30],
    ['the last three only', [10, 30, 32, 34], 32],
    ['incomplete ones left out', [30, null, 34], 32],
    ['only incomplete ones', [null, null], null],
  ])('%s', (_name, totals, expected) => {
    expect(runningBaseline(totals)).toBe(expected);
  });
});

describe('alerts start a conversation', () => {
  const good = { listened: 8, trust: 8, what_matters: 8, respected: 8 };

  it.each<[string, Answers, (number | null)[], string[]]>([
    ['a first check-in, all well: nothing', good, [], []],
    ['a first check-in cannot drop: no baseline', { ...good, listened: 5 }, [], []],
    ['an item at its threshold', { ...good, trust: 4 }, [32, 32], ['item_low:trust']],
    ['an item just above it: nothing', { ...good, trust: 5 }, [32], []],
    [
      'a drop by exactly the reliable-change size',
      { listened: 7, trust: 7, what_matters: 7, respected: 6 },
      [32, 32, 32],
      ['total_drop'],
    ],
    ['a drop just under it: nothing', { listened: 7, trust: 7, what_matters: 7, respected: 7 }, [31, 32, 32], []],
    [
      'against the running baseline, not the very first',
      { listened: 8, trust: 8, what_matters: 7, respected: 7 },
      [20, 36, 36, 36],
      ['total_drop'],
    ],
    ['a low total', { listened: 6, trust: 6, what_matters: 6, respected: 6 }, [], ['total_low']],
    [
      'missing items: no total, so no total alerts — item alerts still count',
      { listened: 2, trust: 8 },
      [36, 36],
      ['item_low:listened'],
    ],
  ])('%s', (_name, answers, earlier, expected) => {
    const alerts = checkinAlerts(relationship, answers, earlier).map((alert) =>
      alert.kind === 'item_low' ? `item_low:${alert.linkId}` : alert.kind,
    );
    expect(alerts).toEqual(expected);
  });

  it('a drop says how far and from what', () => {
    expect(
      checkinAlerts(relationship, { listened: 5, trust: 6, what_matters: 6, respected: 6 }, [32, 34, 36]),
    ).toContainEqual({
      kind: 'total_drop',
      total: 23,
      baseline: 34,
      drop: 11,
      reliableChange: 5,
    });
  });
});

describe('FHIR mapping', () => {
  it('an instrument becomes a Questionnaire with the same items', () => {
    const questionnaire = toFhirQuestionnaire(relationship, 'https://rapport.example.org/fhir');
    expect(questionnaire).toMatchObject({
      resourceType: 'Questionnaire',
      url: 'https://rapport.example.org/fhir/Questionnaire/rapport-relationship',
      version: '1.0',
      status: 'active',
    });
    const items = questionnaire.item as { linkId: string; type: string; extension?: { valueInteger: number }[] }[];
    expect(items.map((item) => [item.linkId, item.type])).toEqual([
      ['listened', 'integer'],
      ['trust', 'integer'],
      ['what_matters', 'integer'],
      ['respected', 'integer'],
      ['anything_else', 'text'],
    ]);
    expect(items[0]!.extension!.map((e) => e.valueInteger)).toEqual([0, 10]);
  });

  it('answers become a QuestionnaireResponse pointing at the version answered', () => {
    const response = toFhirQuestionnaireResponse(
      relationship,
      { listened: 7, trust: 8, what_matters: 6, respected: 9, anything_else: 'Ring before visits' },
      'https://r.example/fhir',
      '2026-11-29T10:00:00Z',
    );
    expect(response).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'https://r.example/fhir/Questionnaire/rapport-relationship|1.0',
      status: 'completed',
    });
    expect(response.item).toContainEqual({ linkId: 'anything_else', answer: [{ valueString: 'Ring before visits' }] });
    expect(response.item).toContainEqual({ linkId: 'listened', answer: [{ valueInteger: 7 }] });
  });

  it('a third-party definition round-trips through JSON unchanged', () => {
    const loaded = instrumentDefinition.parse(JSON.parse(JSON.stringify(wellbeingCheckin)));
    expect(instrumentDefinition.parse(JSON.parse(JSON.stringify(loaded)))).toEqual(loaded);
  });
});
