import { z } from 'zod';
import { cadence } from './cadence.js';
import { commitment } from './commitments.js';
import { calendarDate } from './dates.js';
import { contactKind } from './contacts.js';

/** The next time a dated thing comes round: this year's (or next year's) for a yearly one. */
export function nextOccurrence(onDate: string, everyYear: boolean, today: string): string {
  if (!everyYear) {
    return onDate;
  }
  const [, month, day] = onDate.split('-');
  const year = Number(today.slice(0, 4));
  // 29 February comes round on 28 February in other years.
  const dated = (y: number) => {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return `${y}-${month}-${month === '02' && day === '29' && !leap ? '28' : day}`;
  };
  const thisYear = dated(year);
  return thisYear >= today ? thisYear : dated(year + 1);
}

export const briefThing = z.object({
  id: z.uuid(),
  text: z.string(),
  onDate: calendarDate.nullable().describe('The date it is about (the next one, for a yearly date)'),
  everyYear: z.boolean(),
  daysAway: z.number().int().nullable(),
});

/**
 * The pre-visit brief: everything a practitioner needs before a contact, in one answer — how to
 * address the person, language, what to remember, what to approach with care, promises both ways,
 * what was agreed last time, the rhythm of check-ins, changes in their network.
 */
export const brief = z
  .object({
    person: z.object({
      id: z.uuid(),
      fullName: z.string(),
      addressAs: z.string().nullable(),
      pronouns: z.string().nullable(),
      preferredLanguage: z.string().nullable(),
      interpreterNeeded: z.boolean(),
      interpreterLanguage: z.string().nullable(),
      preferredChannels: z.array(z.string()),
      bestTimes: z.string().nullable(),
      communicationToAvoid: z.string().nullable(),
      accessibilityNeeds: z.string().nullable(),
    }),
    thingsToRemember: z.array(briefThing).describe('Coming dates first, then undated'),
    approachWithCare: z.array(z.object({ id: z.uuid(), text: z.string() })),
    whatMatters: z.array(
      z.object({ text: z.string(), saidBy: z.string().nullable(), saidOn: calendarDate.nullable() }),
    ),
    promises: z.object({
      byUs: z.array(commitment).describe('Promises owed by practitioners, overdue first'),
      toUs: z.array(commitment).describe('Promises owed by the person, family or others, overdue first'),
    }),
    lastContact: z
      .object({
        id: z.uuid(),
        kind: contactKind,
        at: z.iso.datetime(),
        practitioner: z.string(),
        note: z.string().nullable().describe('The latest version of its note'),
        agreed: z.array(commitment).describe('Promises made in it'),
      })
      .nullable(),
    cadences: z.array(cadence),
    networkChanges: z.array(
      z.object({ name: z.string(), change: z.enum(['added', 'changed', 'ended']), on: z.iso.datetime() }),
    ),
    goals: z
      .array(
        z.object({
          id: z.uuid(),
          inTheirWords: z.string(),
          saidBy: z.string(),
          latestProgress: z.object({ score: z.number().int(), ratedOn: calendarDate }).nullable(),
          latestMilestone: z.object({ text: z.string(), reachedOn: calendarDate }).nullable(),
          openSteps: z.number().int(),
        }),
      )
      .describe('Their active goals, in their words, with the progress they last rated'),
    latestCheckIn: z
      .object({
        instrument: z.string(),
        completedAt: z.iso.datetime(),
        total: z.number().nullable(),
        raisedSomething: z.boolean().describe('It raised a prompt: a conversation to have'),
      })
      .nullable(),
    // Filled by a later module: the working agreement.
    workingAgreement: z.null(),
  })
  .meta({ id: 'Brief' });
export type Brief = z.infer<typeof brief>;
