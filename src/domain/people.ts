import { z } from 'zod';
import { pageQuery } from './pagination.js';
import { contactDetails, profileFields } from './profile.js';
import { lineOfText, paragraphOfText } from './text.js';

export const personName = lineOfText({ max: 200, required: 'Enter a name' });

/** How the caller reaches this person: the legitimate relationship behind the access. */
export const accessBasis = z.enum(['allocation', 'team', 'organisation', 'break_glass']);
export type AccessBasis = z.infer<typeof accessBasis>;

export const allocationSummary = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  since: z.iso.datetime(),
});
export type AllocationSummary = z.infer<typeof allocationSummary>;

export const personListItem = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    restricted: z.boolean(),
    allocatedTo: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
  })
  .meta({ id: 'PersonListItem' });
export type PersonListItem = z.infer<typeof personListItem>;

export const person = profileFields
  .extend({
    id: z.uuid(),
    restricted: z.boolean(),
    contact: contactDetails,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int().describe('Also sent as the ETag; send it back in If-Match to edit'),
    allocations: z.array(allocationSummary),
    access: z.object({
      basis: accessBasis,
      expiresAt: z.iso.datetime().nullable().describe('For break-glass access: when it ends'),
    }),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof person>;

export const caseloadFilter = z.enum(['mine', 'team', 'recent', 'all']);

export const listPeopleQuery = pageQuery
  .extend({
    q: lineOfText({ min: 0, max: 100 }).optional(),
    filter: caseloadFilter
      .default('all')
      .describe(
        '`mine`: allocated to me; `team`: allocated to anyone in my teams (or in `teamId`); `recent`: whose record I opened in the last 30 days; `all`: everyone I may see',
      ),
    teamId: z.uuid().optional().describe('With filter=team: one team (a manager may choose any)'),
  })
  .strict();
export type ListPeopleQuery = z.infer<typeof listPeopleQuery>;

export const createPersonRequest = z
  .object({
    fullName: personName,
    allocateTo: z.uuid().optional().describe('Practitioner to allocate; a practitioner creating a record is allocated'),
  })
  .strict();
export type CreatePersonRequest = z.infer<typeof createPersonRequest>;

export const allocateRequest = z.object({ userId: z.uuid() }).strict();

export const accessReason = paragraphOfText({
  min: 10,
  max: 1000,
  tooShort: 'Say why you need this record, in at least 10 characters',
});

export const restrictionRequest = z.object({ restricted: z.boolean(), reason: accessReason }).strict();

export const breakGlassRequest = z.object({ reason: accessReason }).strict();
export const breakGlassGrant = z.object({ personId: z.uuid(), expiresAt: z.iso.datetime() });

export const personIdParams = z.object({ personId: z.uuid('Not a record id') }).strict();
export const allocationParams = personIdParams.extend({ allocationId: z.uuid() }).strict();
