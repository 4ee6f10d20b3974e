import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CreatePersonRequest, ListPeopleQuery, Person, PersonListItem } from '../../domain/people.js';
import type { Actor } from '../access/actor.js';
import { allocatedToActor, allocatedWithinActorsTeams, findableBy } from '../access/scope.js';
import { readTransaction, recordAudit, recordDenied } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, invalid } from '../http/errors.js';
import { checkAllocatable } from './allocations.js';
import { loadPerson } from './load-person.js';
import { personNotFound } from './person-scope.js';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * People the actor may find, a page at a time; one audit row for the search (checks 9, 25). The
 * search looks at every name the person is known by and forgives typos (trigram word similarity),
 * best matches first.
 */
export async function listPeople(
  db: Db,
  actor: Actor,
  query: ListPeopleQuery,
): Promise<{ items: PersonListItem[]; total: number }> {
  return readTransaction(db, async (tx) => {
    if (query.teamId && query.filter !== 'team') {
      throw invalid('teamId', 'A team can be chosen only with the team filter');
    }
    if (query.filter === 'team' && query.teamId && actor.role !== 'manager') {
      const member = await tx
        .selectFrom('team_members')
        .select('team_id')
        .where('organisation_id', '=', actor.organisationId)
        .where('team_id', '=', query.teamId)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      if (!member) {
        throw invalid('teamId', 'Choose one of your own teams');
      }
    }
    let matching = tx.selectFrom('people as p').where(findableBy(actor));
    if (query.filter === 'mine') {
      matching = matching.where(allocatedToActor(actor));
    } else if (query.filter === 'team') {
      matching = matching.where(allocatedWithinTeams(actor, query.teamId ?? null));
    } else if (query.filter === 'recent') {
      matching = matching.where(sql<boolean>`${lastOpenedByActor(actor)} is not null`);
    }
    // Each word typed must match some name the person is known by, exactly or nearly:
    // "Mohamad Husein" finds Mohammed Hussain.
    const words = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
    if (words.length > 0) {
      // How close a word must be to count: 0.45 lets "Okonkow" find "Okonkwo", not "Owen".
      await sql`select set_config('pg_trgm.word_similarity_threshold', '0.45', true)`.execute(tx);
      for (const word of words) {
        matching = matching.where(
          sql<boolean>`(p.search_names ilike ${`%${escapeLike(word)}%`} or ${word} <% p.search_names)`,
        );
      }
    }
    let page = matching.select(['p.id', 'p.full_name', 'p.restricted']).select(
      sql<{ userId: string; displayName: string }[]>`(
          select coalesce(json_agg(json_build_object('userId', u.id, 'displayName', u.display_name) order by u.display_name), '[]'::json)
          from allocations a join users u on u.organisation_id = a.organisation_id and u.id = a.user_id
          where a.organisation_id = p.organisation_id and a.person_id = p.id and a.ended_at is null)`.as(
        'allocated_to',
      ),
    );
    if (words.length > 0) {
      page = page.orderBy(
        sql`(${sql.join(
          words.map((word) => sql`word_similarity(${word}, p.search_names)`),
          sql` + `,
        )})`,
        'desc',
      );
    }
    if (query.filter === 'recent') {
      page = page.orderBy(sql`${lastOpenedByActor(actor)}`, 'desc');
    }
    const [rows, count] = await Promise.all([
      page
        .orderBy('p.full_name')
        .orderBy('p.id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      matching.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const total = Number(count.n);
    await recordAudit(tx, actor, {
      action: query.q ? 'person.search' : 'person.list',
      recordType: 'person',
      details: { q: query.q ?? null, filter: query.filter, page: query.page, total },
    });
    return {
      items: rows.map((row) => ({
        id: row.id,
        fullName: row.full_name,
        restricted: row.restricted,
        allocatedTo: row.allocated_to,
      })),
      total,
    };
  });
}

/** `p` is allocated to someone in the given team, or in any team the actor belongs to. */
function allocatedWithinTeams(actor: Actor, teamId: string | null) {
  if (!teamId) {
    return allocatedWithinActorsTeams(actor);
  }
  return sql<boolean>`exists (
    select 1 from allocations a
    join team_members worker on worker.organisation_id = a.organisation_id and worker.user_id = a.user_id
    where a.organisation_id = p.organisation_id and a.person_id = p.id and a.ended_at is null
      and worker.team_id = ${teamId})`;
}

/** When the actor last opened `p`'s record in the last 30 days, from the audit trail (or null). */
function lastOpenedByActor(actor: Actor) {
  return sql<Date | null>`(
    select max(e.occurred_at) from audit_events e
    where e.organisation_id = p.organisation_id and e.person_id = p.id
      and e.actor_user_id = ${actor.userId} and e.action = 'person.read' and e.outcome = 'succeeded'
      and e.occurred_at > now() - interval '30 days')`;
}

/** Opens a person's record: in scope or 404; every read audited in the same transaction. */
export async function getPerson(db: Db, actor: Actor, personId: string): Promise<Person> {
  const found = await readTransaction(db, async (tx) => {
    const person = await loadPerson(tx, actor, personId);
    if (person) {
      await recordAudit(tx, actor, {
        action: 'person.read',
        kind: person.access.basis === 'break_glass' ? 'break_glass' : 'routine',
        recordType: 'person',
        recordId: personId,
        personId,
      });
    }
    return person;
  });
  if (!found) {
    await recordDenied(db, actor, { action: 'person.read', recordType: 'person', recordId: personId, personId });
    throw personNotFound();
  }
  return found;
}

/**
 * Records someone new. A practitioner's new person is allocated to them; a supervisor allocates
 * to someone in their team; a manager may leave the allocation for later.
 */
export async function createPerson(db: Db, actor: Actor, input: CreatePersonRequest): Promise<Person> {
  if (actor.role === 'administrator') {
    throw forbidden('Administrators manage staff and teams; practitioners, supervisors and managers record people.');
  }
  const allocateTo = actor.role === 'practitioner' ? actor.userId : input.allocateTo;
  if (actor.role === 'practitioner' && input.allocateTo && input.allocateTo !== actor.userId) {
    throw forbidden(
      'Practitioners record people on their own caseload; ask your supervisor to allocate to someone else.',
    );
  }
  if (actor.role === 'supervisor' && !allocateTo) {
    throw new AppError('validation_failed', 'Some fields need attention.', [
      { field: 'allocateTo', message: 'Choose the practitioner this person is allocated to' },
    ]);
  }
  const personId = randomUUID();
  await db.transaction().execute(async (tx) => {
    const now = new Date();
    await tx
      .insertInto('people')
      .values({
        organisation_id: actor.organisationId,
        id: personId,
        full_name: input.fullName,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(tx, actor, { action: 'person.create', recordType: 'person', recordId: personId, personId });
    if (allocateTo) {
      await checkAllocatable(tx, actor, allocateTo, 'allocateTo');
      const allocationId = randomUUID();
      await tx
        .insertInto('allocations')
        .values({
          organisation_id: actor.organisationId,
          id: allocationId,
          person_id: personId,
          user_id: allocateTo,
          allocated_by: actor.userId,
          started_at: now,
        })
        .execute();
      await recordAudit(tx, actor, {
        action: 'allocation.create',
        recordType: 'allocation',
        recordId: allocationId,
        personId,
        details: { userId: allocateTo },
      });
    }
  });
  return getPerson(db, actor, personId);
}
