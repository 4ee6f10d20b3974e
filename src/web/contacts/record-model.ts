import type { z } from 'zod';
import { newContact, type Contact, type ContactKind, type ContactUpdate } from '../../domain/contacts.js';
import { promiseFromRow, rowField, type PromiseRowValues } from '../commitments/promise-row';
import { fromLocalInput, toLocalInput } from '../ui/local-time';

export type Outcome = 'made' | 'attempted' | 'planned';

/** The record-a-contact form as typed: plain text, ticks and lists. */
export interface RecordValues {
  kind: ContactKind;
  outcome: Outcome;
  actualStart: string;
  /** How long it lasted, in minutes (a practitioner says "an hour", not "until 15:10"). */
  actualMinutes: string;
  /** A time was agreed beforehand (for a contact that happened): shows punctuality and overrun. */
  plannedKnown: boolean;
  plannedStart: string;
  /** The agreed length, in minutes. */
  plannedMinutes: string;
  theyStarted: boolean;
  receivedAt: string;
  answeredAt: string;
  place: string;
  participantIds: string[];
  note: string;
  promises: PromiseRowValues[];
}

/** What the server holds of a contact, to compare with the form and send only what changed. */
export interface ContactFields {
  kind: ContactKind;
  initiatedBy: 'practitioner' | 'person';
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  receivedAt: string | null;
  answeredAt: string | null;
  place: string | null;
  participantIds: string[];
}
type TimeField = 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd' | 'receivedAt' | 'answeredAt';
const timeFields: TimeField[] = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'receivedAt', 'answeredAt'];

/** The longest contact the server takes (12 hours). */
export const LONGEST_MINUTES = 12 * 60;

/** A new form: a home visit that happened, starting now. */
export function initialValues(now = new Date()): RecordValues {
  return {
    kind: 'home_visit',
    outcome: 'made',
    actualStart: toLocalInput(now),
    actualMinutes: '',
    plannedKnown: false,
    plannedStart: '',
    plannedMinutes: '',
    theyStarted: false,
    receivedAt: '',
    answeredAt: '',
    place: '',
    participantIds: [],
    note: '',
    promises: [],
  };
}

/** Messages and letters have no length. */
export function hasLength(kind: ContactKind): boolean {
  return kind !== 'message' && kind !== 'letter';
}

/** A visit to their home is the practitioner's; a call, a message, a drop-in may be theirs. */
export function canBeTheirs(kind: ContactKind): boolean {
  return kind !== 'home_visit';
}

/** A length as typed: whole minutes from 1 to 12 hours, or null (empty or not a length). */
export function minutesOf(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) {
    return null;
  }
  const minutes = Number(trimmed);
  return minutes >= 1 && minutes <= LONGEST_MINUTES ? minutes : null;
}

function endOf(start: string | null, minutes: string): string | null {
  const length = minutesOf(minutes);
  return start && length !== null ? new Date(Date.parse(start) + length * 60_000).toISOString() : null;
}

/** Whole minutes between two instants, as the form shows a length. */
function minutesBetween(start: string | null, end: string | null): string {
  return start && end ? String(Math.round((Date.parse(end) - Date.parse(start)) / 60_000)) : '';
}

/** The contact's fields as the form says them (the times that apply to the chosen outcome only). */
export function fieldsOf(values: RecordValues): ContactFields {
  const planned = values.outcome === 'planned';
  const withPlan = planned || values.plannedKnown;
  const person = !planned && values.theyStarted && canBeTheirs(values.kind);
  const length = hasLength(values.kind);
  const plannedStart = withPlan ? fromLocalInput(values.plannedStart) : null;
  const actualStart = planned ? null : fromLocalInput(values.actualStart);
  return {
    kind: values.kind,
    initiatedBy: person ? 'person' : 'practitioner',
    plannedStart,
    plannedEnd: withPlan && length ? endOf(plannedStart, values.plannedMinutes) : null,
    actualStart,
    // Only a contact that happened has a length; an attempt has only its time.
    actualEnd: values.outcome === 'made' && length ? endOf(actualStart, values.actualMinutes) : null,
    receivedAt: person ? fromLocalInput(values.receivedAt) : null,
    answeredAt: person ? fromLocalInput(values.answeredAt) : null,
    place: values.place.trim() || null,
    participantIds: [...values.participantIds].sort(),
  };
}

