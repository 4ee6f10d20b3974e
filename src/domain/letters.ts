import { z } from 'zod';

export const letterRequest = z
  .object({
    includePersonContact: z
      .boolean()
      .default(false)
      .describe('Add how to reach the person — left out whenever it must not leave'),
  })
  .strict();

/** A letter to print and send: an outward-facing view of the person. */
export const letter = z
  .object({
    to: z.object({ name: z.string(), address: z.string().nullable() }),
    from: z.object({ name: z.string(), organisation: z.string() }),
    date: z.string(),
    greeting: z.string(),
    paragraphs: z.array(z.string()),
    signOff: z.string(),
    withheld: z.array(z.string()).describe('What was left out, and why, for the practitioner to see'),
  })
  .meta({ id: 'Letter' });
export type Letter = z.infer<typeof letter>;
