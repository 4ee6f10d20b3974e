import type { Party } from '../../domain/commitments.js';

/** Who, as chosen in a form: you, the person, a member of their network, or another professional. */
export type PartyChoice = 'you' | 'person' | 'other' | `member:${string}`;

/** One promise as typed: plain text and choices, until it is sent. */
export interface PromiseRowValues {
  /** Identifies the row in the form (not sent). */
  key: string;
  by: PartyChoice;
  byName: string;
  to: PartyChoice;
  toName: string;
  what: string;
  dueOn: string;
}

export type PromiseField = Exclude<keyof PromiseRowValues, 'key'>;

export function emptyPromiseRow(key: string): PromiseRowValues {
  return { key, by: 'you', byName: '', to: 'person', toName: '', what: '', dueOn: '' };
}

export function toParty(choice: PartyChoice, name: string): Party {
  if (choice === 'you') {
    return { kind: 'practitioner' };
  }
  if (choice === 'person') {
    return { kind: 'person' };
  }
  if (choice === 'other') {
    return { kind: 'other_professional', name };
  }
  return { kind: 'network_member', memberId: choice.slice('member:'.length) };
}

/** The promise as the API reads it (validated by the same schema there and here). */
export function promiseFromRow(row: PromiseRowValues) {
  return { by: toParty(row.by, row.byName), to: toParty(row.to, row.toName), what: row.what, dueOn: row.dueOn };
}

/**
 * Choosing who promised keeps the pair sensible: a promise is made to someone else, so when the
 * two would be the same the other side moves (you ↔ the person, by default).
 */
export function withParty(row: PromiseRowValues, side: 'by' | 'to', choice: PartyChoice): PromiseRowValues {
  const next = { ...row, [side]: choice };
  const other = side === 'by' ? 'to' : 'by';
  if (choice !== 'other' && next[other] === choice) {
    next[other] = choice === 'you' ? 'person' : 'you';
  } else if (side === 'by' && choice !== 'you' && row.to !== 'you' && row.by === 'you') {
    // "Amara promised…": most often, promised to you.
    next.to = 'you';
  }
  return next;
}

/** A problem's path from the API or the schema ("promises.0.by.name", "by.memberId") as a row field. */
export function rowField(path: string[]): PromiseField | null {
  const [first, second] = path;
  if (first === 'by' || first === 'to') {
    return second === 'name' ? (first === 'by' ? 'byName' : 'toName') : first;
  }
  return first === 'what' || first === 'dueOn' ? first : null;
}
