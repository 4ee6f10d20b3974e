import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD`, with no time zone: a birthday, a court date. */
export const calendarDate = z.iso.date('Use a date like 2026-03-14');

/** Today's date where the server is, as `YYYY-MM-DD` (UTC). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A date that has already happened (or is today). */
export const pastOrToday = calendarDate.refine((value) => value <= todayIso(), 'This date is in the future');
