import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from './actor.js';
import { findableBy } from './scope.js';
import { recordAudit, recordDenied } from '../audit/audit.js';
import type { Db, Tx } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { personNotFound } from '../people/person-scope.js';

/**
 * Break-glass: time-limited access to a record outside the actor's relationships, for an emergency,
 * with a stated reason (SECURITY.md check 16). The grant is audited as its own kind, the relevant
 * supervisors are alerted, and it appears in the access review. A restricted record can be opened
 * this way only by a supervisor or manager; to anyone else it stays "not found".
 */
export async function breakGlass(
  db: Db,
  actor: Actor,
  personId: string,
  reason: string,
  minutes: number,
): Promise<{ personId: string; expiresAt: string }> {
  const denied = async () => {
    await recordDenied(db, actor, {
      action: 'person.break_glass',
      kind: 'break_glass',
      recordType: 'person',
      recordId: personId,
      personId,
      reason,
    });
    return personNotFound();
  };
  if (actor.role === 'administrator') {
    throw await denied();
  }
  const outcome = await db.transaction().execute(async (tx) => {
    const person = await tx
      .selectFrom('people as p')
      .select(['p.id', 'p.restricted'])
      .select(findableBy(actor).as('findable'))
      .where('p.organisation_id', '=', actor.organisationId)
      .where('p.id', '=', personId)
      .executeTakeFirst();
    if (!person || (person.restricted && actor.role === 'practitioner' && !person.findable)) {
      return null;
    }
    if (person.findable) {
      throw new AppError('conflict', 'You can already open this record; break-glass is not needed.');
    }
    const grantId = randomUUID();
    const grantedAt = new Date();
    const expiresAt = new Date(grantedAt.getTime() + minutes * 60_000);
    await tx
      .insertInto('access_grants')
      .values({
        organisation_id: actor.organisationId,
        id: grantId,
        person_id: personId,
        user_id: actor.userId,
        reason,
        granted_at: grantedAt,
        expires_at: expiresAt,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'person.break_glass',
      kind: 'break_glass',
      recordType: 'access_grant',
      recordId: grantId,
      personId,
      reason,
      details: { minutes },
    });
    await alertSupervisors(tx, actor, personId, grantId);
    return { personId, expiresAt: expiresAt.toISOString() };
  });
  if (!outcome) {
    throw await denied();
  }
  return outcome;
}

/**
 * Alerts the supervisors of the person's practitioners and of the actor's own teams; with none,
 * the organisation's managers — so that someone always looks.
 */
async function alertSupervisors(tx: Tx, actor: Actor, personId: string, grantId: string): Promise<void> {
  const recipients = await tx
    .selectFrom('users as u')
    .select('u.id')
    .where('u.organisation_id', '=', actor.organisationId)
    .where('u.role', '=', 'supervisor')
    .where('u.disabled_at', 'is', null)
    .where('u.id', '<>', actor.userId)
    .where(
      sql<boolean>`exists (
        select 1 from team_members mine
        where mine.organisation_id = u.organisation_id and mine.user_id = u.id
          and mine.team_id in (
            select tm.team_id from team_members tm
            where tm.organisation_id = ${actor.organisationId}
              and (tm.user_id = ${actor.userId}
                   or tm.user_id in (select a.user_id from allocations a
                                     where a.organisation_id = ${actor.organisationId}
                                       and a.person_id = ${personId} and a.ended_at is null))))`,
    )
    .execute();
  let ids = recipients.map((row) => row.id);
  if (ids.length === 0) {
    const managers = await tx
      .selectFrom('users')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('role', '=', 'manager')
      .where('disabled_at', 'is', null)
      .where('id', '<>', actor.userId)
      .execute();
    ids = managers.map((row) => row.id);
  }
  if (ids.length > 0) {
    await tx
      .insertInto('notifications')
      .values(
        ids.map((userId) => ({
          organisation_id: actor.organisationId,
          id: randomUUID(),
          user_id: userId,
          kind: 'break_glass' as const,
          access_grant_id: grantId,
        })),
      )
      .execute();
  }
}
