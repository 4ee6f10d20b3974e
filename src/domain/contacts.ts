import { z } from 'zod';
import { instant } from './dates.js';
import { lineOfText, paragraphOfText } from './text.js';
import { newCommitmentInContact } from './commitments.js';

export const contactKinds = ['home_visit', 'office', 'phone', 'video', 'message', 'letter'] as const;
export const contactKind = z.enum(contactKinds);
export type ContactKind = z.infer<typeof contactKind>;

export const contactStatuses = ['draft', 'planned', 'made', 'attempted', 'cancelled'] as const;
export const contactStatus = z.enum(contactStatuses);
export type ContactStatus = z.infer<typeof contactStatus>;

/** Punctuality: a visit "started on time" when it began no more than 10 minutes after the plan. */
export const ON_TIME_MINUTES = 10;

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

export interface ContactTimes {
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  receivedAt: string | null;
  answeredAt: string | null;
}

/** What the times say: how late it started, whether that counts as on time, overrun, response time. */
export function contactMeasures(times: ContactTimes) {
  const minutesLate =
    times.plannedStart && times.actualStart ? minutesBetween(times.plannedStart, times.actualStart) : null;
  const plannedLength =
    times.plannedStart && times.plannedEnd ? minutesBetween(times.plannedStart, times.plannedEnd) : null;
  const actualLength = times.actualStart && times.actualEnd ? minutesBetween(times.actualStart, times.actualEnd) : null;
  return {
    /** Negative: started early. */
    minutesLate,
    startedOnTime: minutesLate === null ? null : minutesLate <= ON_TIME_MINUTES,
    /** Positive: ran over the agreed length; negative: finished early. */
    overrunMinutes: plannedLength !== null && actualLength !== null ? actualLength - plannedLength : null,
    /** For contacts the person started: how long until they were answered. */
    responseMinutes: times.receivedAt && times.answeredAt ? minutesBetween(times.receivedAt, times.answeredAt) : null,
  };
}
export type ContactMeasures = ReturnType<typeof contactMeasures>;

export const noteVersion = z.object({
  version: z.number().int(),
  text: z.string(),
  correctionReason: z.string().nullable(),
  writtenBy: z.object({ id: z.uuid(), displayName: z.string().nullable() }),
  writtenAt: z.iso.datetime(),
  signedOffAt: z.iso.datetime().nullable(),
  signedOffBy: z.object({ id: z.uuid(), displayName: z.string().nullable() }).nullable(),
});
export type NoteVersion = z.infer<typeof noteVersion>;

export const contact = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    practitioner: z.object({ id: z.uuid(), displayName: z.string() }),
    kind: contactKind,
    status: contactStatus,
    initiatedBy: z.enum(['practitioner', 'person']),
    plannedStart: z.iso.datetime().nullable(),
    plannedEnd: z.iso.datetime().nullable(),
    actualStart: z.iso.datetime().nullable(),
    actualEnd: z.iso.datetime().nullable(),
    receivedAt: z.iso.datetime().nullable(),
    answeredAt: z.iso.datetime().nullable(),
    place: z.string().nullable(),
    placeHidden: z
      .boolean()
      .describe('The place is kept from you: the person’s contact details are restricted to their practitioners'),
    cancelledReason: z.string().nullable(),
    participants: z.array(z.object({ memberId: z.uuid(), name: z.string() })),
    /** Every version of the note, oldest first; the last is the note. */
    notes: z.array(noteVersion),
    measures: z.object({
      minutesLate: z.number().int().nullable(),
      startedOnTime: z.boolean().nullable(),
      overrunMinutes: z.number().int().nullable(),
      responseMinutes: z.number().int().nullable(),
    }),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contact>;

const contactFields = {
  kind: contactKind,
  initiatedBy: z.enum(['practitioner', 'person']).optional(),
  plannedStart: instant.nullable().optional(),
  plannedEnd: instant.nullable().optional(),
  actualStart: instant.nullable().optional(),
  actualEnd: instant.nullable().optional(),
  receivedAt: instant.nullable().optional(),
  answeredAt: instant.nullable().optional(),
  place: z.union([z.literal('').transform(() => null), z.null(), lineOfText({ max: 200 })]).optional(),
  participantIds: z.array(z.uuid()).max(50).optional().describe('Network members who were there'),
};

type TimesInput = {
  status?: ContactStatus;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  actualStart?: string | null;
  actualEnd?: string | null;
  receivedAt?: string | null;
  answeredAt?: string | null;
  initiatedBy?: 'practitioner' | 'person';
};

