import { z } from 'zod';
import { calendarDate, pastOrToday } from './dates.js';

// One formatter per time zone: making an Intl.DateTimeFormat costs far more than using one (it was
// most of the brief's own CPU time, docs/performance.md).
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone ("2026-03-29" in Europe/London). */
export function localDate(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** Adds whole calendar days to a date; no clock time, so daylight-saving changes cannot shift it. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * When the next check-in is due: the last contact's local calendar date plus the agreed number of
 * days, or — before any contact — the day the rhythm was agreed plus that many days. Worked in
 * calendar dates in the organisation's time zone, so a visit at 23:30 on the night the clocks
 * change counts for the day it happened there.
 */
export function nextCheckinDue(
  lastContactAt: Date | null,
  agreedOn: string,
  everyDays: number,
  timeZone: string,
): string {
  const from = lastContactAt ? localDate(lastContactAt, timeZone) : agreedOn;
  return addDays(from, everyDays);
}

export type CadenceState = 'on_track' | 'due_today' | 'overdue';

export function cadenceState(dueOn: string, today: string): CadenceState {
  return dueOn > today ? 'on_track' : dueOn === today ? 'due_today' : 'overdue';
}

export const cadence = z
  .object({
    id: z.uuid(),
    networkMember: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('Null: check-ins with the person'),
    everyDays: z.number().int(),
    agreedOn: calendarDate,
    lastContactAt: z.iso.datetime().nullable(),
    nextDueOn: calendarDate,
    state: z.enum(['on_track', 'due_today', 'overdue']),
    daysOverdue: z.number().int(),
  })
  .meta({ id: 'Cadence' });
export type Cadence = z.infer<typeof cadence>;

export const cadenceRequest = z
  .object({
    networkMemberId: z.uuid().nullable().default(null).describe('A member of their network, or none for the person'),
    everyDays: z
      .number()
      .int()
      .min(1, 'At least every day')
      .max(366, 'At most once a year')
      .nullable()
      .describe('Null stops this rhythm'),
    agreedOn: pastOrToday.optional(),
  })
  .strict();
