import type { ProfileItem } from '../../domain/profile.js';

export interface RememberEntry {
  item: ProfileItem;
  /** The next time the date comes (this year's or next year's for yearly ones), or null. */
  next: string | null;
  /** Days from today to `next`; negative when a one-off date has passed. */
  daysAway: number | null;
}

const dayMs = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** This year's date for a yearly one (29 February falls on 28 February in other years). */
function inYear(isoDate: string, year: number): string {
  const monthDay = isoDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

export function nextOccurrence(item: Pick<ProfileItem, 'onDate' | 'everyYear'>, today: string): string | null {
  if (!item.onDate) {
    return null;
  }
  if (!item.everyYear) {
    return item.onDate;
  }
  const year = Number(today.slice(0, 4));
  const thisYear = inYear(item.onDate, year);
  return thisYear >= today ? thisYear : inYear(item.onDate, year + 1);
}

/**
 * Things to remember in the order a practitioner needs them: dated ones still to come, soonest
 * first (birthdays every year); then the undated ones, newest first; then dates that have passed.
 */
export function orderThingsToRemember(items: readonly ProfileItem[], today: string): RememberEntry[] {
  const entries = items.map((item) => {
    const next = nextOccurrence(item, today);
    return { item, next, daysAway: next ? daysBetween(today, next) : null };
  });
  const upcoming = entries
    .filter((entry) => entry.daysAway !== null && entry.daysAway >= 0)
    .sort((a, b) => a.daysAway! - b.daysAway!);
  const undated = entries
    .filter((entry) => entry.daysAway === null)
    .sort((a, b) => b.item.recordedAt.localeCompare(a.item.recordedAt));
  const past = entries
    .filter((entry) => entry.daysAway !== null && entry.daysAway < 0)
    .sort((a, b) => b.daysAway! - a.daysAway!);
  return [...upcoming, ...undated, ...past];
}
