import { sql } from 'kysely';
import { localDate, nextCheckinDue } from '../../domain/cadence.js';
import { toFigure, type Consistency } from '../../domain/consistency.js';
import { ON_TIME_MINUTES } from '../../domain/contacts.js';
import type { Actor } from '../access/actor.js';
import { openableBy } from '../access/scope.js';
import { readTransaction, recordAudit, recordDenied, recordPersonReads } from '../audit/audit.js';
import { organisationTimeZone } from '../cadence/cadence.js';
import type { Db, Queryable } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { readFromPerson } from '../people/person-scope.js';

type Subject = { practitionerId: string } | { personId: string };

/**
 * Consistency figures — promises kept on time, visits started within 10 minutes of plan, check-in
 * rhythms kept — for a practitioner or for one person, each with the records behind it.
 */
async function figures(tx: Queryable, actor: Actor, subject: Subject, days: number): Promise<Consistency> {
  const timeZone = await organisationTimeZone(tx, actor.organisationId);
  const today = localDate(new Date(), timeZone);
  const since = new Date(Date.parse(today) - days * 86_400_000).toISOString().slice(0, 10);
  const byPractitioner = 'practitionerId' in subject;

  let promises = tx
    .selectFrom('commitments as c')
    .innerJoin('people as p', (join) =>
      join.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.person_id'),
    )
    .select(['c.id', 'c.person_id', 'c.what', 'c.status', 'c.due_on'])
    // Renegotiating ahead of the date is honest practice; moving the date after it has passed
    // does not make a late promise an on-time one.
    .select(
      sql<boolean>`exists (select 1 from commitment_events e
        where e.organisation_id = c.organisation_id and e.commitment_id = c.id and e.event = 'renegotiated'
          and e.previous_due_on < (e.recorded_at at time zone ${timeZone})::date)`.as('moved_after_due'),
    )
    .where('c.organisation_id', '=', actor.organisationId)
    .where('c.promised_by', '=', 'practitioner')
    .where('c.due_on', '>=', since)
    .where('c.due_on', '<=', today)
    .where(openableBy(actor))
    // Still owed and not yet due today: not counted either way.
    .where((eb) => eb.or([eb('c.status', 'in', ['kept', 'kept_late', 'not_kept']), eb('c.due_on', '<', today)]));
  promises = byPractitioner
    ? promises.where('c.promised_by_user_id', '=', subject.practitionerId)
    : promises.where('c.person_id', '=', subject.personId);

  let visits = tx
    .selectFrom('contacts as c')
    .innerJoin('people as p', (join) =>
      join.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.person_id'),
    )
    .select(['c.id', 'c.person_id', 'c.kind', 'c.actual_start'])
    .select(sql<boolean>`c.actual_start <= c.planned_start + make_interval(mins => ${ON_TIME_MINUTES})`.as('on_time'))
    .where('c.organisation_id', '=', actor.organisationId)
    .where('c.status', '=', 'made')
    .where('c.planned_start', 'is not', null)
    .where('c.actual_start', '>=', new Date(Date.parse(since)))
    .where(openableBy(actor));
  visits = byPractitioner
    ? visits.where('c.practitioner_id', '=', subject.practitionerId)
    : visits.where('c.person_id', '=', subject.personId);

  let rhythms = tx
    .selectFrom('checkin_cadences as k')
    .innerJoin('people as p', (join) =>
      join.onRef('p.organisation_id', '=', 'k.organisation_id').onRef('p.id', '=', 'k.person_id'),
    )
    .select(['k.id', 'k.person_id', 'p.full_name', 'k.every_days', 'k.agreed_on'])
    .select(
      sql<Date | null>`(select max(coalesce(c.actual_start, c.received_at)) from contacts c
        where c.organisation_id = k.organisation_id and c.person_id = k.person_id and c.status = 'made'
          and (k.network_member_id is null or exists (select 1 from contact_participants cp
            where cp.organisation_id = c.organisation_id and cp.contact_id = c.id and cp.network_member_id = k.network_member_id)))`.as(
        'last_contact_at',
      ),
    )
    .where('k.organisation_id', '=', actor.organisationId)
    .where('k.ended_at', 'is', null)
    .where(openableBy(actor));
  rhythms = byPractitioner
    ? rhythms.where(
        sql<boolean>`exists (select 1 from allocations a where a.organisation_id = p.organisation_id and a.person_id = p.id and a.user_id = ${subject.practitionerId} and a.ended_at is null)`,
      )
    : rhythms.where('k.person_id', '=', subject.personId);

  const [promiseRows, visitRows, rhythmRows] = await Promise.all([
    promises.limit(2000).execute(),
    visits.limit(2000).execute(),
    rhythms.limit(2000).execute(),
  ]);
  return {
    days,
    promisesKeptOnTime: toFigure(
      promiseRows.map((row) => ({
        kind: 'commitment' as const,
        id: row.id,
        personId: row.person_id,
        label: row.what,
        counts: row.status === 'kept' && !row.moved_after_due,
      })),
    ),
    visitsStartedOnTime: toFigure(
      visitRows.map((row) => ({
        kind: 'contact' as const,
        id: row.id,
        personId: row.person_id,
        label: `${row.kind.replace('_', ' ')} on ${row.actual_start!.toISOString().slice(0, 10)}`,
        counts: row.on_time,
      })),
    ),
    checkinsOnRhythm: toFigure(
      rhythmRows.map((row) => ({
        kind: 'cadence' as const,
        id: row.id,
        personId: row.person_id,
        label: `${row.full_name}: every ${row.every_days} days`,
        counts: nextCheckinDue(row.last_contact_at, row.agreed_on, row.every_days, timeZone) >= today,
      })),
    ),
  };
}

