import { randomUUID } from 'node:crypto';
import { sql, type Expression, type InferResult } from 'kysely';
import {
  applyCommitmentChange,
  isOverdue,
  type Commitment,
  type NewCommitmentInContact,
} from '../../domain/commitments.js';
import type { Actor } from '../access/actor.js';
import { openableBy } from '../access/scope.js';
import { recordAudit } from '../audit/audit.js';
import type { Db, Queryable, Tx } from '../db/database.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import { checkVersion, readFromPerson, writeToPerson } from '../people/person-scope.js';
import { onceForKey } from '../contacts/idempotency.js';
import { resolveParty, sameParty } from './parties.js';

/** Records a promise (and its "made" event) inside the caller's transaction. */
export async function insertCommitment(
  tx: Tx,
  actor: Actor,
  personId: string,
  input: NewCommitmentInContact,
  madeInContactId: string | null,
  field = '',
): Promise<string> {
  const prefix = field ? `${field}.` : '';
  const by = await resolveParty(tx, actor, personId, input.by, `${prefix}by`);
  const to = await resolveParty(tx, actor, personId, input.to, `${prefix}to`);
  if (sameParty(by, to)) {
    throw invalid(`${prefix}to`, 'A promise is made to someone else');
  }
  const id = randomUUID();
  await tx
    .insertInto('commitments')
    .values({
      organisation_id: actor.organisationId,
      id,
      person_id: personId,
      promised_by: by.kind,
      promised_by_user_id: by.userId,
      promised_by_member_id: by.memberId,
      promised_to: to.kind,
      promised_to_user_id: to.userId,
      promised_to_member_id: to.memberId,
      other_party_name: by.name ?? to.name,
      what: input.what,
      due_on: input.dueOn,
      made_in_contact_id: madeInContactId,
      created_by: actor.userId,
    })
    .execute();
  await tx
    .insertInto('commitment_events')
    .values({
      organisation_id: actor.organisationId,
      id: randomUUID(),
      commitment_id: id,
      event: 'made',
      new_due_on: input.dueOn,
      contact_id: madeInContactId,
      recorded_by: actor.userId,
    })
    .execute();
  await recordAudit(tx, actor, {
    action: 'commitment.create',
    recordType: 'commitment',
    recordId: id,
    personId,
    details: { by: by.kind, to: to.kind },
  });
  return id;
}

interface Filters {
  personId?: string;
  commitmentId?: string;
  /** Promises made during this contact (an id, or an expression of the statement that embeds the query). */
  madeInContactId?: string | Expression<string>;
  /** Promises made by or to this practitioner, across the people the actor may open. */
  involvingUserId?: string;
  status: 'outstanding' | 'overdue' | 'finished' | 'all';
  limit?: number;
  /**
   * The statement this query is part of has already checked the one person it is about is in the
   * actor's scope (the brief's scope CTE, which nothing runs without): checking again per promise
   * only makes the plan bigger. Only with `personId`.
   */
  personInCheckedScope?: boolean;
}

/** Promises with their parties named and their history — one query. */
export async function selectCommitments(tx: Queryable, actor: Actor, filters: Filters): Promise<Commitment[]> {
  const today = new Date().toISOString().slice(0, 10);
  const rows = await commitmentsQuery(tx, actor, filters, today).execute();
  return rows.map((row) => commitmentFromRow(row, actor, today));
}

