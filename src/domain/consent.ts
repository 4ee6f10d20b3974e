import { z } from 'zod';
import { calendarDate, todayIso } from './dates.js';
import { lineOfText, paragraphOfText } from './text.js';

export const consentPurposes = [
  'share_updates',
  'share_plan',
  'share_concerns',
  'contact_them',
  'make_referral',
  'other',
] as const;
export const consentPurpose = z.enum(consentPurposes);
export type ConsentPurpose = z.infer<typeof consentPurpose>;

export const consentDecisions = ['granted', 'refused', 'withdrawn'] as const;
export const consentDecision = z.enum(consentDecisions);
export type ConsentDecision = z.infer<typeof consentDecision>;

export const consentWays = [
  'in_person',
  'in_writing',
  'phone',
  'easy_read_form',
  'through_interpreter',
  'other',
] as const;

export const consentRecord = z
  .object({
    id: z.uuid(),
    recipient: z.union([
      z.object({ kind: z.literal('network_member'), memberId: z.uuid(), name: z.string() }),
      z.object({ kind: z.literal('organisation'), name: z.string() }),
    ]),
    purpose: consentPurpose,
    purposeDetail: z.string().nullable(),
    decision: consentDecision,
    decidedOn: calendarDate,
    expiresOn: calendarDate.nullable(),
    howGiven: z.enum(consentWays),
    notes: z.string().nullable(),
    recordedBy: z.object({ id: z.uuid(), displayName: z.string().nullable() }),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'ConsentRecord' });
export type ConsentRecord = z.infer<typeof consentRecord>;

/** What holds now for one recipient and purpose. Expired consent reads as not granted. */
export const consentStatus = z.enum(['granted', 'refused', 'withdrawn', 'expired', 'not_asked']);
export type ConsentStatus = z.infer<typeof consentStatus>;

export const currentConsent = z.object({
  recipient: consentRecord.shape.recipient,
  purpose: consentPurpose,
  purposeDetail: z.string().nullable(),
  status: consentStatus,
  granted: z.boolean().describe('True only for an unexpired grant'),
  since: calendarDate,
  expiresOn: calendarDate.nullable(),
  recordId: z.uuid(),
});
export type CurrentConsent = z.infer<typeof currentConsent>;

export const newConsent = z
  .object({
    networkMemberId: z.uuid().optional(),
    recipientOrganisation: lineOfText({ max: 200 }).optional(),
    purpose: consentPurpose,
    purposeDetail: lineOfText({ max: 500 }).optional(),
    decision: consentDecision,
    decidedOn: calendarDate.refine((value) => value <= todayIso(), 'A decision cannot be dated in the future'),
    expiresOn: calendarDate.optional(),
    howGiven: z.enum(consentWays),
    notes: paragraphOfText({ max: 1000 }).optional(),
  })
  .strict()
  .superRefine((consent, context) => {
    if (Boolean(consent.networkMemberId) === Boolean(consent.recipientOrganisation)) {
      context.addIssue({
        code: 'custom',
        path: ['networkMemberId'],
        message: 'Choose one recipient: someone in their network, or an organisation',
      });
    }
    if (consent.purpose === 'other' && !consent.purposeDetail) {
      context.addIssue({ code: 'custom', path: ['purposeDetail'], message: 'Say what the information is for' });
    }
    if (consent.expiresOn && consent.expiresOn < consent.decidedOn) {
      context.addIssue({ code: 'custom', path: ['expiresOn'], message: 'The end date is before the decision' });
    }
  });
export type NewConsent = z.infer<typeof newConsent>;

interface Decision {
  decision: ConsentDecision;
  decidedOn: string;
  expiresOn: string | null;
  recordedAt: string;
}

/**
 * The decision that holds now for one recipient and purpose: the latest by date decided (then by
 * when it was recorded). A grant past its end date has expired and reads as not granted; refusal
 * and withdrawal hold until a new decision.
 */
export function effectiveConsent<T extends Decision>(
  decisions: readonly T[],
  today = todayIso(),
): { status: ConsentStatus; latest: T | null } {
  const latest =
    [...decisions].sort(
      (a, b) => b.decidedOn.localeCompare(a.decidedOn) || b.recordedAt.localeCompare(a.recordedAt),
    )[0] ?? null;
  if (!latest) {
    return { status: 'not_asked', latest: null };
  }
  if (latest.decision === 'granted' && latest.expiresOn !== null && latest.expiresOn < today) {
    return { status: 'expired', latest };
  }
  return { status: latest.decision, latest };
}
