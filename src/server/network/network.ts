import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import type { NetworkMember, NetworkMemberUpdate, NewNetworkMember } from '../../domain/network.js';
import type { Actor } from '../access/actor.js';
import { openableBy } from '../access/scope.js';
import { recordAudit } from '../audit/audit.js';
import type { Db, Queryable, Tx } from '../db/database.js';
import { forbidden, invalid, notFound } from '../http/errors.js';
import { checkVersion, readFromPerson, writeToPerson } from '../people/person-scope.js';
import { memberColumns, memberContactFields, memberOf, type MemberRow } from './members.js';

type Field = keyof typeof memberColumns;

/** Loads members of one person's network (one, when `memberId` is given). */
export async function selectMembers(
  tx: Queryable,
  actor: Actor,
  personId: string,
  options: { includeEnded: boolean; memberId?: string },
): Promise<MemberRow[]> {
  let query = tx
    .selectFrom('network_members as m')
    .selectAll('m')
    // The linked person is named only to those who may open that record too (a sibling's record
    // may be restricted): otherwise the tie shows without the name (check 12).
    .select(
      sql<string | null>`(select p.full_name from people p
        where p.organisation_id = m.organisation_id and p.id = m.linked_person_id and ${openableBy(actor)})`.as(
        'linked_full_name',
      ),
    )
    .where('m.organisation_id', '=', actor.organisationId)
    .where('m.person_id', '=', personId);
  if (!options.includeEnded) {
    query = query.where('m.ended_on', 'is', null);
  }
  if (options.memberId) {
    query = query.where('m.id', '=', options.memberId);
  }
  return query.orderBy('m.sector').orderBy('m.name').limit(500).execute();
}

/** The person's network: current ties, and past ones on request. Audited as a read of the record. */
export async function listNetwork(
  db: Db,
  actor: Actor,
  personId: string,
  includeEnded: boolean,
): Promise<NetworkMember[]> {
  return readFromPerson(db, actor, personId, 'person.network.read', async (tx, person) => {
    const rows = await selectMembers(tx, actor, personId, { includeEnded });
    await recordAudit(tx, actor, {
      action: 'person.network.read',
      recordType: 'person',
      recordId: personId,
      personId,
      details: {
        members: rows.length,
        restrictedShown: person.allocatedToActor && rows.some((row) => row.contact_restricted),
      },
    });
    return rows.map((row) => memberOf(row, person.allocatedToActor));
  });
}

/** The linked person must be someone this actor may open, in this organisation — never a stranger's id. */
async function checkLinkedPerson(
  tx: Tx,
  actor: Actor,
  personId: string,
  linkedPersonId: string | null | undefined,
): Promise<void> {
  if (!linkedPersonId) {
    return;
  }
  if (linkedPersonId === personId) {
    throw invalid('linkedPersonId', 'A person cannot be in their own network');
  }
  const found = await tx
    .selectFrom('people as p')
    .select('p.id')
    .where('p.organisation_id', '=', actor.organisationId)
    .where('p.id', '=', linkedPersonId)
    .where(openableBy(actor))
    .executeTakeFirst();
  if (!found) {
    throw invalid('linkedPersonId', 'Choose someone your organisation supports and whose record you can open');
  }
}

export async function addNetworkMember(
  db: Db,
  actor: Actor,
  personId: string,
  input: NewNetworkMember,
): Promise<NetworkMember> {
  return writeToPerson(db, actor, personId, 'person.network.create', async (tx, person) => {
    await checkLinkedPerson(tx, actor, personId, input.linkedPersonId);
    const id = randomUUID();
    await tx
      .insertInto('network_members')
      .values({
        organisation_id: actor.organisationId,
        id,
        person_id: personId,
        name: input.name,
        relationship: input.relationship,
        sector: input.sector,
        strength: input.strength,
        support: input.support,
        contact_frequency: input.contactFrequency ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
        contact_restricted: input.contactRestricted ?? false,
        is_risk: input.isRisk ?? false,
        risk_note: input.riskNote ?? null,
        linked_person_id: input.linkedPersonId ?? null,
        notes: input.notes ?? null,
        started_on: input.startedOn ?? null,
        created_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'person.network.create',
      recordType: 'network_member',
      recordId: id,
      personId,
      details: { sector: input.sector, strength: input.strength, isRisk: input.isRisk ?? false },
    });
    return memberOf(
      (await selectMembers(tx, actor, personId, { includeEnded: true, memberId: id }))[0]!,
      person.allocatedToActor,
    );
  });
}

