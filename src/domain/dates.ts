import { z } from 'zod';

/** The years a date in a social-care record can fall in; anything else is a typing slip. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

/** A calendar date, `YYYY-MM-DD`, with no time zone: a birthday, a court date. */
export const calendarDate = z.iso.date('Use a date like 2026-03-14').refine((value) => {
  const year = Number(value.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}, `Use a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}`);

/** A moment in time with its offset, within the same years as calendarDate. */
export const instant = z.iso
  .datetime({ offset: true, message: 'Use a date and time like 2026-03-14T10:30:00Z' })
  .refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
  }, `Use a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}`);

/** Today's date where the server is, as `YYYY-MM-DD` (UTC). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A date that has already happened (or is today). */
export const pastOrToday = calendarDate.refine((value) => value <= todayIso(), 'This date is in the future');
