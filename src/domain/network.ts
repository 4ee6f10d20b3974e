import { z } from 'zod';
import { calendarDate, todayIso } from './dates.js';
import { lineOfText, paragraphOfText } from './text.js';

/** Sectors of the ecomap, after Hartman: where in the person's world a tie sits. */
export const sectors = [
  'family',
  'friends',
  'neighbours',
  'community',
  'faith',
  'education_work',
  'health',
  'social_care',
  'justice',
  'housing',
  'other_services',
] as const;
export const sector = z.enum(sectors);
export type Sector = z.infer<typeof sector>;

/** Hartman's line conventions: strong = thick solid, tenuous = dashed, stressful = hatched. */
export const tieStrengths = ['strong', 'tenuous', 'stressful'] as const;
export const tieStrength = z.enum(tieStrengths);
export type TieStrength = z.infer<typeof tieStrength>;

/** Which way support flows: arrows on the ecomap. */
export const supportDirections = ['to_person', 'from_person', 'both', 'neither'] as const;
export const supportDirection = z.enum(supportDirections);
export type SupportDirection = z.infer<typeof supportDirection>;

export const contactFrequencies = ['daily', 'weekly', 'monthly', 'less_often', 'no_contact'] as const;

export const networkMember = z
  .object({
    id: z.uuid(),
    name: z.string(),
    relationship: z.string().describe('In the person’s own words'),
    sector,
    strength: tieStrength,
    support: supportDirection,
    contactFrequency: z.enum(contactFrequencies).nullable(),
    contact: z.object({
      restricted: z.boolean(),
      hidden: z.boolean().describe('Restricted, and not shown to this reader without a stated reason'),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      address: z.string().nullable(),
    }),
    isRisk: z.boolean().describe('A risk to the person: never shown the person’s restricted details'),
    riskNote: z.string().nullable(),
    linkedPerson: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
    notes: z.string().nullable(),
    startedOn: calendarDate.nullable(),
    endedOn: calendarDate.nullable(),
    endReason: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'NetworkMember' });
export type NetworkMember = z.infer<typeof networkMember>;

const clearable = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal('').transform(() => null), z.null(), schema]).optional();

const memberFields = {
  name: lineOfText({ max: 200, required: 'Enter their name' }),
  relationship: lineOfText({ max: 200, required: 'Say who they are to the person, in the person’s words' }),
  sector,
  strength: tieStrength,
  support: supportDirection,
  contactFrequency: z.enum(contactFrequencies).nullable().optional(),
  phone: clearable(lineOfText({ max: 40 })),
  email: clearable(z.email('Enter an email address like name@example.org').max(254)),
  address: clearable(paragraphOfText({ max: 500 })),
  contactRestricted: z.boolean().optional(),
  isRisk: z.boolean().optional(),
  riskNote: clearable(paragraphOfText({ max: 1000 })),
  linkedPersonId: z.uuid().nullable().optional().describe('Another person your organisation supports'),
  notes: clearable(paragraphOfText({ max: 2000 })),
  startedOn: calendarDate.nullable().optional(),
};

function checkDates(
  value: { startedOn?: string | null; riskNote?: string | null; isRisk?: boolean },
  context: z.RefinementCtx,
): void {
  if (value.startedOn && value.startedOn > todayIso()) {
    context.addIssue({ code: 'custom', path: ['startedOn'], message: 'This date is in the future' });
  }
  if (value.riskNote && value.isRisk === false) {
    context.addIssue({ code: 'custom', path: ['riskNote'], message: 'A risk note needs the risk flag' });
  }
}

export const newNetworkMember = z.object(memberFields).strict().superRefine(checkDates);
export type NewNetworkMember = z.infer<typeof newNetworkMember>;

export const networkMemberUpdate = z.object(memberFields).partial().strict().superRefine(checkDates);
export type NetworkMemberUpdate = z.infer<typeof networkMemberUpdate>;

export const endTieRequest = z
  .object({
    endedOn: calendarDate.refine((value) => value <= todayIso(), 'A tie cannot end in the future'),
    endReason: lineOfText({ max: 500 }).optional(),
  })
  .strict();

export const networkQuery = z.object({ includeEnded: z.enum(['true', 'false']).default('false') }).strict();
export const networkMemberParams = z.object({ personId: z.uuid(), memberId: z.uuid() }).strict();