/** The query behind selectCommitments, to run or to embed in a larger statement (the brief). */
export function commitmentsQuery(tx: Queryable, actor: Actor, filters: Filters, today: string) {
  let query = tx
    .selectFrom('commitments as c')
    .innerJoin('people as p', (join) =>
      join.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.person_id'),
    )
    .leftJoin('users as bu', (join) =>
      join.onRef('bu.organisation_id', '=', 'c.organisation_id').onRef('bu.id', '=', 'c.promised_by_user_id'),
    )
    .leftJoin('users as tu', (join) =>
      join.onRef('tu.organisation_id', '=', 'c.organisation_id').onRef('tu.id', '=', 'c.promised_to_user_id'),
    )
    .leftJoin('network_members as bm', (join) =>
      join.onRef('bm.organisation_id', '=', 'c.organisation_id').onRef('bm.id', '=', 'c.promised_by_member_id'),
    )
    .leftJoin('network_members as tm', (join) =>
      join.onRef('tm.organisation_id', '=', 'c.organisation_id').onRef('tm.id', '=', 'c.promised_to_member_id'),
    )
    .selectAll('c')
    .select([
      'p.full_name',
      'p.address_as',
      'bu.display_name as by_user_name',
      'tu.display_name as to_user_name',
      'bm.name as by_member_name',
      'tm.name as to_member_name',
    ])
    .select(
      sql<Commitment['history']>`(
        select coalesce(json_agg(json_build_object(
          'event', e.event, 'previousDueOn', e.previous_due_on, 'newDueOn', e.new_due_on, 'reason', e.reason,
          'contactId', e.contact_id,
          'recordedBy', json_build_object('id', e.recorded_by, 'displayName', u.display_name),
          'recordedAt', to_char(e.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        ) order by e.recorded_at), '[]'::json)
        from commitment_events e left join users u on u.organisation_id = e.organisation_id and u.id = e.recorded_by
        where e.organisation_id = c.organisation_id and e.commitment_id = c.id)`.as('history'),
    )
    .where('c.organisation_id', '=', actor.organisationId);
  if (!(filters.personInCheckedScope && filters.personId)) {
    query = query.where(openableBy(actor));
  }
  if (filters.personId) {
    query = query.where('c.person_id', '=', filters.personId);
  }
  if (filters.commitmentId) {
    query = query.where('c.id', '=', filters.commitmentId);
  }
  if (filters.madeInContactId) {
    query = query.where('c.made_in_contact_id', '=', filters.madeInContactId);
  }
  if (filters.involvingUserId) {
    const userId = filters.involvingUserId;
    query = query.where((eb) =>
      eb.or([eb('c.promised_by_user_id', '=', userId), eb('c.promised_to_user_id', '=', userId)]),
    );
  }
  if (filters.status === 'outstanding') {
    query = query.where('c.status', 'in', ['open', 'renegotiated']);
  } else if (filters.status === 'overdue') {
    query = query.where('c.status', 'in', ['open', 'renegotiated']).where('c.due_on', '<', today);
  } else if (filters.status === 'finished') {
    query = query.where('c.status', 'in', ['kept', 'kept_late', 'not_kept']);
  }
  // Overdue first, then soonest due.
  return query
    .orderBy(
      sql`case when c.status in ('open', 'renegotiated') and c.due_on < ${today} then 0 when c.status in ('open', 'renegotiated') then 1 else 2 end`,
    )
    .orderBy('c.due_on')
    .limit(filters.limit ?? 200);
}

/** What commitmentFromRow reads of a row of commitmentsQuery (all of it JSON-safe, so it can come as JSON). */
export type CommitmentRow = Pick<
  InferResult<ReturnType<typeof commitmentsQuery>>[number],
  | 'id'
  | 'person_id'
  | 'full_name'
  | 'address_as'
  | 'promised_by'
  | 'promised_by_user_id'
  | 'by_user_name'
  | 'promised_by_member_id'
  | 'by_member_name'
  | 'promised_to'
  | 'promised_to_user_id'
  | 'to_user_name'
  | 'promised_to_member_id'
  | 'to_member_name'
  | 'other_party_name'
  | 'what'
  | 'due_on'
  | 'status'
  | 'kept_on'
  | 'made_in_contact_id'
  | 'kept_in_contact_id'
  | 'history'
  | 'version'
>;

/** A promise as the API shows it: parties named from the actor's point of view ("you"). */
export function commitmentFromRow(row: CommitmentRow, actor: Actor, today: string): Commitment {
  const name = (
    kind: string,
    userId: string | null,
    userName: string | null,
    memberId: string | null,
    memberName: string | null,
  ) => {
    switch (kind) {
      case 'practitioner':
        return {
          kind: 'practitioner' as const,
          id: userId,
          name: userId === actor.userId ? 'you' : (userName ?? 'a colleague'),
        };
      case 'person':
        return { kind: 'person' as const, id: row.person_id, name: row.address_as ?? row.full_name };
      case 'network_member':
        return { kind: 'network_member' as const, id: memberId, name: memberName ?? 'someone in their network' };
      default:
        return {
          kind: 'other_professional' as const,
          id: null,
          name: row.other_party_name ?? 'another professional',
        };
    }
  };
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.full_name,
    by: name(row.promised_by, row.promised_by_user_id, row.by_user_name, row.promised_by_member_id, row.by_member_name),
    to: name(row.promised_to, row.promised_to_user_id, row.to_user_name, row.promised_to_member_id, row.to_member_name),
    what: row.what,
    dueOn: row.due_on,
    status: row.status,
    overdue: isOverdue(row.status, row.due_on, today),
    keptOn: row.kept_on,
    madeInContactId: row.made_in_contact_id,
    keptInContactId: row.kept_in_contact_id,
    history: row.history,
    version: row.version,
  };
}

export async function listCommitments(
  db: Db,
  actor: Actor,
  personId: string,
  status: Filters['status'],
): Promise<Commitment[]> {
  return readFromPerson(db, actor, personId, 'person.commitments.read', async (tx) => {
    const items = await selectCommitments(tx, actor, { personId, status });
    await recordAudit(tx, actor, {
      action: 'person.commitments.read',
      recordType: 'person',
      recordId: personId,
      personId,
    });
    return items;
  });
}

