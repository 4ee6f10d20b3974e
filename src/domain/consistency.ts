import { z } from 'zod';

/** One figure and the records behind it, so nobody has to take a number on trust. */
export const figure = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.number().nullable().describe('numerator ÷ denominator, or null when there is nothing to count'),
  behind: z.array(
    z.object({
      kind: z.enum(['commitment', 'contact', 'cadence']),
      id: z.uuid(),
      personId: z.uuid(),
      label: z.string(),
      counts: z.boolean().describe('True when this record counts towards the numerator'),
    }),
  ),
});
export type Figure = z.infer<typeof figure>;

export const consistency = z
  .object({
    days: z.number().int(),
    promisesKeptOnTime: figure.describe('Practitioners’ promises due in the period: kept by their date'),
    visitsStartedOnTime: figure.describe('Visits that happened in the period: started within 10 minutes of plan'),
    checkinsOnRhythm: figure.describe('Agreed check-in rhythms: not overdue today'),
  })
  .meta({ id: 'Consistency' });
export type Consistency = z.infer<typeof consistency>;

export const consistencyQuery = z.object({ days: z.coerce.number().int().min(7).max(366).default(90) }).strict();
export const practitionerParams = z.object({ userId: z.uuid() }).strict();

export function toFigure(behind: Figure['behind']): Figure {
  const numerator = behind.filter((item) => item.counts).length;
  return {
    numerator,
    denominator: behind.length,
    rate: behind.length === 0 ? null : numerator / behind.length,
    behind,
  };
}
