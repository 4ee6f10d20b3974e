import { z } from 'zod';
import { calendarDate, todayIso } from './dates.js';
import { lineOfText, paragraphOfText } from './text.js';

export const partyKinds = ['practitioner', 'person', 'network_member', 'other_professional'] as const;

/** Who promised, or to whom: the practitioner (me, unless named), the person, a member, another professional. */
export const party = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('practitioner'), userId: z.uuid().optional().describe('Defaults to you') }).strict(),
  z.object({ kind: z.literal('person') }).strict(),
  z.object({ kind: z.literal('network_member'), memberId: z.uuid() }).strict(),
  z.object({ kind: z.literal('other_professional'), name: lineOfText({ max: 200, required: 'Name them' }) }).strict(),
]);
export type Party = z.infer<typeof party>;

export const commitmentStatuses = ['open', 'kept', 'kept_late', 'renegotiated', 'not_kept'] as const;
export const commitmentStatus = z.enum(commitmentStatuses);
export type CommitmentStatus = z.infer<typeof commitmentStatus>;

/** Still owed: open, or renegotiated to a new date. */
export const outstanding = (status: CommitmentStatus) => status === 'open' || status === 'renegotiated';

export type CommitmentChange = 'keep' | 'renegotiate' | 'not_kept';

/**
 * The promise's state machine. Kept, kept late and not kept are final: a finished promise is not
 * reopened, a new one is made. Whether a keeping is late is decided by the date, not by choice.
 */
export function applyCommitmentChange(
  current: { status: CommitmentStatus; dueOn: string },
  change: { kind: 'keep'; keptOn: string } | { kind: 'renegotiate'; newDueOn: string } | { kind: 'not_kept' },
): { ok: true; status: CommitmentStatus; dueOn: string } | { ok: false; problem: string } {
  if (!outstanding(current.status)) {
    return {
      ok: false,
      problem: `This promise is already ${current.status.replace('_', ' ')}; it cannot change again. Make a new one if needed.`,
    };
  }
  switch (change.kind) {
    case 'keep':
      return { ok: true, status: change.keptOn <= current.dueOn ? 'kept' : 'kept_late', dueOn: current.dueOn };
    case 'renegotiate':
      if (change.newDueOn === current.dueOn) {
        return { ok: false, problem: 'The new date is the same as the old one.' };
      }
      return { ok: true, status: 'renegotiated', dueOn: change.newDueOn };
    case 'not_kept':
      return { ok: true, status: 'not_kept', dueOn: current.dueOn };
  }
}

/** Overdue: still owed and the due date has passed. */
export function isOverdue(status: CommitmentStatus, dueOn: string, today = todayIso()): boolean {
  return outstanding(status) && dueOn < today;
}

const notInThePast = calendarDate.refine((value) => value >= todayIso(), 'A promise cannot be due in the past');

const commitmentFields = {
  by: party,
  to: party,
  what: paragraphOfText({ max: 1000, tooShort: 'Say what was promised' }),
  dueOn: notInThePast,
};

function checkParties(value: { by: Party; to: Party }, context: z.RefinementCtx): void {
  if (JSON.stringify(value.by) === JSON.stringify(value.to)) {
    context.addIssue({ code: 'custom', path: ['to'], message: 'A promise is made to someone else' });
  }
}

/** A promise recorded on its own (optionally linked to the contact where it was made). */
export const newCommitment = z
  .object({ ...commitmentFields, madeInContactId: z.uuid().optional() })
  .strict()
  .superRefine(checkParties);
export type NewCommitment = z.infer<typeof newCommitment>;

/** A promise recorded with the contact where it was made. */
export const newCommitmentInContact = z.object(commitmentFields).strict().superRefine(checkParties);
export type NewCommitmentInContact = z.infer<typeof newCommitmentInContact>;

export const keepRequest = z
  .object({
    keptOn: calendarDate.refine((value) => value <= todayIso(), 'It cannot be kept in the future'),
    contactId: z.uuid().optional().describe('The contact where it was kept'),
  })
  .strict();
export const renegotiateRequest = z
  .object({
    newDueOn: notInThePast,
    reason: paragraphOfText({ min: 5, max: 1000, tooShort: 'Give the honest reason, as you would tell the person' }),
  })
  .strict();
export const notKeptRequest = z
  .object({
    reason: paragraphOfText({ min: 5, max: 1000, tooShort: 'Say what happened, as you would tell the person' }),
  })
  .strict();

export const commitmentEvent = z.object({
  event: z.enum(['made', 'renegotiated', 'kept', 'kept_late', 'not_kept']),
  previousDueOn: calendarDate.nullable(),
  newDueOn: calendarDate.nullable(),
  reason: z.string().nullable(),
  contactId: z.uuid().nullable(),
  recordedBy: z.object({ id: z.uuid(), displayName: z.string().nullable() }),
  recordedAt: z.iso.datetime(),
});

const shownParty = z.object({
  kind: z.enum(partyKinds),
  id: z.uuid().nullable(),
  name: z.string().describe('Who, in words: "you", "Amara", "Margaret Hughes", "Dr Morgan"'),
});

export const commitment = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    by: shownParty,
    to: shownParty,
    what: z.string(),
    dueOn: calendarDate,
    status: commitmentStatus,
    overdue: z.boolean(),
    keptOn: calendarDate.nullable(),
    madeInContactId: z.uuid().nullable(),
    keptInContactId: z.uuid().nullable(),
    history: z.array(commitmentEvent),
    version: z.number().int(),
  })
  .meta({ id: 'Commitment' });
export type Commitment = z.infer<typeof commitment>;

export const commitmentParams = z.object({ personId: z.uuid(), commitmentId: z.uuid() }).strict();
export const commitmentListQuery = z
  .object({ status: z.enum(['outstanding', 'overdue', 'finished', 'all']).default('all') })
  .strict();

export const promiseCheck = z.object({
  overdueCount: z.number().int().describe('Your promises past their date, still open'),
  outsideWorkingDays: z.boolean().describe('The date falls on a day you do not work'),
  message: z.string().nullable(),
});
export const promiseCheckQuery = z.object({ dueOn: calendarDate }).strict();
