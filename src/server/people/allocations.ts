import { randomUUID } from 'node:crypto';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Db, Queryable } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { loadPerson } from './load-person.js';
import { writeToPerson } from './person-scope.js';
import type { Person } from '../../domain/people.js';

/** Only supervisors (within their teams) and managers allocate. */
function requireAllocator(actor: Actor): void {
  if (actor.role !== 'supervisor' && actor.role !== 'manager') {
    throw forbidden('Only supervisors and managers change who a person is allocated to.');
  }
}

/**
 * The colleague must be an active practitioner or supervisor of this organisation and, for a
 * supervisor allocating, in one of the supervisor's teams (or the supervisor themself).
 */
export async function checkAllocatable(tx: Queryable, actor: Actor, userId: string, field: string): Promise<void> {
  const colleague = await tx
    .selectFrom('users as u')
    .select(['u.id', 'u.role'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('team_members as theirs')
            .innerJoin('team_members as mine', (join) =>
              join
                .onRef('mine.organisation_id', '=', 'theirs.organisation_id')
                .onRef('mine.team_id', '=', 'theirs.team_id'),
            )
            .select('theirs.user_id')
            .whereRef('theirs.organisation_id', '=', 'u.organisation_id')
            .whereRef('theirs.user_id', '=', 'u.id')
            .where('mine.user_id', '=', actor.userId),
        )
        .as('shares_team'),
    )
    .where('u.organisation_id', '=', actor.organisationId)
    .where('u.id', '=', userId)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  const fail = (message: string) =>
    new AppError('validation_failed', 'Some fields need attention.', [{ field, message }]);
  if (!colleague || (colleague.role !== 'practitioner' && colleague.role !== 'supervisor')) {
    throw fail('Choose an active practitioner or supervisor in your organisation');
  }
  if (actor.role === 'supervisor' && colleague.id !== actor.userId && !colleague.shares_team) {
    throw fail('You can allocate only to colleagues in your own teams');
  }
}

export async function allocatePerson(db: Db, actor: Actor, personId: string, userId: string): Promise<Person> {
  return writeToPerson(db, actor, personId, 'allocation.create', async (tx) => {
    requireAllocator(actor);
    await checkAllocatable(tx, actor, userId, 'userId');
    const existing = await tx
      .selectFrom('allocations')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('person_id', '=', personId)
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (existing) {
      throw new AppError('conflict', 'This person is already allocated to that colleague.');
    }
    const allocationId = randomUUID();
    await tx
      .insertInto('allocations')
      .values({
        organisation_id: actor.organisationId,
        id: allocationId,
        person_id: personId,
        user_id: userId,
        allocated_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'allocation.create',
      recordType: 'allocation',
      recordId: allocationId,
      personId,
      details: { userId },
    });
    return (await loadPerson(tx, actor, personId))!;
  });
}

/** Ends an allocation; the practitioner's very next request for this person is refused (check 5). */
export async function endAllocation(db: Db, actor: Actor, personId: string, allocationId: string): Promise<void> {
  await writeToPerson(db, actor, personId, 'allocation.end', async (tx) => {
    requireAllocator(actor);
    const ended = await tx
      .updateTable('allocations')
      .set({ ended_at: new Date(), ended_by: actor.userId })
      .where('organisation_id', '=', actor.organisationId)
      .where('person_id', '=', personId)
      .where('id', '=', allocationId)
      .where('ended_at', 'is', null)
      .returning('user_id')
      .executeTakeFirst();
    if (!ended) {
      throw notFound('current allocation');
    }
    await recordAudit(tx, actor, {
      action: 'allocation.end',
      recordType: 'allocation',
      recordId: allocationId,
      personId,
      details: { userId: ended.user_id },
    });
  });
}

/**
 * Restricts (seals) or unseals a record, with a reason. A restricted record drops out of every
 * list and search except its allocated practitioners' (SECURITY.md check 14).
 */
export async function setRestriction(
  db: Db,
  actor: Actor,
  personId: string,
  restricted: boolean,
  reason: string,
): Promise<{ restricted: boolean; visibleToYou: boolean }> {
  return writeToPerson(db, actor, personId, 'person.restriction', async (tx) => {
    if (actor.role !== 'supervisor' && actor.role !== 'manager') {
      throw forbidden('Only supervisors and managers restrict or unrestrict a record.');
    }
    await tx
      .updateTable('people')
      .set({ restricted, updated_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', personId)
      .execute();
    await recordAudit(tx, actor, {
      action: restricted ? 'person.restrict' : 'person.unrestrict',
      kind: 'security',
      recordType: 'person',
      recordId: personId,
      personId,
      reason,
    });
    // A supervisor who restricts a record they reach only through the team no longer sees it.
    return { restricted, visibleToYou: (await loadPerson(tx, actor, personId)) !== null };
  });
}
