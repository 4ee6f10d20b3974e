import { randomUUID } from 'node:crypto';
import {
  effectiveConsent,
  type ConsentPurpose,
  type ConsentRecord,
  type CurrentConsent,
  type NewConsent,
} from '../../domain/consent.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Db, Queryable } from '../db/database.js';
import { invalid } from '../http/errors.js';
import { readFromPerson, writeToPerson } from '../people/person-scope.js';

async function selectConsents(tx: Queryable, organisationId: string, personId: string): Promise<ConsentRecord[]> {
  const rows = await tx
    .selectFrom('consents as c')
    .leftJoin('network_members as m', (join) =>
      join.onRef('m.organisation_id', '=', 'c.organisation_id').onRef('m.id', '=', 'c.network_member_id'),
    )
    .leftJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'c.organisation_id').onRef('u.id', '=', 'c.recorded_by'),
    )
    .select([
      'c.id',
      'c.network_member_id',
      'm.name as member_name',
      'c.recipient_organisation',
      'c.purpose',
      'c.purpose_detail',
      'c.decision',
      'c.decided_on',
      'c.expires_on',
      'c.how_given',
      'c.notes',
      'c.recorded_by',
      'u.display_name',
      'c.recorded_at',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.person_id', '=', personId)
    .orderBy('c.decided_on', 'desc')
    .orderBy('c.recorded_at', 'desc')
    .limit(1000)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    recipient: row.network_member_id
      ? { kind: 'network_member' as const, memberId: row.network_member_id, name: row.member_name ?? '' }
      : { kind: 'organisation' as const, name: row.recipient_organisation ?? '' },
    purpose: row.purpose as ConsentRecord['purpose'],
    purposeDetail: row.purpose_detail,
    decision: row.decision,
    decidedOn: row.decided_on,
    expiresOn: row.expires_on,
    howGiven: row.how_given as ConsentRecord['howGiven'],
    notes: row.notes,
    recordedBy: { id: row.recorded_by, displayName: row.display_name },
    recordedAt: row.recorded_at.toISOString(),
  }));
}

/** A recipient and purpose, as one key: an organisation's name is compared without case. */
function keyOf(record: Pick<ConsentRecord, 'recipient' | 'purpose' | 'purposeDetail'>): string {
  const recipient =
    record.recipient.kind === 'network_member'
      ? `m:${record.recipient.memberId}`
      : `o:${record.recipient.name.toLowerCase()}`;
  return `${recipient}|${record.purpose}|${record.purpose === 'other' ? (record.purposeDetail ?? '').toLowerCase() : ''}`;
}

/** What holds now for each recipient and purpose ever asked about; expired grants read as not granted. */
export function currentConsents(history: readonly ConsentRecord[], today?: string): CurrentConsent[] {
  const groups = new Map<string, ConsentRecord[]>();
  for (const record of history) {
    const key = keyOf(record);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return [...groups.values()].map((records) => {
    const { status, latest } = effectiveConsent(records, today);
    const holding = latest!;
    return {
      recipient: holding.recipient,
      purpose: holding.purpose,
      purposeDetail: holding.purposeDetail,
      status,
      granted: status === 'granted',
      since: holding.decidedOn,
      expiresOn: holding.expiresOn,
      recordId: holding.id,
    };
  });
}

export async function listConsents(
  db: Db,
  actor: Actor,
  personId: string,
): Promise<{ current: CurrentConsent[]; history: ConsentRecord[] }> {
  return readFromPerson(db, actor, personId, 'person.consent.read', async (tx) => {
    const history = await selectConsents(tx, actor.organisationId, personId);
    await recordAudit(tx, actor, { action: 'person.consent.read', recordType: 'person', recordId: personId, personId });
    return { current: currentConsents(history), history };
  });
}

/** Records a decision — granted, refused or withdrawn — as a new row; earlier decisions stay. */
export async function recordConsent(
  db: Db,
  actor: Actor,
  personId: string,
  input: NewConsent,
): Promise<{ current: CurrentConsent[]; history: ConsentRecord[] }> {
  return writeToPerson(db, actor, personId, 'person.consent.create', async (tx) => {
    if (input.networkMemberId) {
      const member = await tx
        .selectFrom('network_members')
        .select('id')
        .where('organisation_id', '=', actor.organisationId)
        .where('person_id', '=', personId)
        .where('id', '=', input.networkMemberId)
        .executeTakeFirst();
      if (!member) {
        throw invalid('networkMemberId', 'Choose someone in this person’s network');
      }
    }
    const id = randomUUID();
    await tx
      .insertInto('consents')
      .values({
        organisation_id: actor.organisationId,
        id,
        person_id: personId,
        network_member_id: input.networkMemberId ?? null,
        recipient_organisation: input.recipientOrganisation ?? null,
        purpose: input.purpose,
        purpose_detail: input.purposeDetail ?? null,
        decision: input.decision,
        decided_on: input.decidedOn,
        expires_on: input.expiresOn ?? null,
        how_given: input.howGiven,
        notes: input.notes ?? null,
        recorded_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'person.consent.create',
      recordType: 'consent',
      recordId: id,
      personId,
      details: { purpose: input.purpose, decision: input.decision },
    });
    const history = await selectConsents(tx, actor.organisationId, personId);
    return { current: currentConsents(history), history };
  });
}

/**
 * Whether the person has granted, and not withdrawn, sharing with a network member for a purpose
 * today. Every feature that shares information asks this first.
 */
export async function hasConsent(
  tx: Queryable,
  organisationId: string,
  personId: string,
  memberId: string,
  purpose: ConsentPurpose,
): Promise<boolean> {
  const history = await selectConsents(tx, organisationId, personId);
  const relevant = history.filter(
    (record) =>
      record.recipient.kind === 'network_member' &&
      record.recipient.memberId === memberId &&
      record.purpose === purpose,
  );
  return effectiveConsent(relevant).status === 'granted';
}
