import { describe, expect, it } from 'vitest';
import { addDays, cadenceState, localDate, nextCheckinDue } from './cadence.js';

describe('check-in due dates, in calendar days where the organisation is', () => {
  it.each([
    { case: 'a fortnight after the last visit', last: '2026-06-10T14:00:00Z', every: 14, due: '2026-06-24' },
    // Clocks go forward in London at 01:00 UTC on 29 March 2026: a day of 23 hours.
    { case: 'across the spring clock change', last: '2026-03-28T10:00:00Z', every: 1, due: '2026-03-29' },
    { case: 'a week across the spring change', last: '2026-03-25T09:00:00Z', every: 7, due: '2026-04-01' },
    // Clocks go back at 01:00 UTC on 25 October 2026: a day of 25 hours.
    // 23:30 UTC on the 24th is 00:30 on the 25th in London, the night the clocks go back.
    { case: 'across the autumn clock change', last: '2026-10-24T23:30:00Z', every: 1, due: '2026-10-26' },
    // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST): it counts for the 2nd.
    { case: 'a late visit counts for the local day', last: '2026-07-01T23:30:00Z', every: 7, due: '2026-07-09' },
    { case: 'over a year end', last: '2026-12-28T12:00:00Z', every: 7, due: '2027-01-04' },
    { case: 'over a leap day', last: '2028-02-27T12:00:00Z', every: 2, due: '2028-02-29' },
  ])('$case', ({ last, every, due }) => {
    expect(nextCheckinDue(new Date(last), '2026-01-01', every, 'Europe/London')).toBe(due);
  });

  it('counts from the day the rhythm was agreed when there has been no contact yet', () => {
    expect(nextCheckinDue(null, '2026-05-01', 28, 'Europe/London')).toBe('2026-05-29');
  });

  it('follows the organisation’s time zone, not the server’s', () => {
    const instant = new Date('2026-01-10T03:00:00Z');
    expect(localDate(instant, 'Europe/London')).toBe('2026-01-10');
    expect(localDate(instant, 'America/New_York')).toBe('2026-01-09');
    expect(nextCheckinDue(instant, '2026-01-01', 1, 'America/New_York')).toBe('2026-01-10');
  });

  it('says whether a rhythm is on track, due today or overdue', () => {
    expect(cadenceState('2026-06-24', '2026-06-23')).toBe('on_track');
    expect(cadenceState('2026-06-24', '2026-06-24')).toBe('due_today');
    expect(cadenceState('2026-06-24', '2026-06-25')).toBe('overdue');
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
  });
});