export function fieldsOfContact(contact: Contact): ContactFields {
  return {
    kind: contact.kind,
    initiatedBy: contact.initiatedBy,
    plannedStart: contact.plannedStart,
    plannedEnd: contact.plannedEnd,
    actualStart: contact.actualStart,
    actualEnd: contact.actualEnd,
    receivedAt: contact.receivedAt,
    answeredAt: contact.answeredAt,
    place: contact.place,
    participantIds: contact.participants.map((participant) => participant.memberId).sort(),
  };
}

/** The form filled from a draft kept on the server, to carry on with it. */
export function valuesFromDraft(contact: Contact, now = new Date()): RecordValues {
  const local = (value: string | null) => (value ? toLocalInput(value) : '');
  const planned = contact.plannedStart !== null && contact.actualStart === null && contact.receivedAt === null;
  return {
    ...initialValues(now),
    kind: contact.kind,
    outcome: planned ? 'planned' : 'made',
    actualStart: contact.actualStart ? local(contact.actualStart) : toLocalInput(now),
    actualMinutes: minutesBetween(contact.actualStart, contact.actualEnd),
    plannedKnown: !planned && contact.plannedStart !== null,
    plannedStart: local(contact.plannedStart),
    plannedMinutes: minutesBetween(contact.plannedStart, contact.plannedEnd),
    theyStarted: contact.initiatedBy === 'person',
    receivedAt: local(contact.receivedAt),
    answeredAt: local(contact.answeredAt),
    place: contact.place ?? '',
    participantIds: contact.participants.map((participant) => participant.memberId),
    note: contact.notes.at(-1)?.text ?? '',
  };
}

/** Worth keeping as a draft: something has been written or chosen beyond the defaults. */
export function isMeaningful(values: RecordValues): boolean {
  return values.note.trim() !== '' || values.place.trim() !== '' || values.participantIds.length > 0;
}

export type NewContactInput = z.input<typeof newContact>;

function bodyOf(fields: ContactFields, status: NewContactInput['status'], note: string): NewContactInput {
  const body: NewContactInput = { kind: fields.kind, status };
  if (fields.initiatedBy === 'person') {
    body.initiatedBy = 'person';
  }
  for (const field of timeFields) {
    if (fields[field]) {
      body[field] = fields[field];
    }
  }
  if (fields.place) {
    body.place = fields.place;
  }
  if (fields.participantIds.length > 0) {
    body.participantIds = fields.participantIds;
  }
  if (note.trim()) {
    body.note = note.trim();
  }
  return body;
}

/**
 * A draft as the server will take it: what is typed so far, leaving out anything not valid yet (a
 * half-typed time, say) so that saving a draft never fails on the way.
 */
export function draftBody(values: RecordValues): NewContactInput {
  const fields = fieldsOf(values);
  const full = bodyOf(fields, 'draft', values.note);
  const checked = newContact.safeParse(full);
  if (checked.success) {
    return full;
  }
  const bad = new Set(checked.error.issues.map((issue) => String(issue.path[0])));
  const timesBad = timeFields.some((field) => bad.has(field));
  const kept: ContactFields = {
    ...fields,
    ...(timesBad
      ? { initiatedBy: 'practitioner', ...Object.fromEntries(timeFields.map((field) => [field, null])) }
      : {}),
    place: bad.has('place') ? null : fields.place,
  };
  const body = bodyOf(kept, 'draft', bad.has('note') ? '' : values.note);
  return newContact.safeParse(body).success ? body : { kind: values.kind, status: 'draft' };
}

/** The fields of a draft body, to compare with what the server holds. */
export function fieldsOfBody(body: NewContactInput): ContactFields {
  return {
    kind: body.kind,
    initiatedBy: body.initiatedBy ?? 'practitioner',
    plannedStart: body.plannedStart ?? null,
    plannedEnd: body.plannedEnd ?? null,
    actualStart: body.actualStart ?? null,
    actualEnd: body.actualEnd ?? null,
    receivedAt: body.receivedAt ?? null,
    answeredAt: body.answeredAt ?? null,
    place: typeof body.place === 'string' && body.place.trim() ? body.place.trim() : null,
    participantIds: [...(body.participantIds ?? [])].sort(),
  };
}

