import { z } from 'zod';
import { lineOfText, paragraphOfText } from './text.js';

/**
 * Check-in instruments: an organisation loads them as JSON. The shape follows FHIR Questionnaire
 * (items with a `linkId`, a `text` and a type) so that an instrument and its answers map onto
 * Questionnaire / QuestionnaireResponse (`toFhirQuestionnaire`, `toFhirQuestionnaireResponse`).
 * Scoring is ours: sums or means over items, subscales, thresholds that start a conversation, and
 * the reliable-change size of the total.
 */

const linkId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'Use lower-case letters, digits, - or _ (start with a letter, at most 40)');

const scaleItem = z
  .object({
    linkId,
    type: z.literal('scale'),
    text: lineOfText({ max: 300 }),
    min: z.number().int().min(0).max(100),
    max: z.number().int().min(1).max(100),
    anchors: z.object({ min: lineOfText({ max: 80 }), max: lineOfText({ max: 80 }) }).strict(),
    required: z.boolean().default(true),
    /** An answer at or below this raises a prompt for the practitioner. */
    alertAtOrBelow: z.number().int().optional(),
  })
  .strict()
  .refine((item) => item.max > item.min, { message: 'max must be above min', path: ['max'] })
  .refine(
    (item) => item.alertAtOrBelow === undefined || (item.alertAtOrBelow >= item.min && item.alertAtOrBelow < item.max),
    {
      message: 'alertAtOrBelow must lie on the scale, below its top',
      path: ['alertAtOrBelow'],
    },
  );

const choiceItem = z
  .object({
    linkId,
    type: z.literal('choice'),
    text: lineOfText({ max: 300 }),
    options: z
      .array(
        z
          .object({
            value: linkId,
            label: lineOfText({ max: 120 }),
            score: z.number().int().min(-100).max(100).optional(),
          })
          .strict(),
      )
      .min(2, 'A choice needs at least two options')
      .max(20),
    required: z.boolean().default(true),
  })
  .strict()
  .refine((item) => new Set(item.options.map((o) => o.value)).size === item.options.length, {
    message: 'Option values must differ',
    path: ['options'],
  });

const textItem = z
  .object({
    linkId,
    type: z.literal('text'),
    text: lineOfText({ max: 300 }),
    required: z.boolean().default(false),
  })
  .strict();

export const instrumentItem = z.discriminatedUnion('type', [scaleItem, choiceItem, textItem]);
export type InstrumentItem = z.infer<typeof instrumentItem>;

const scoreDefinition = z
  .object({
    items: z.array(linkId).min(1).max(100),
    method: z.enum(['sum', 'mean']),
  })
  .strict();

const subscale = scoreDefinition.extend({ id: linkId, title: lineOfText({ max: 120 }) }).strict();

export const instrumentDefinition = z
  .object({
    /** Stable across versions: `rapport-relationship`. */
    key: linkId,
    version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'Use a version like 1.0 or 1.0.2'),
    title: lineOfText({ max: 120 }),
    /** What the person reads first, in plain language. */
    introduction: paragraphOfText({ max: 1000 }).optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a language tag like en or en-GB'),
    licence: lineOfText({ max: 200 }),
    /** Whether the instrument has been validated; Rapport's own have not, and say so. */
    validated: z.boolean(),
    items: z.array(instrumentItem).min(1, 'An instrument needs at least one item').max(100),
    scoring: z
      .object({
        total: scoreDefinition.optional(),
        subscales: z.array(subscale).max(20).default([]),
        /** A drop of the total by at least this much from the person's own baseline raises a prompt. */
        reliableChange: z.number().positive().optional(),
        /** A total at or below this raises a prompt. */
        totalAlertAtOrBelow: z.number().optional(),
      })
      .strict()
      .default({ subscales: [] }),
  })
  .strict()
  .superRefine((definition, context) => {
    const items = new Map(definition.items.map((item) => [item.linkId, item]));
    definition.items.forEach((item, index) => {
      if (definition.items.findIndex((other) => other.linkId === item.linkId) !== index) {
        context.addIssue({
          code: 'custom',
          message: `linkId "${item.linkId}" is used twice`,
          path: ['items', index, 'linkId'],
        });
      }
    });
    const checkScore = (score: { items: string[] }, path: (string | number)[]) => {
      score.items.forEach((id, index) => {
        const item = items.get(id);
        if (!item) {
          context.addIssue({ code: 'custom', message: `No item has linkId "${id}"`, path: [...path, 'items', index] });
        } else if (item.type === 'text') {
          context.addIssue({
            code: 'custom',
            message: `Item "${id}" is free text and cannot be scored`,
            path: [...path, 'items', index],
          });
        } else if (item.type === 'choice' && item.options.some((option) => option.score === undefined)) {
          context.addIssue({
            code: 'custom',
            message: `Every option of item "${id}" needs a score to be scored`,
            path: [...path, 'items', index],
          });
        }
      });
    };
    if (definition.scoring.total) {
      checkScore(definition.scoring.total, ['scoring', 'total']);
    }
    definition.scoring.subscales.forEach((sub, index) => checkScore(sub, ['scoring', 'subscales', index]));
    if (definition.scoring.reliableChange !== undefined && !definition.scoring.total) {
      context.addIssue({
        code: 'custom',
        message: 'reliableChange needs a total to apply to',
        path: ['scoring', 'reliableChange'],
      });
    }
    if (definition.scoring.totalAlertAtOrBelow !== undefined && !definition.scoring.total) {
      context.addIssue({
        code: 'custom',
        message: 'totalAlertAtOrBelow needs a total to apply to',
        path: ['scoring', 'totalAlertAtOrBelow'],
      });
    }
  });
