import type { Brief } from '../../domain/brief.js';
import { daysBetween } from '../ui/local-time';

/** Where a due date stands today: past it (by how many days), today, or still to come. */
export type DueState = { kind: 'overdue'; days: number } | { kind: 'today' } | { kind: 'coming'; days: number };

export function dueState(dueOn: string, today: string): DueState {
  const days = daysBetween(today, dueOn);
  if (days < 0) {
    return { kind: 'overdue', days: -days };
  }
  return days === 0 ? { kind: 'today' } : { kind: 'coming', days };
}

/** Within a week: worth a word before the visit ("Soon"). */
export const SOON_DAYS = 7;

type Thing = Brief['thingsToRemember'][number];

/** How a thing to remember is dated: coming (soon or not), already past, or not dated at all. */
export function rememberWhen(thing: Thing): 'soon' | 'coming' | 'past' | 'undated' {
  if (thing.onDate === null || thing.daysAway === null) {
    return 'undated';
  }
  if (thing.daysAway < 0) {
    return 'past';
  }
  return thing.daysAway <= SOON_DAYS ? 'soon' : 'coming';
}

/**
 * Coming dates first (soonest first), then undated things, then dates already past. The server
 * sends them in this order; the brief keeps it even if an older server does not.
 */
export function orderThings(things: readonly Thing[]): Thing[] {
  const rank = (thing: Thing) => {
    const when = rememberWhen(thing);
    return when === 'soon' || when === 'coming' ? 0 : when === 'undated' ? 1 : 2;
  };
  return [...things].sort(
    (a, b) => rank(a) - rank(b) || (a.daysAway ?? 0) - (b.daysAway ?? 0) || a.text.localeCompare(b.text),
  );
}

type OpenPromise = Brief['promises']['byUs'][number];

/** Overdue first (the longest overdue first), then by due date. */
export function overdueFirst(promises: readonly OpenPromise[]): OpenPromise[] {
  return [...promises].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn) || a.what.localeCompare(b.what),
  );
}

/** The person's own facts about how to speak with them: worth a section only when any is recorded. */
export function hasAddressFacts(person: Brief['person']): boolean {
  return Boolean(
    person.addressAs ||
    person.pronouns ||
    person.preferredLanguage ||
    person.interpreterNeeded ||
    person.preferredChannels.length > 0 ||
    person.bestTimes ||
    person.communicationToAvoid ||
    person.accessibilityNeeds,
  );
}

/** The first lines of the last note, for the brief: the whole note is one click away. */
export function noteExcerpt(note: string, maxCharacters = 600): { text: string; shortened: boolean } {
  const text = note.trim();
  if (text.length <= maxCharacters) {
    return { text, shortened: false };
  }
  const cut = text.slice(0, maxCharacters);
  const lastSpace = cut.lastIndexOf(' ');
  return { text: `${(lastSpace > maxCharacters * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`, shortened: true };
}