/** A practitioner's figures: their own; a supervisor may see their teams'; a manager anyone's. */
export async function practitionerConsistency(
  db: Db,
  actor: Actor,
  practitionerId: string,
  days: number,
): Promise<Consistency> {
  return readTransaction(db, async (tx) => {
    const subject = await tx
      .selectFrom('users as u')
      .select('u.id')
      .select(
        sql<boolean>`exists (select 1 from team_members theirs join team_members mine
          on mine.organisation_id = theirs.organisation_id and mine.team_id = theirs.team_id
          where theirs.organisation_id = u.organisation_id and theirs.user_id = u.id and mine.user_id = ${actor.userId})`.as(
          'shares_team',
        ),
      )
      .where('u.organisation_id', '=', actor.organisationId)
      .where('u.id', '=', practitionerId)
      .executeTakeFirst();
    const allowed =
      subject &&
      (practitionerId === actor.userId ||
        actor.role === 'manager' ||
        (actor.role === 'supervisor' && subject.shares_team));
    if (!allowed) {
      // The same answer for a colleague out of reach and for no such colleague (check 8), audited.
      await recordDenied(db, actor, {
        action: 'consistency.practitioner.read',
        recordType: 'user',
        recordId: practitionerId,
      });
      throw notFound('colleague');
    }
    const result = await figures(tx, actor, { practitionerId }, days);
    // The figures carry the records behind them: each person shown gets a row in their access log.
    await recordPersonReads(
      tx,
      actor,
      'consistency.practitioner.read',
      [result.promisesKeptOnTime, result.visitsStartedOnTime, result.checkinsOnRhythm].flatMap((figure) =>
        figure.behind.map((record) => record.personId),
      ),
      { days, practitionerId },
    );
    return result;
  });
}

export async function personConsistency(db: Db, actor: Actor, personId: string, days: number): Promise<Consistency> {
  return readFromPerson(db, actor, personId, 'person.consistency.read', async (tx) => {
    const result = await figures(tx, actor, { personId }, days);
    await recordAudit(tx, actor, {
      action: 'person.consistency.read',
      recordType: 'person',
      recordId: personId,
      personId,
      details: { days },
    });
    return result;
  });
}
