import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type {
  AccessBasis,
  CreatePersonRequest,
  ListPeopleQuery,
  Person,
  PersonListItem,
  UpdatePersonRequest,
} from '../../domain/people.js';
import type { Actor } from '../access/actor.js';
import { allocatedToActor, allocatedWithinActorsTeams, findableBy, openableBy } from '../access/scope.js';
import { readTransaction, recordAudit, recordDenied } from '../audit/audit.js';
import type { Db, Queryable, Tx } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { checkAllocatable } from './allocations.js';

/** The same answer for "no such person" and "not yours to see" (SECURITY.md check 8). */
export const personNotFound = () => notFound('person, or you do not have access to them');

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** People the actor may find, a page at a time; one audit row for the search (check 9, 25). */
export async function listPeople(
  db: Db,
  actor: Actor,
  query: ListPeopleQuery,
): Promise<{ items: PersonListItem[]; total: number }> {
  return readTransaction(db, async (tx) => {
    let matching = tx.selectFrom('people as p').where(findableBy(actor));
    if (query.filter === 'mine') {
      matching = matching.where(allocatedToActor(actor));
    }
    if (query.q) {
      matching = matching.where(sql<boolean>`p.full_name ilike ${`%${escapeLike(query.q)}%`}`);
    }
    const [rows, count] = await Promise.all([
      matching
        .select(['p.id', 'p.full_name', 'p.restricted'])
        .select(
          sql<{ userId: string; displayName: string }[]>`(
            select coalesce(json_agg(json_build_object('userId', u.id, 'displayName', u.display_name) order by u.display_name), '[]'::json)
            from allocations a join users u on u.organisation_id = a.organisation_id and u.id = a.user_id
            where a.organisation_id = p.organisation_id and a.person_id = p.id and a.ended_at is null)`.as(
            'allocated_to',
          ),
        )
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

/** Loads the person with the actor's basis of access, or null when out of scope or missing. */
export async function loadPerson(tx: Queryable, actor: Actor, personId: string): Promise<Person | null> {
  const row = await tx
    .selectFrom('people as p')
    .select(['p.id', 'p.full_name', 'p.restricted', 'p.created_at', 'p.updated_at'])
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
    fullName: row.full_name,
    restricted: row.restricted,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
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

/** The person, if the actor may open it; locked against concurrent change when writing. */
async function requireOpenablePerson(
  tx: Tx,
  actor: Actor,
  personId: string,
  lock: boolean,
): Promise<{ id: string; restricted: boolean }> {
  let query = tx
    .selectFrom('people as p')
    .select(['p.id', 'p.restricted'])
    .where('p.organisation_id', '=', actor.organisationId)
    .where('p.id', '=', personId)
    .where(openableBy(actor));
  if (lock) {
    query = query.forUpdate();
  }
  const row = await query.executeTakeFirst();
  if (!row) {
    throw personNotFound();
  }
  return row;
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

/** Corrects a person's name. */
export async function updatePerson(
  db: Db,
  actor: Actor,
  personId: string,
  input: UpdatePersonRequest,
): Promise<Person> {
  await writeToPerson(db, actor, personId, 'person.update', async (tx) => {
    await tx
      .updateTable('people')
      .set({ full_name: input.fullName, updated_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', personId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'person.update',
      recordType: 'person',
      recordId: personId,
      personId,
      details: { fields: ['fullName'] },
    });
  });
  return getPerson(db, actor, personId);
}

type PersonWork<T> = (tx: Tx, person: { id: string; restricted: boolean }) => Promise<T>;

/**
 * Runs a change to a person's record in one transaction with the person locked and in scope. An
 * out-of-scope attempt is audited as denied, then answered 404.
 */
export function writeToPerson<T>(
  db: Db,
  actor: Actor,
  personId: string,
  action: string,
  work: PersonWork<T>,
): Promise<T> {
  return inPersonScope(db, actor, personId, action, work, (run) => db.transaction().execute(run), true);
}

/** Like writeToPerson, for reads: no lock, and the commit does not wait for the disk. */
export function readFromPerson<T>(
  db: Db,
  actor: Actor,
  personId: string,
  action: string,
  work: PersonWork<T>,
): Promise<T> {
  return inPersonScope(db, actor, personId, action, work, (run) => readTransaction(db, run), false);
}

async function inPersonScope<T>(
  db: Db,
  actor: Actor,
  personId: string,
  action: string,
  work: PersonWork<T>,
  transaction: (run: (tx: Tx) => Promise<T>) => Promise<T>,
  lock: boolean,
): Promise<T> {
  try {
    return await transaction(async (tx) => work(tx, await requireOpenablePerson(tx, actor, personId, lock)));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      await recordDenied(db, actor, { action, recordType: 'person', recordId: personId, personId });
    }
    throw error;
  }
}