export async function createCommitment(
  db: Db,
  actor: Actor,
  personId: string,
  input: NewCommitmentInContact & { madeInContactId?: string },
  idempotencyKey: string | null = null,
): Promise<{ commitment: Commitment; replayed: boolean }> {
  return writeToPerson(db, actor, personId, 'commitment.create', async (tx) => {
    const { replayed, result } = await onceForKey(
      tx,
      actor,
      idempotencyKey,
      `POST /api/people/${personId}/commitments`,
      input,
      async () => {
        if (input.madeInContactId) {
          await requireContactOfPerson(tx, actor, personId, input.madeInContactId, 'madeInContactId');
        }
        const id = await insertCommitment(tx, actor, personId, input, input.madeInContactId ?? null);
        return (await selectCommitments(tx, actor, { personId, commitmentId: id, status: 'all' }))[0]!;
      },
      async (id) => {
        await recordAudit(tx, actor, { action: 'commitment.read', recordType: 'commitment', recordId: id, personId });
        return (await selectCommitments(tx, actor, { personId, commitmentId: id, status: 'all' }))[0]!;
      },
    );
    return { commitment: result, replayed };
  });
}

async function requireContactOfPerson(
  tx: Queryable,
  actor: Actor,
  personId: string,
  contactId: string,
  field: string,
): Promise<void> {
  const found = await tx
    .selectFrom('contacts')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .where('person_id', '=', personId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!found) {
    throw invalid(field, 'Choose a contact with this person');
  }
}

export type CommitmentChangeRequest =
  | { kind: 'keep'; keptOn: string; contactId?: string }
  | { kind: 'renegotiate'; newDueOn: string; reason: string }
  | { kind: 'not_kept'; reason: string };

/** Moves a promise along its state machine, keeping every step in its history. */
export async function changeCommitment(
  db: Db,
  actor: Actor,
  personId: string,
  commitmentId: string,
  change: CommitmentChangeRequest,
  expectedVersion: number | null,
): Promise<Commitment> {
  return writeToPerson(db, actor, personId, `commitment.${change.kind}`, async (tx) => {
    const current = await tx
      .selectFrom('commitments')
      .select(['status', 'due_on', 'version', 'created_at'])
      .where('organisation_id', '=', actor.organisationId)
      .where('person_id', '=', personId)
      .where('id', '=', commitmentId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) {
      throw notFound('promise on this record');
    }
    // Two people changing one promise at once: the second is told, not silently stacked (check 30).
    checkVersion(current.version, expectedVersion, 'promise');
    if (change.kind === 'keep' && change.keptOn < current.created_at.toISOString().slice(0, 10)) {
      throw invalid('keptOn', 'A promise cannot be kept before it was made');
    }
    const step =
      change.kind === 'keep'
        ? applyCommitmentChange(
            { status: current.status, dueOn: current.due_on },
            { kind: 'keep', keptOn: change.keptOn },
          )
        : change.kind === 'renegotiate'
          ? applyCommitmentChange(
              { status: current.status, dueOn: current.due_on },
              { kind: 'renegotiate', newDueOn: change.newDueOn },
            )
          : applyCommitmentChange({ status: current.status, dueOn: current.due_on }, { kind: 'not_kept' });
    if (!step.ok) {
      throw new AppError('conflict', step.problem);
    }
    if (change.kind === 'keep' && change.contactId) {
      await requireContactOfPerson(tx, actor, personId, change.contactId, 'contactId');
    }
    await tx
      .updateTable('commitments')
      .set((eb) => ({
        status: step.status,
        due_on: step.dueOn,
        kept_on: change.kind === 'keep' ? change.keptOn : null,
        kept_in_contact_id: change.kind === 'keep' ? (change.contactId ?? null) : null,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', commitmentId)
      .execute();
    await tx
      .insertInto('commitment_events')
      .values({
        organisation_id: actor.organisationId,
        id: randomUUID(),
        commitment_id: commitmentId,
        event:
          change.kind === 'keep'
            ? step.status === 'kept'
              ? 'kept'
              : 'kept_late'
            : change.kind === 'renegotiate'
              ? 'renegotiated'
              : 'not_kept',
        previous_due_on: change.kind === 'renegotiate' ? current.due_on : null,
        new_due_on: change.kind === 'renegotiate' ? change.newDueOn : null,
        reason: change.kind === 'keep' ? null : change.reason,
        contact_id: change.kind === 'keep' ? (change.contactId ?? null) : null,
        recorded_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: `commitment.${change.kind}`,
      recordType: 'commitment',
      recordId: commitmentId,
      personId,
      details: { status: step.status },
    });
    return (await selectCommitments(tx, actor, { personId, commitmentId, status: 'all' }))[0]!;
  });
}