/** Times that cannot be: ending before starting, answered before received, a plan without a start. */
export function checkTimes(input: TimesInput, context: z.RefinementCtx): void {
  const before = (a?: string | null, b?: string | null) => Boolean(a && b && Date.parse(b) < Date.parse(a));
  if (
    before(input.plannedStart, input.plannedEnd) ||
    (input.plannedEnd && input.plannedStart && input.plannedEnd === input.plannedStart)
  ) {
    context.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'The planned end is before the start' });
  }
  if (before(input.actualStart, input.actualEnd)) {
    context.addIssue({ code: 'custom', path: ['actualEnd'], message: 'The contact ends before it starts' });
  }
  if (before(input.receivedAt, input.answeredAt)) {
    context.addIssue({ code: 'custom', path: ['answeredAt'], message: 'It was answered before it came in' });
  }
  const longest = 12 * 3_600_000;
  if (input.actualStart && input.actualEnd && Date.parse(input.actualEnd) - Date.parse(input.actualStart) > longest) {
    context.addIssue({ code: 'custom', path: ['actualEnd'], message: 'A contact lasts at most 12 hours' });
  }
  if (
    input.plannedStart &&
    input.plannedEnd &&
    Date.parse(input.plannedEnd) - Date.parse(input.plannedStart) > longest
  ) {
    context.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'A contact lasts at most 12 hours' });
  }
  if (input.plannedEnd && !input.plannedStart) {
    context.addIssue({ code: 'custom', path: ['plannedStart'], message: 'Give the planned start too' });
  }
  if (input.actualEnd && !input.actualStart) {
    context.addIssue({ code: 'custom', path: ['actualStart'], message: 'Give the start too' });
  }
  if (input.receivedAt && input.initiatedBy !== 'person') {
    context.addIssue({
      code: 'custom',
      path: ['receivedAt'],
      message: 'Only a contact the person started has a time it came in',
    });
  }
  const now = Date.now() + 5 * 60_000; // a little slack for clocks
  for (const field of ['actualStart', 'actualEnd', 'receivedAt', 'answeredAt'] as const) {
    const value = input[field];
    if (value && Date.parse(value) > now) {
      context.addIssue({ code: 'custom', path: [field], message: 'This has not happened yet' });
    }
  }
  if (input.status === 'planned' && !input.plannedStart) {
    context.addIssue({ code: 'custom', path: ['plannedStart'], message: 'A planned contact needs a start time' });
  }
  if ((input.status === 'made' || input.status === 'attempted') && !input.actualStart && !input.receivedAt) {
    context.addIssue({ code: 'custom', path: ['actualStart'], message: 'Say when it happened' });
  }
}

/**
 * A new contact. Only its kind and a time are required (a draft needs only its kind): recording a
 * routine visit must be quick. Promises made during it can come in the same request.
 */
export const newContact = z
  .object({
    ...contactFields,
    status: z.enum(['draft', 'planned', 'made', 'attempted']),
    note: paragraphOfText({ max: 20000 }).optional(),
    promises: z.array(newCommitmentInContact).max(20).optional(),
  })
  .strict()
  .superRefine(checkTimes)
  .superRefine((input, context) => {
    // A draft is unfinished: promises would be live (reminded, counted, seen) before the contact
    // is. They are recorded with the contact, or on their own once it is.
    if (input.status === 'draft' && input.promises && input.promises.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['promises'],
        message: 'Record promises with the contact, not with a draft',
      });
    }
  });
export type NewContact = z.infer<typeof newContact>;

export const contactUpdate = z
  .object({
    ...contactFields,
    kind: contactKind.optional(),
    status: contactStatus.exclude(['draft']).optional(),
    cancelledReason: lineOfText({ max: 500 }).optional(),
  })
  .strict();
export type ContactUpdate = z.infer<typeof contactUpdate>;

export const noteRequest = z
  .object({ text: paragraphOfText({ max: 20000, tooShort: 'Write the note first' }) })
  .strict();
export const correctionRequest = z
  .object({
    text: paragraphOfText({ max: 20000, tooShort: 'Write the corrected note' }),
    reason: paragraphOfText({ max: 1000, tooShort: 'Say why the note is being corrected' }),
  })
  .strict();

export const contactParams = z.object({ personId: z.uuid(), contactId: z.uuid() }).strict();

/** Which status may follow which: a draft becomes real; a plan happens, is tried, or is cancelled. */
export function allowedContactChange(from: ContactStatus, to: ContactStatus): boolean {
  if (from === to) {
    return from !== 'cancelled';
  }
  switch (from) {
    case 'draft':
      return to !== 'draft';
    case 'planned':
      return to === 'made' || to === 'attempted' || to === 'cancelled';
    case 'attempted':
      return to === 'made';
    case 'made':
    case 'cancelled':
      return false;
  }
}