export type InstrumentDefinition = z.infer<typeof instrumentDefinition>;

/** One answer: a number on a scale, an option's value, or text. */
export const answerValue = z.union([z.number(), z.string().max(2000)]);
export type Answers = Record<string, number | string | null | undefined>;

export interface AnswerProblem {
  linkId: string;
  message: string;
}

/** Checks answers against the instrument: scale answers in range and whole, options that exist. */
export function checkAnswers(definition: InstrumentDefinition, answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(definition.items.map((item) => item.linkId));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      problems.push({ linkId: key, message: 'This instrument has no such item' });
    }
  }
  for (const item of definition.items) {
    const value = answers[item.linkId];
    if (value === null || value === undefined || value === '') {
      if (item.required) {
        problems.push({ linkId: item.linkId, message: 'This needs an answer' });
      }
      continue;
    }
    if (item.type === 'scale') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < item.min || value > item.max) {
        problems.push({ linkId: item.linkId, message: `Choose a whole number from ${item.min} to ${item.max}` });
      }
    } else if (item.type === 'choice') {
      if (typeof value !== 'string' || !item.options.some((option) => option.value === value)) {
        problems.push({ linkId: item.linkId, message: 'Choose one of the options' });
      }
    } else if (typeof value !== 'string' || value.length > 2000) {
      problems.push({ linkId: item.linkId, message: 'Use at most 2000 characters' });
    }
  }
  return problems;
}

function itemScore(item: InstrumentItem | undefined, value: Answers[string]): number | null {
  if (!item || value === null || value === undefined) {
    return null;
  }
  if (item.type === 'scale') {
    return typeof value === 'number' ? value : null;
  }
  if (item.type === 'choice') {
    return item.options.find((option) => option.value === value)?.score ?? null;
  }
  return null;
}

/**
 * A score over items. A sum needs every item answered (a sum of fewer items would read as a drop);
 * a mean needs at least half of them. Otherwise there is no score — never a guess.
 */
