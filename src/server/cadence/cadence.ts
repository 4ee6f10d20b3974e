import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { cadenceState, localDate, nextCheckinDue, type Cadence } from '../../domain/cadence.js';
import type { Actor } from '../access/actor.js';
import { allocatedToActor, findableBy } from '../access/scope.js';
import { readTransaction, recordAudit, recordPersonReads } from '../audit/audit.js';
import type { Db, Queryable } from '../db/database.js';
import { invalid } from '../http/errors.js';
import { readFromPerson, writeToPerson } from '../people/person-scope.js';

export async function organisationTimeZone(tx: Queryable, organisationId: string): Promise<string> {
  const row = await tx
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return row.time_zone;
}

/** The last contact that happened: with the person, or (for a member's rhythm) with that member there. */
const lastContact = sql<Date | null>`(
  select max(coalesce(c.actual_start, c.received_at)) from contacts c
  where c.organisation_id = k.organisation_id and c.person_id = k.person_id and c.status = 'made'
    and (k.network_member_id is null or exists (
      select 1 from contact_participants cp
      where cp.organisation_id = c.organisation_id and cp.contact_id = c.id and cp.network_member_id = k.network_member_id)))`;

export interface CadenceRow {
  id: string;
  person_id: string;
  full_name: string;
  network_member_id: string | null;
  member_name: string | null;
  every_days: number;
  agreed_on: string;
  last_contact_at: Date | null;
}

/** The query behind the rhythms, to run or to embed in a larger statement (the brief). */
export function cadencesQuery(tx: Queryable, actor: Actor, where: RawBuilder<boolean>) {
  return tx
    .selectFrom('checkin_cadences as k')
    .innerJoin('people as p', (join) =>
      join.onRef('p.organisation_id', '=', 'k.organisation_id').onRef('p.id', '=', 'k.person_id'),
    )
    .leftJoin('network_members as m', (join) =>
      join.onRef('m.organisation_id', '=', 'k.organisation_id').onRef('m.id', '=', 'k.network_member_id'),
    )
    .select([
      'k.id',
      'k.person_id',
      'p.full_name',
      'k.network_member_id',
      'm.name as member_name',
      'k.every_days',
      'k.agreed_on',
    ])
    .select(lastContact.as('last_contact_at'))
    .where('k.organisation_id', '=', actor.organisationId)
    .where('k.ended_at', 'is', null)
    .where(where)
    .limit(5000);
}

async function selectCadences(tx: Queryable, actor: Actor, where: RawBuilder<boolean>): Promise<CadenceRow[]> {
  return cadencesQuery(tx, actor, where).execute();
}

/** Next due date and state, in the organisation's calendar (cadence.ts in the domain). */
export function describeCadence(
  row: CadenceRow,
  timeZone: string,
  today: string,
): Cadence & { personId: string; personName: string } {
  const nextDueOn = nextCheckinDue(row.last_contact_at, row.agreed_on, row.every_days, timeZone);
  const state = cadenceState(nextDueOn, today);
  const daysOverdue = state === 'overdue' ? Math.round((Date.parse(today) - Date.parse(nextDueOn)) / 86_400_000) : 0;
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.full_name,
    networkMember:
      row.network_member_id && row.member_name ? { id: row.network_member_id, name: row.member_name } : null,
    everyDays: row.every_days,
    agreedOn: row.agreed_on,
    lastContactAt: row.last_contact_at ? row.last_contact_at.toISOString() : null,
    nextDueOn,
    state,
    daysOverdue,
  };
}

/** The person's agreed rhythms of check-in, each with its next due date. */
export async function cadencesOf(tx: Queryable, actor: Actor, personId: string): Promise<Cadence[]> {
  const timeZone = await organisationTimeZone(tx, actor.organisationId);
  const today = localDate(new Date(), timeZone);
  const rows = await selectCadences(tx, actor, sql<boolean>`k.person_id = ${personId}`);
  return rows
    .map((row) => describeCadence(row, timeZone, today))
    .map(({ personId: _p, personName: _n, ...cadence }) => cadence);
}

export async function listCadences(db: Db, actor: Actor, personId: string): Promise<Cadence[]> {
  return readFromPerson(db, actor, personId, 'person.cadence.read', async (tx) => {
    const items = await cadencesOf(tx, actor, personId);
    await recordAudit(tx, actor, { action: 'person.cadence.read', recordType: 'person', recordId: personId, personId });
    return items;
  });
}

/** Agrees a rhythm (or stops one): the previous one for the same person or member ends. */
export async function setCadence(
  db: Db,
  actor: Actor,
  personId: string,
  input: { networkMemberId: string | null; everyDays: number | null; agreedOn?: string | undefined },
): Promise<Cadence[]> {
  return writeToPerson(db, actor, personId, 'person.cadence.set', async (tx) => {
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
    let ending = tx
      .updateTable('checkin_cadences')
      .set({ ended_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('person_id', '=', personId)
      .where('ended_at', 'is', null);
    ending = input.networkMemberId
      ? ending.where('network_member_id', '=', input.networkMemberId)
      : ending.where('network_member_id', 'is', null);
    await ending.execute();
    if (input.everyDays !== null) {
      const timeZone = await organisationTimeZone(tx, actor.organisationId);
      await tx
        .insertInto('checkin_cadences')
        .values({
          organisation_id: actor.organisationId,
          id: randomUUID(),
          person_id: personId,
          network_member_id: input.networkMemberId,
          every_days: input.everyDays,
          agreed_on: input.agreedOn ?? localDate(new Date(), timeZone),
          set_by: actor.userId,
        })
        .execute();
    }
    await recordAudit(tx, actor, {
      action: 'person.cadence.set',
      recordType: 'person',
      recordId: personId,
      personId,
      details: { everyDays: input.everyDays, withMember: input.networkMemberId !== null },
    });
    return cadencesOf(tx, actor, personId);
  });
}

/**
 * Check-ins past their date: a practitioner's own people, a supervisor's teams', a manager's
 * organisation's — always within what the actor may find (check 9).
 */
export async function overdueCheckins(
  db: Db,
  actor: Actor,
  mineOnly: boolean,
): Promise<(Cadence & { personId: string; personName: string })[]> {
  return readTransaction(db, async (tx) => {
    const timeZone = await organisationTimeZone(tx, actor.organisationId);
    const today = localDate(new Date(), timeZone);
    const scope = mineOnly ? sql<boolean>`(${findableBy(actor)} and ${allocatedToActor(actor)})` : findableBy(actor);
    const rows = await selectCadences(tx, actor, scope);
    const overdue = rows
      .map((row) => describeCadence(row, timeZone, today))
      .filter((cadence) => cadence.state !== 'on_track')
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.personName.localeCompare(b.personName));
    await recordPersonReads(
      tx,
      actor,
      'checkins.overdue.read',
      overdue.map((item) => item.personId),
      { shown: overdue.length, mineOnly },
    );
    return overdue;
  });
}
