import { z } from 'zod';
import { calendarDate, todayIso } from './dates.js';
import { lineOfText, paragraphOfText } from './text.js';

export const readingPreferences = [
  'plain_language',
  'easy_read',
  'large_print',
  'braille',
  'audio',
  'read_aloud',
  'digital_only',
] as const;
export const contactChannels = ['in_person', 'phone', 'text_message', 'email', 'letter', 'video'] as const;

/** The person's contact details; hidden (all null) when restricted and the reader has not given a reason. */
export const contactDetails = z.object({
  restricted: z.boolean().describe('Marked restricted: e.g. a refuge or placement address'),
  hidden: z.boolean().describe('True when restricted and not shown to this reader without a stated reason'),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type ContactDetails = z.infer<typeof contactDetails>;

/** The profile fields, as stored and shown. Only the name is required. */
export const profileFields = z.object({
  fullName: z.string(),
  legalName: z.string().nullable(),
  addressAs: z.string().nullable().describe('How they like to be addressed'),
  pronouns: z.string().nullable(),
  dateOfBirth: calendarDate.nullable(),
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  interpreterLanguage: z.string().nullable(),
  readingPreferences: z.array(z.enum(readingPreferences)),
  preferredChannels: z.array(z.enum(contactChannels)),
  bestTimes: z.string().nullable(),
  communicationToAvoid: z.string().nullable(),
  accessibilityNeeds: z.string().nullable(),
  cultureAndFaith: z.string().nullable().describe('Culture, faith and customs that matter to them, in their words'),
});
export type ProfileFields = z.infer<typeof profileFields>;

/** Empty text clears a field: "" and null both mean "not recorded". */
const optionalLine = (max: number) =>
  z.union([z.literal('').transform(() => null), z.null(), lineOfText({ max })]).optional();
const optionalParagraph = (max: number) =>
  z.union([z.literal('').transform(() => null), z.null(), paragraphOfText({ max })]).optional();

/**
 * An edit: any subset of the fields. Sent with `If-Match` carrying the version read (the ETag), so
 * an edit made from an out-of-date copy is refused with 412 instead of overwriting someone's work.
 */
export const profileUpdate = z
  .object({
    fullName: lineOfText({ max: 200, required: 'Enter the name they use' }).optional(),
    legalName: optionalLine(200),
    addressAs: optionalLine(120),
    pronouns: optionalLine(60),
    dateOfBirth: z
      .union([
        z.null(),
        calendarDate
          .refine((value) => value <= todayIso(), 'A date of birth cannot be in the future')
          .refine((value) => value >= '1900-01-01', 'Check the year'),
      ])
      .optional(),
    preferredLanguage: optionalLine(80),
    interpreterNeeded: z.boolean().optional(),
    interpreterLanguage: optionalLine(80),
    readingPreferences: z.array(z.enum(readingPreferences)).max(readingPreferences.length).optional(),
    preferredChannels: z.array(z.enum(contactChannels)).max(contactChannels.length).optional(),
    bestTimes: optionalParagraph(500),
    communicationToAvoid: optionalParagraph(1000),
    accessibilityNeeds: optionalParagraph(2000),
    cultureAndFaith: optionalParagraph(2000),
    address: optionalParagraph(500),
    phone: optionalLine(40),
    email: z
      .union([
        z.literal('').transform(() => null),
        z.null(),
        z.email('Enter an email address like name@example.org').max(254),
      ])
      .optional(),
  })
  .strict();
export type ProfileUpdate = z.infer<typeof profileUpdate>;

export const contactRestrictionRequest = z
  .object({
    restricted: z.boolean(),
    reason: paragraphOfText({ min: 10, max: 1000, tooShort: 'Say why, in at least 10 characters' }),
  })
  .strict();
export const revealRequest = z
  .object({
    reason: paragraphOfText({
      min: 10,
      max: 1000,
      tooShort: 'Say why you need these details, in at least 10 characters',
    }),
  })
  .strict();

/** Who changed which field, when. Values of restricted fields are shown only to those who may see them. */
export const fieldChange = z
  .object({
    recordType: z.enum(['person', 'network_member']),
    recordId: z.uuid(),
    recordLabel: z.string().nullable().describe('For a network member: their name'),
    field: z.string(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    hidden: z.boolean().describe('The values are of a restricted field this reader may not see'),
    changedBy: z.object({ id: z.uuid(), displayName: z.string().nullable() }),
    changedAt: z.iso.datetime(),
  })
  .meta({ id: 'FieldChange' });
export type FieldChange = z.infer<typeof fieldChange>;

// Profile items: what matters, strengths, things to remember, approach with care.
export const profileItemKinds = ['what_matters', 'strength', 'to_remember', 'approach_with_care'] as const;
export const profileItemKind = z.enum(profileItemKinds);
export type ProfileItemKind = z.infer<typeof profileItemKind>;

export const profileItem = z
  .object({
    id: z.uuid(),
    kind: profileItemKind,
    text: z.string(),
    saidBy: z.string().nullable(),
    saidOn: calendarDate.nullable(),
    onDate: calendarDate.nullable(),
    everyYear: z.boolean(),
    recordedBy: z.object({ id: z.uuid(), displayName: z.string().nullable() }),
    recordedAt: z.iso.datetime(),
    archivedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ProfileItem' });
export type ProfileItem = z.infer<typeof profileItem>;

export const newProfileItem = z
  .object({
    kind: profileItemKind,
    text: paragraphOfText({ max: 2000, tooShort: 'Write something first' }),
    saidBy: lineOfText({ max: 120 }).optional().describe('Whose words: the person, or e.g. "Amara’s grandmother"'),
    saidOn: calendarDate.optional(),
    onDate: calendarDate.optional(),
    everyYear: z.boolean().default(false),
  })
  .strict()
  .superRefine((item, context) => {
    const quotation = item.kind === 'what_matters' || item.kind === 'strength';
    if (quotation && !item.saidBy) {
      context.addIssue({ code: 'custom', path: ['saidBy'], message: 'Say whose words these are' });
    }
    if (item.saidOn && item.saidOn > todayIso()) {
      context.addIssue({ code: 'custom', path: ['saidOn'], message: 'This date is in the future' });
    }
    if (item.kind !== 'to_remember' && (item.onDate || item.everyYear)) {
      context.addIssue({ code: 'custom', path: ['onDate'], message: 'Only things to remember have a date' });
    }
    if (item.everyYear && !item.onDate) {
      context.addIssue({ code: 'custom', path: ['onDate'], message: 'Give the date that comes round every year' });
    }
  });
export type NewProfileItem = z.infer<typeof newProfileItem>;

export const profileItemParams = z.object({ personId: z.uuid(), itemId: z.uuid() }).strict();
