import type { Actor } from '../access/actor.js';
import { allocatedToActor, findableBy, openableBy } from '../access/scope.js';
import { readTransaction, recordAudit, recordDenied } from '../audit/audit.js';
import { prepared, type Db, type Tx } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';

/** The same answer for "no such person" and "not yours to see" (SECURITY.md check 8). */
export const personNotFound = () => notFound('person, or you do not have access to them');

/** What a domain function knows about the person it is working on, once the scope check passed. */
export interface PersonInScope {
  id: string;
  restricted: boolean;
  contactDetailsRestricted: boolean;
  version: number;
  /** The actor is one of the person's allocated practitioners: the closest relationship there is. */
  allocatedToActor: boolean;
  /** The actor reaches this record only through emergency (break-glass) access. */
  viaBreakGlass: boolean;
}

/** The person, if the actor may open it; locked against concurrent change when writing. */
async function requireOpenablePerson(tx: Tx, actor: Actor, personId: string, lock: boolean): Promise<PersonInScope> {
  let query = tx
    .selectFrom('people as p')
    .modifyFront(prepared) // every read and write of a record runs it: planned once per connection
    .select(['p.id', 'p.restricted', 'p.contact_details_restricted', 'p.version'])
    .select(allocatedToActor(actor).as('allocated_to_me'))
    .select(findableBy(actor).as('findable'))
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
  return {
    id: row.id,
    restricted: row.restricted,
    contactDetailsRestricted: row.contact_details_restricted,
    version: row.version,
    allocatedToActor: row.allocated_to_me,
    viaBreakGlass: !row.findable,
  };
}

type PersonWork<T> = (tx: Tx, person: PersonInScope) => Promise<T>;

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
  let inScope = false;
  try {
    return await transaction(async (tx) => {
      const person = await requireOpenablePerson(tx, actor, personId, lock);
      inScope = true;
      const result = await work(tx, person);
      if (person.viaBreakGlass) {
        // Everything done under emergency access is marked as such, for the access review.
        await recordAudit(tx, actor, {
          action,
          kind: 'break_glass',
          recordType: 'person',
          recordId: personId,
          personId,
          details: { underBreakGlass: true },
        });
      }
      return result;
    });
  } catch (error) {
    // Only the scope check's own 404 is a denied access; a 404 for something inside the record
    // (an unknown network member, say) is an ordinary miss.
    if (!inScope && error instanceof AppError && error.code === 'not_found') {
      await recordDenied(db, actor, { action, recordType: 'person', recordId: personId, personId });
    }
    throw error;
  }
}

/** Optimistic concurrency: the version the editor read must still be the current one (check 30). */
export function checkVersion(current: number, expected: number | null, what = 'record'): void {
  // Checked after the scope check, so someone without a relationship still gets only a 404.
  if (expected === null) {
    throw new AppError(
      'precondition_required',
      'Send the version you are editing in If-Match (the ETag you read), e.g. If-Match: "3".',
    );
  }
  if (current !== expected) {
    throw new AppError(
      'precondition_failed',
      `Someone else saved this ${what} since you opened it (your copy is version ${expected}, the saved one is ${current}). Reload it to see their changes; what you typed is kept.`,
    );
  }
}
