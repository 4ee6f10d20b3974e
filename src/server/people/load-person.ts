import { sql } from 'kysely';
import type { AccessBasis, Person } from '../../domain/people.js';
import type { ContactDetails, ProfileFields } from '../../domain/profile.js';
import type { Actor } from '../access/actor.js';
import { allocatedToActor, allocatedWithinActorsTeams, openableBy } from '../access/scope.js';
import type { Queryable } from '../db/database.js';
import type { PersonTable } from '../db/schema.js';
import type { Selectable } from 'kysely';

type PersonRow = Selectable<PersonTable>;

/** Column → field, for the profile. */
export const profileColumns = {
  fullName: 'full_name',
  legalName: 'legal_name',
  addressAs: 'address_as',
  pronouns: 'pronouns',
  dateOfBirth: 'date_of_birth',
  preferredLanguage: 'preferred_language',
  interpreterNeeded: 'interpreter_needed',
  interpreterLanguage: 'interpreter_language',
  readingPreferences: 'reading_preferences',
  preferredChannels: 'preferred_channels',
  bestTimes: 'best_times',
  communicationToAvoid: 'communication_to_avoid',
  accessibilityNeeds: 'accessibility_needs',
  cultureAndFaith: 'culture_and_faith',
  address: 'address',
  phone: 'phone',
  email: 'email',
} as const satisfies Record<string, keyof PersonRow>;

/** Fields that restriction hides: where the person is and how to reach them. */
export const contactFields = ['address', 'phone', 'email'] as const;

export function profileOf(row: PersonRow): ProfileFields {
  return {
    fullName: row.full_name,
    legalName: row.legal_name,
    addressAs: row.address_as,
    pronouns: row.pronouns,
    dateOfBirth: row.date_of_birth,
    preferredLanguage: row.preferred_language,
    interpreterNeeded: row.interpreter_needed,
    interpreterLanguage: row.interpreter_language,
    readingPreferences: row.reading_preferences as ProfileFields['readingPreferences'],
    preferredChannels: row.preferred_channels as ProfileFields['preferredChannels'],
    bestTimes: row.best_times,
    communicationToAvoid: row.communication_to_avoid,
    accessibilityNeeds: row.accessibility_needs,
    cultureAndFaith: row.culture_and_faith,
  };
}

/**
 * The person's contact details as this reader may see them. Unrestricted: shown to anyone who may
 * open the record. Restricted: shown to the allocated practitioners; anyone else sees that they
 * exist and must give a reason to reveal them (SECURITY.md check 12).
 */
export function contactOf(row: PersonRow, readerIsAllocated: boolean, revealed = false): ContactDetails {
  const shown = !row.contact_details_restricted || readerIsAllocated || revealed;
  return {
    restricted: row.contact_details_restricted,
    hidden: !shown,
    address: shown ? row.address : null,
    phone: shown ? row.phone : null,
    email: shown ? row.email : null,
  };
}

/** Loads the person with the actor's basis of access, or null when out of scope or missing. */
export async function loadPerson(tx: Queryable, actor: Actor, personId: string): Promise<Person | null> {
  const row = await tx
    .selectFrom('people as p')
    .selectAll('p')
    .select(allocatedToActor(actor).as('allocated_to_me'))
    .select(
      (actor.role === 'supervisor' ? allocatedWithinActorsTeams(actor) : sql<boolean>`false`).as('within_my_teams'),
    )
    .select(
      sql<Date | null>`(select max(g.expires_at) from access_grants g
        where g.organisation_id = p.organisation_id and g.person_id = p.id
          and g.user_id = ${actor.userId} and g.expires_at > now())`.as('grant_expires_at'),
    )
    .where('p.organisation_id', '=', actor.organisationId)
    .where('p.id', '=', personId)
    .where(openableBy(actor))
    .executeTakeFirst();
  if (!row) {
    return null;
  }
  const allocations = await tx
    .selectFrom('allocations as a')
    .innerJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'a.organisation_id').onRef('u.id', '=', 'a.user_id'),
    )
    .select(['a.id', 'a.user_id', 'u.display_name', 'a.started_at'])
    .where('a.organisation_id', '=', actor.organisationId)
    .where('a.person_id', '=', personId)
    .where('a.ended_at', 'is', null)
    .orderBy('a.started_at')
    .execute();
  const basis: AccessBasis = row.allocated_to_me
    ? 'allocation'
    : !row.restricted && actor.role === 'manager'
      ? 'organisation'
      : !row.restricted && row.within_my_teams
        ? 'team'
        : 'break_glass'; // openable, yet no relationship covers it: only a grant can
  return {
    id: row.id,
    ...profileOf(row),
    restricted: row.restricted,
    contact: contactOf(row, row.allocated_to_me),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    allocations: allocations.map((allocation) => ({
      id: allocation.id,
      userId: allocation.user_id,
      displayName: allocation.display_name,
      since: allocation.started_at.toISOString(),
    })),
    access: {
      basis,
      expiresAt: basis === 'break_glass' && row.grant_expires_at ? new Date(row.grant_expires_at).toISOString() : null,
    },
  };
}
