import type { Party } from '../../domain/commitments.js';
import type { Actor } from '../access/actor.js';
import type { Queryable } from '../db/database.js';
import { invalid } from '../http/errors.js';
import type { PartyKind } from '../db/schema.js';

export interface StoredParty {
  kind: PartyKind;
  userId: string | null;
  memberId: string | null;
  name: string | null;
}

/**
 * Turns a party as sent into columns, checking that a named practitioner works here and a named
 * member belongs to this person's network — never someone else's (422 naming the field).
 */
export async function resolveParty(
  tx: Queryable,
  actor: Actor,
  personId: string,
  party: Party,
  field: string,
): Promise<StoredParty> {
  switch (party.kind) {
    case 'practitioner': {
      const userId = party.userId ?? actor.userId;
      const found = await tx
        .selectFrom('users')
        .select('id')
        .where('organisation_id', '=', actor.organisationId)
        .where('id', '=', userId)
        .where('disabled_at', 'is', null)
        // Administrators manage accounts and never see case work: they make and receive no promises.
        .where('role', 'in', ['practitioner', 'supervisor', 'manager'])
        .executeTakeFirst();
      if (!found) {
        throw invalid(`${field}.userId`, 'Choose a colleague in your organisation who works with people');
      }
      return { kind: 'practitioner', userId, memberId: null, name: null };
    }
    case 'person':
      return { kind: 'person', userId: null, memberId: null, name: null };
    case 'network_member': {
      const member = await tx
        .selectFrom('network_members')
        .select('id')
        .where('organisation_id', '=', actor.organisationId)
        .where('person_id', '=', personId)
        .where('id', '=', party.memberId)
        .executeTakeFirst();
      if (!member) {
        throw invalid(`${field}.memberId`, 'Choose someone in this person’s network');
      }
      return { kind: 'network_member', userId: null, memberId: party.memberId, name: null };
    }
    case 'other_professional':
      return { kind: 'other_professional', userId: null, memberId: null, name: party.name };
  }
}

/** Whether two resolved parties are the same one (a promise is made to someone else). */
export function sameParty(a: StoredParty, b: StoredParty): boolean {
  return a.kind === b.kind && a.userId === b.userId && a.memberId === b.memberId && a.name === b.name;
}