/** Edits a tie (If-Match on the member's version); each changed field is kept in the history. */
export async function updateNetworkMember(
  db: Db,
  actor: Actor,
  personId: string,
  memberId: string,
  expectedVersion: number | null,
  input: NetworkMemberUpdate,
): Promise<NetworkMember> {
  return writeToPerson(db, actor, personId, 'person.network.update', async (tx, person) => {
    const current = (await selectMembers(tx, actor, personId, { includeEnded: true, memberId }))[0];
    if (!current) {
      throw notFound('member of this person’s network');
    }
    checkVersion(current.version, expectedVersion, 'tie');
    const touchesContact =
      memberContactFields.some((field) => input[field] !== undefined) || input.contactRestricted === false;
    if (touchesContact && current.contact_restricted && !person.allocatedToActor) {
      throw forbidden(
        'These contact details are restricted: only the practitioners allocated to this person can change them.',
      );
    }
    await checkLinkedPerson(tx, actor, personId, input.linkedPersonId);
    // A risk note belongs to the risk flag: lifting the flag clears the note.
    const isRisk = input.isRisk ?? current.is_risk;
    if (!isRisk && input.riskNote) {
      throw invalid('riskNote', 'A risk note needs the risk flag');
    }
    const next: NetworkMemberUpdate = !isRisk && current.risk_note !== null ? { ...input, riskNote: null } : input;
    const changed = (Object.keys(memberColumns) as Field[]).filter(
      (field) => next[field] !== undefined && !isDeepStrictEqual(current[memberColumns[field]], next[field]),
    );
    if (changed.length > 0) {
      const now = new Date();
      const values: Record<string, unknown> = { updated_at: now };
      for (const field of changed) {
        values[memberColumns[field]] = next[field] ?? null;
      }
      await tx
        .updateTable('network_members')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('organisation_id', '=', actor.organisationId)
        .where('id', '=', memberId)
        .execute();
      await tx
        .insertInto('field_changes')
        .values(
          changed.map((field) => ({
            organisation_id: actor.organisationId,
            id: randomUUID(),
            person_id: personId,
            record_type: 'network_member' as const,
            record_id: memberId,
            field,
            old_value: JSON.stringify(current[memberColumns[field]] ?? null),
            new_value: JSON.stringify(next[field] ?? null),
            // Restricted before or after this edit: the values stay hidden from then on.
            restricted:
              (memberContactFields as readonly string[]).includes(field) &&
              (current.contact_restricted || next.contactRestricted === true),
            changed_by: actor.userId,
            changed_at: now,
          })),
        )
        .execute();
      if (next.contactRestricted === true) {
        // Restricting hides the member's earlier contact details in the history too.
        await tx
          .updateTable('field_changes')
          .set({ restricted: true })
          .where('organisation_id', '=', actor.organisationId)
          .where('record_id', '=', memberId)
          .where('field', 'in', [...memberContactFields])
          .execute();
      }
      await recordAudit(tx, actor, {
        action: 'person.network.update',
        recordType: 'network_member',
        recordId: memberId,
        personId,
        details: { fields: changed },
      });
    }
    return memberOf(
      (await selectMembers(tx, actor, personId, { includeEnded: true, memberId }))[0]!,
      person.allocatedToActor,
    );
  });
}

/** Ends a tie: kept as history with its end date — the past network matters too. */
export async function endNetworkTie(
  db: Db,
  actor: Actor,
  personId: string,
  memberId: string,
  endedOn: string,
  endReason: string | undefined,
): Promise<NetworkMember> {
  return writeToPerson(db, actor, personId, 'person.network.end', async (tx, person) => {
    const current = (await selectMembers(tx, actor, personId, { includeEnded: true, memberId }))[0];
    if (!current) {
      throw notFound('member of this person’s network');
    }
    if (current.ended_on) {
      throw invalid('endedOn', 'This tie has already ended');
    }
    if (current.started_on && endedOn < current.started_on) {
      throw invalid('endedOn', 'A tie cannot end before it started');
    }
    await tx
      .updateTable('network_members')
      .set((eb) => ({
        ended_on: endedOn,
        end_reason: endReason ?? null,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', memberId)
      .execute();
    await tx
      .insertInto('field_changes')
      .values({
        organisation_id: actor.organisationId,
        id: randomUUID(),
        person_id: personId,
        record_type: 'network_member',
        record_id: memberId,
        field: 'endedOn',
        old_value: JSON.stringify(null),
        new_value: JSON.stringify(endedOn),
        changed_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'person.network.end',
      recordType: 'network_member',
      recordId: memberId,
      personId,
    });
    return memberOf(
      (await selectMembers(tx, actor, personId, { includeEnded: true, memberId }))[0]!,
      person.allocatedToActor,
    );
  });
}

/** Shows a member's restricted contact details to someone not allocated, once they say why. */
export async function revealMemberContact(
  db: Db,
  actor: Actor,
  personId: string,
  memberId: string,
  reason: string,
): Promise<NetworkMember> {
  return readFromPerson(db, actor, personId, 'person.network.contact_reveal', async (tx) => {
    const row = (await selectMembers(tx, actor, personId, { includeEnded: true, memberId }))[0];
    if (!row) {
      throw notFound('member of this person’s network');
    }
    await recordAudit(tx, actor, {
      action: 'person.network.contact_reveal',
      kind: 'security',
      recordType: 'network_member',
      recordId: memberId,
      personId,
      reason,
    });
    return memberOf(row, true, true);
  });
}
