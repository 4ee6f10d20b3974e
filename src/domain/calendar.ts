import { z } from 'zod';

export const calendarFeedStatus = z
  .object({
    active: z.boolean(),
    createdAt: z.iso.datetime().nullable(),
    lastReadAt: z.iso.datetime().nullable().describe('When a calendar app last fetched it'),
  })
  .meta({ id: 'CalendarFeedStatus' });
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;

export const calendarFeedCreated = z
  .object({
    url: z.url().describe('Shown once: only a hash of its token is kept'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CalendarFeedCreated' });

/** 32 random bytes, base64url: 43 characters. */
export const calendarTokenParams = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a calendar link') })
  .strict();

/**
 * Initials for a calendar entry: the first letter of the first and last words of a name
 * ("Leah Fraser" → "L.F."; "Amara" → "A."). Letters only, upper-cased in the name's own script.
 */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/u)
    .map((word) => /\p{L}/u.exec(word)?.[0])
    .filter((letter): letter is string => letter !== undefined);
  if (words.length === 0) {
    return '';
  }
  const picked = words.length === 1 ? [words[0]!] : [words[0]!, words[words.length - 1]!];
  return picked.map((letter) => `${letter.toLocaleUpperCase()}.`).join('');
}