const sameTime = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));

/** Only what differs between the server's copy and the form, as a PATCH body. */
export function changesFrom(saved: ContactFields, wanted: ContactFields): ContactUpdate {
  const changes: ContactUpdate = {};
  if (saved.kind !== wanted.kind) {
    changes.kind = wanted.kind;
  }
  if (saved.initiatedBy !== wanted.initiatedBy) {
    changes.initiatedBy = wanted.initiatedBy;
  }
  for (const field of timeFields) {
    if (!sameTime(saved[field], wanted[field])) {
      changes[field] = wanted[field];
    }
  }
  if ((saved.place ?? '') !== (wanted.place ?? '')) {
    changes.place = wanted.place;
  }
  if (saved.participantIds.join() !== wanted.participantIds.join()) {
    changes.participantIds = wanted.participantIds;
  }
  return changes;
}

export type RecordErrors = Record<string, string>;

/** Lengths typed that are not a number of minutes: the schema would never see them. */
function lengthProblems(values: RecordValues): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  const check = (field: 'actualMinutes' | 'plannedMinutes', applies: boolean) => {
    if (applies && values[field].trim() !== '' && minutesOf(values[field]) === null) {
      problems.push({ path: [field], message: 'Give the length in whole minutes, up to 720 (12 hours)' });
    }
  };
  const length = hasLength(values.kind);
  check('actualMinutes', length && values.outcome === 'made');
  check('plannedMinutes', length && (values.outcome === 'planned' || values.plannedKnown));
  // Recorded afterwards with the start left at "now": say so where it can be put right.
  const end = fieldsOf(values).actualEnd;
  if (end && Date.parse(end) > now().getTime() + SLACK_MS) {
    problems.push({
      path: ['actualStart'],
      message: 'With this length it would end later than now: set when it started',
    });
  }
  return problems;
}

/** The server allows clocks to differ by a few minutes. */
const SLACK_MS = 5 * 60_000;
const now = () => new Date();

/**
 * The contact as it is recorded (made, attempted or planned), with its note and promises — checked
 * by the same schema as the server. Problems come back keyed by field ("actualMinutes",
 * "promises.<row key>.dueOn").
 */
export function finalBody(
  values: RecordValues,
  unsavedPromises: PromiseRowValues[],
): { ok: true; body: NewContactInput } | { ok: false; errors: RecordErrors } {
  const body: NewContactInput = {
    ...bodyOf(fieldsOf(values), values.outcome, values.note),
    ...(unsavedPromises.length > 0 ? { promises: unsavedPromises.map(promiseFromRow) } : {}),
  };
  const checked = newContact.safeParse(body);
  const own = lengthProblems(values);
  const endsLater = own.some((problem) => problem.path[0] === 'actualStart');
  const problems = [
    ...own,
    ...(checked.success
      ? []
      : checked.error.issues
          .map((issue) => ({ path: issue.path.map(String), message: issue.message }))
          // The end is not typed: its problem is already said at the start.
          .filter((problem) => !(endsLater && problem.path[0] === 'actualEnd'))),
  ];
  return problems.length === 0 ? { ok: true, body } : { ok: false, errors: errorsByField(problems, unsavedPromises) };
}

/** The form field that shows a problem with an API field (an end is typed as a length). */
const formFieldOf: Record<string, string> = {
  initiatedBy: 'receivedAt',
  actualEnd: 'actualMinutes',
  plannedEnd: 'plannedMinutes',
};

/**
 * Problems (from the schema or the server) keyed by the form's fields: a promise's problems by its
 * row ("promises.<row key>.dueOn"), so they stay with the right row.
 */
export function errorsByField(problems: { path: string[]; message: string }[], rows: PromiseRowValues[]): RecordErrors {
  const errors: RecordErrors = {};
  for (const { path, message } of problems) {
    let key: string;
    if (path[0] === 'promises' && path.length > 1) {
      const row = rows[Number(path[1])];
      const field = rowField(path.slice(2));
      key = row ? `promises.${row.key}.${field ?? 'what'}` : 'form';
    } else {
      const first = path[0] ?? 'form';
      key = formFieldOf[first] ?? first;
    }
    errors[key] ??= message;
  }
  return errors;
}