function scoreOf(
  definition: InstrumentDefinition,
  score: { items: string[]; method: 'sum' | 'mean' },
  answers: Answers,
): number | null {
  const byId = new Map(definition.items.map((item) => [item.linkId, item]));
  const values = score.items
    .map((id) => itemScore(byId.get(id), answers[id]))
    .filter((value): value is number => value !== null);
  if (score.method === 'sum') {
    return values.length === score.items.length ? values.reduce((a, b) => a + b, 0) : null;
  }
  if (values.length * 2 < score.items.length || values.length === 0) {
    return null;
  }
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

export interface Scores {
  total: number | null;
  subscales: Record<string, number | null>;
}

export function scoreAnswers(definition: InstrumentDefinition, answers: Answers): Scores {
  return {
    total: definition.scoring.total ? scoreOf(definition, definition.scoring.total, answers) : null,
    subscales: Object.fromEntries(
      definition.scoring.subscales.map((sub) => [sub.id, scoreOf(definition, sub, answers)]),
    ),
  };
}

/** How many earlier totals make the person's own running baseline. */
export const BASELINE_SIZE = 3;

/**
 * The person's own running baseline: the mean of their last (up to three) totals before this one,
 * from the same instrument version. No earlier totals, no baseline: a first check-in raises no drop.
 */
export function runningBaseline(earlierTotals: (number | null)[]): number | null {
  const usable = earlierTotals.filter((total): total is number => total !== null).slice(-BASELINE_SIZE);
  if (usable.length === 0) {
    return null;
  }
  return Math.round((usable.reduce((a, b) => a + b, 0) / usable.length) * 100) / 100;
}

export type CheckinAlert =
  | { kind: 'item_low'; linkId: string; value: number; threshold: number }
  | { kind: 'total_low'; total: number; threshold: number }
  | { kind: 'total_drop'; total: number; baseline: number; drop: number; reliableChange: number };

/**
 * What in a check-in should start a conversation — never a judgement: any item at or below its
 * threshold, a total at or below the instrument's, and a total that has dropped from the person's
 * own baseline by at least the reliable-change size.
 */
export function checkinAlerts(
  definition: InstrumentDefinition,
  answers: Answers,
  earlierTotals: (number | null)[],
): CheckinAlert[] {
  const alerts: CheckinAlert[] = [];
  for (const item of definition.items) {
    const value = answers[item.linkId];
    if (
      item.type === 'scale' &&
      item.alertAtOrBelow !== undefined &&
      typeof value === 'number' &&
      value <= item.alertAtOrBelow
    ) {
      alerts.push({ kind: 'item_low', linkId: item.linkId, value, threshold: item.alertAtOrBelow });
    }
  }
  const { total } = scoreAnswers(definition, answers);
  const { totalAlertAtOrBelow, reliableChange } = definition.scoring;
  if (total !== null && totalAlertAtOrBelow !== undefined && total <= totalAlertAtOrBelow) {
    alerts.push({ kind: 'total_low', total, threshold: totalAlertAtOrBelow });
  }
  const baseline = runningBaseline(earlierTotals);
  if (total !== null && baseline !== null && reliableChange !== undefined) {
    const drop = Math.round((baseline - total) * 100) / 100;
    if (drop >= reliableChange) {
      alerts.push({ kind: 'total_drop', total, baseline, drop, reliableChange });
    }
  }
  return alerts;
}

/** A FHIR R4/R5 Questionnaire for the instrument (scales as integers with min and max values). */
export function toFhirQuestionnaire(definition: InstrumentDefinition, canonicalBase: string): Record<string, unknown> {
  return {
    resourceType: 'Questionnaire',
    url: `${canonicalBase}/Questionnaire/${definition.key}`,
    version: definition.version,
    name: definition.key.replace(/[^a-z0-9]/g, '_'),
    title: definition.title,
    status: 'active',
    language: definition.language,
    copyright: definition.licence,
    item: definition.items.map((item) => {
      if (item.type === 'scale') {
        return {
          linkId: item.linkId,
          text: item.text,
          type: 'integer',
          required: item.required,
          extension: [
            { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: item.min },
            { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: item.max },
          ],
        };
      }
      if (item.type === 'choice') {
        return {
          linkId: item.linkId,
          text: item.text,
          type: 'choice',
          required: item.required,
          answerOption: item.options.map((option) => ({ valueCoding: { code: option.value, display: option.label } })),
        };
      }
      return { linkId: item.linkId, text: item.text, type: 'text', required: item.required };
    }),
  };
}

/** A FHIR QuestionnaireResponse for one set of answers. */
export function toFhirQuestionnaireResponse(
  definition: InstrumentDefinition,
  answers: Answers,
  canonicalBase: string,
  authored: string,
): Record<string, unknown> {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${canonicalBase}/Questionnaire/${definition.key}|${definition.version}`,
    status: 'completed',
    authored,
    item: definition.items
      .filter(
        (item) => answers[item.linkId] !== null && answers[item.linkId] !== undefined && answers[item.linkId] !== '',
      )
      .map((item) => {
        const value = answers[item.linkId]!;
        if (item.type === 'scale') {
          return { linkId: item.linkId, answer: [{ valueInteger: value }] };
        }
        if (item.type === 'choice') {
          const option = item.options.find((o) => o.value === value);
          return { linkId: item.linkId, answer: [{ valueCoding: { code: value, display: option?.label } }] };
        }
        return { linkId: item.linkId, answer: [{ valueString: value }] };
      }),
  };
}

/** Problems in an instrument definition, each with the path to it: `items[2].max`. */
export function describeDefinitionProblems(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.reduce<string>(
      (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
      '',
    ),
    message: issue.message,
  }));
}
