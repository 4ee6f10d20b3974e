import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  allowedContactChange,
  checkTimes,
  type Contact,
  type ContactUpdate,
  type NewContact,
} from '../../domain/contacts.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../access/actor.js';
import { allocatedToActor, findableBy, openableBy } from '../access/scope.js';
import { auditRowsFrom, recordAudit, recordDenied } from '../audit/audit.js';
import { insertCommitment } from '../commitments/commitments.js';
import { prepared, StatementTemplate, type Db, type Queryable, type Tx } from '../db/database.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import { checkVersion, personNotFound, readFromPerson, writeToPerson } from '../people/person-scope.js';
import { checkKey, firstAnswer, requestHash } from './idempotency.js';
import { contactFromRow, selectContacts, type ContactRow } from './load-contacts.js';

export async function listContacts(
  db: Db,
  actor: Actor,
  personId: string,
  page: number,
  pageSize: number,
): Promise<Contact[]> {
  return readFromPerson(db, actor, personId, 'person.contacts.read', async (tx) => {
    const items = await selectContacts(tx, actor, personId, { limit: pageSize, offset: (page - 1) * pageSize });
    await recordAudit(tx, actor, {
      action: 'person.contacts.read',
      recordType: 'person',
      recordId: personId,
      personId,
      details: { page },
    });
    return items;
  });
}

export async function getContact(db: Db, actor: Actor, personId: string, contactId: string): Promise<Contact> {
  return readFromPerson(db, actor, personId, 'contact.read', async (tx) => {
    const found = (await selectContacts(tx, actor, personId, { contactId }))[0];
    if (!found || (found.status === 'draft' && found.practitioner.id !== actor.userId)) {
      throw notFound('contact on this record');
    }
    await recordAudit(tx, actor, { action: 'contact.read', recordType: 'contact', recordId: contactId, personId });
    return found;
  });
}

async function checkParticipants(tx: Tx, actor: Actor, personId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  const found = await tx
    .selectFrom('network_members')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .where('person_id', '=', personId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  if (found.length !== new Set(ids).size) {
    throw invalid('participantIds', 'Everyone who was there must be in this person’s network');
  }
}

async function setParticipants(tx: Tx, actor: Actor, contactId: string, ids: readonly string[]): Promise<void> {
  await tx
    .deleteFrom('contact_participants')
    .where('organisation_id', '=', actor.organisationId)
    .where('contact_id', '=', contactId)
    .execute();
  await addParticipants(tx, actor, contactId, ids);
}

/** Adds who was there to a contact that has no one yet (a new one: nothing to delete first). */
async function addParticipants(tx: Tx, actor: Actor, contactId: string, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) {
    await tx
      .insertInto('contact_participants')
      .values(
        [...new Set(ids)].map((memberId) => ({
          organisation_id: actor.organisationId,
          contact_id: contactId,
          network_member_id: memberId,
        })),
      )
      .execute();
  }
}

const recordRoute = (personId: string) => `POST /api/people/${personId}/contacts`;

/**
 * Records a contact — planned, made, attempted, or a draft kept on the server while it is written —
 * with its note, who was there and the promises made in it. With an Idempotency-Key, a retry
 * records nothing new and answers as the first time did; the same key with another body is 422.
 *
 * The contact is one statement (insertContact): the scope check, the key, the contact, its note,
 * who was there and its audit row commit together or not at all. Promises add their own rows, so a
 * contact with promises is that statement and the promises in one transaction.
 */
export async function recordContact(
  db: Db,
  actor: Actor,
  personId: string,
  input: NewContact,
  idempotencyKey: string | null,
): Promise<{ contact: Contact; replayed: boolean }> {
  if (idempotencyKey !== null) {
    checkKey(idempotencyKey);
  }
  const key = idempotencyKey === null ? null : { key: idempotencyKey, hash: requestHash(input) };
  const promises = input.promises ?? [];
  const id = randomUUID();
  const outcome =
    promises.length === 0
      ? await insertContact(db, actor, personId, id, input, key)
      : await db.transaction().execute(async (tx) => {
          const inserted = await insertContact(tx, actor, personId, id, input, key);
          if (inserted.kind === 'recorded') {
            for (const [index, promise] of promises.entries()) {
              await insertCommitment(tx, actor, personId, promise, id, `promises.${index}`);
            }
          }
          return inserted;
        });
  switch (outcome.kind) {
    case 'recorded':
      return { contact: outcome.contact, replayed: false };
    case 'out_of_scope':
      await recordDenied(db, actor, { action: 'contact.create', recordType: 'person', recordId: personId, personId });
      throw personNotFound();
    case 'key_held':
      return { contact: await replayContact(db, actor, personId, key!), replayed: true };
  }
}

type Insertion = { kind: 'recorded'; contact: Contact } | { kind: 'out_of_scope' } | { kind: 'key_held' };

/**
 * One statement: the person, in scope and locked as every change to a record locks it; the
 * Idempotency-Key claimed (only the id it makes is kept); the contact, its first note version and
 * who was there (each one checked to be in the person's network); its audit row, and a break-glass
 * row when the actor reaches the record only through emergency access. It answers with the contact
 * as recorded, so there is no read back. Nothing is written when the person is out of scope, when
 * someone named as there is not in their network, or when the key is already held.
 */
async function insertContact(
  db: Queryable,
  actor: Actor,
  personId: string,
  id: string,
  input: NewContact,
  key: { key: string; hash: Buffer } | null,
): Promise<Insertion> {
  const participantIds = [...new Set(input.participantIds ?? [])];
  const { rows } = await db.executeQuery<ContactRow & { participants_ok: boolean; id: string | null }>(
    insertContactStatement.compile(actor.role, {
      organisationId: actor.organisationId,
      userId: actor.userId,
      displayName: actor.displayName,
      sourceAddress: actor.sourceAddress,
      personId,
      id,
      kind: input.kind,
      status: input.status,
      initiatedBy: input.initiatedBy ?? 'practitioner',
      plannedStart: input.plannedStart ?? null,
      plannedEnd: input.plannedEnd ?? null,
      actualStart: input.actualStart ?? null,
      actualEnd: input.actualEnd ?? null,
      receivedAt: input.receivedAt ?? null,
      answeredAt: input.answeredAt ?? null,
      place: input.place ?? null,
      note: input.note ?? null,
      participantIds,
      participantCount: participantIds.length,
      key: key?.key ?? null,
      requestHash: key?.hash ?? null,
      route: recordRoute(personId),
      firstAnswer: JSON.stringify({ id }),
      auditDetails: JSON.stringify({ kind: input.kind, status: input.status, promises: input.promises?.length ?? 0 }),
    }),
  );
  const row = rows[0];
  if (!row) {
    return { kind: 'out_of_scope' };
  }
  if (!row.participants_ok) {
    throw invalid('participantIds', 'Everyone who was there must be in this person’s network');
  }
  if (row.id === null) {
    return { kind: 'key_held' };
  }
  return { kind: 'recorded', contact: contactFromRow(row) };
}

interface ContactHoles extends Record<string, unknown> {
  organisationId: string;
  userId: string;
  displayName: string;
  sourceAddress: string | null;
  personId: string;
  id: string;
  kind: string;
  status: string;
  initiatedBy: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  receivedAt: string | null;
  answeredAt: string | null;
  place: string | null;
  note: string | null;
  participantIds: string[];
  participantCount: number;
  key: string | null;
  requestHash: Buffer | null;
  route: string;
  firstAnswer: string;
  auditDetails: string;
}

/** insertContact's statement, built and compiled once per role (its text changes with nothing else). */
export const insertContactStatement = new StatementTemplate<ContactHoles>(
  [
    'organisationId',
    'userId',
    'displayName',
    'sourceAddress',
    'personId',
    'id',
    'kind',
    'status',
    'initiatedBy',
    'plannedStart',
    'plannedEnd',
    'actualStart',
    'actualEnd',
    'receivedAt',
    'answeredAt',
    'place',
    'note',
    'participantIds',
    'participantCount',
    'key',
    'requestHash',
    'route',
    'firstAnswer',
    'auditDetails',
  ],
  (v, role) => {
    const actor: Actor = {
      organisationId: v.organisationId,
      userId: v.userId,
      role: role as Role,
      displayName: v.displayName,
      sessionId: null,
      sourceAddress: v.sourceAddress,
    };
    const audit = auditRowsFrom('contact', actor, {
      action: 'contact.create',
      recordType: 'contact',
      recordId: v.id,
      personId: v.personId,
      detailsJson: v.auditDetails,
    });
    const underBreakGlass = auditRowsFrom('under_break_glass', actor, {
      action: 'contact.create',
      kind: 'break_glass',
      recordType: 'person',
      recordId: v.personId,
      personId: v.personId,
      details: { underBreakGlass: true },
    });
    return sql`${prepared}
      with scope as (
        select p.organisation_id, p.id,
          (not p.contact_details_restricted or ${allocatedToActor(actor)}) as place_shown,
          ${findableBy(actor)} as findable
        from people p
        where p.organisation_id = ${v.organisationId} and p.id = ${v.personId} and ${openableBy(actor)}
        for update of p),
      named as (
        select count(*) = ${v.participantCount}::int as ok from network_members m
        where m.organisation_id = ${v.organisationId} and m.person_id = ${v.personId}
          and m.id = any(${v.participantIds}::uuid[])),
      claimed as (
        insert into idempotency_keys (organisation_id, user_id, key, route, request_hash, response_status, response_body)
        select s.organisation_id, ${v.userId}::uuid, ${v.key}::text, ${v.route}::text, ${v.requestHash}::bytea, 201,
          ${v.firstAnswer}::jsonb
        from scope s cross join named n
        where n.ok and ${v.key}::text is not null
        on conflict (organisation_id, user_id, key) do nothing
        returning key),
      contact as (
        insert into contacts (organisation_id, id, person_id, practitioner_id, kind, status, initiated_by,
          planned_start, planned_end, actual_start, actual_end, received_at, answered_at, place, created_by)
        select s.organisation_id, ${v.id}::uuid, s.id, ${v.userId}::uuid, ${v.kind}::text, ${v.status}::text,
          ${v.initiatedBy}::text, ${v.plannedStart}::timestamptz, ${v.plannedEnd}::timestamptz,
          ${v.actualStart}::timestamptz, ${v.actualEnd}::timestamptz, ${v.receivedAt}::timestamptz,
          ${v.answeredAt}::timestamptz, ${v.place}::text, ${v.userId}::uuid
        from scope s cross join named n
        where n.ok and (${v.key}::text is null or exists (select 1 from claimed))
        returning *),
      note as (
        insert into contact_notes (organisation_id, contact_id, version, text, written_by)
        select c.organisation_id, c.id, 1, ${v.note}::text, ${v.userId}::uuid
        from contact c where ${v.note}::text is not null
        returning version, text, written_at),
      present as (
        insert into contact_participants (organisation_id, contact_id, network_member_id)
        select c.organisation_id, c.id, m.id from contact c cross join unnest(${v.participantIds}::uuid[]) m(id)
        returning network_member_id),
      audited as (${audit}),
      under_break_glass as (select c.id from contact c cross join scope s where not s.findable),
      glass_audited as (${underBreakGlass})
      select s.place_shown, n.ok as participants_ok, c.*, ${v.displayName}::text as practitioner_name,
        (select coalesce(json_agg(json_build_object('memberId', m.id, 'name', m.name) order by m.name), '[]'::json)
          from present x
          join network_members m on m.organisation_id = s.organisation_id and m.id = x.network_member_id) as participants,
        (select coalesce(json_agg(json_build_object('version', x.version, 'text', x.text, 'correctionReason', null,
            'writtenBy', json_build_object('id', ${v.userId}::uuid, 'displayName', ${v.displayName}::text),
            'writtenAt', to_char(x.written_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'signedOffAt', null, 'signedOffBy', null)), '[]'::json)
          from note x) as notes
      from scope s cross join named n left join contact c on true`;
  },
);

/** A retry of a recording: the contact as it is now (signed off, corrected), and that read audited. */
async function replayContact(
  db: Db,
  actor: Actor,
  personId: string,
  key: { key: string; hash: Buffer },
): Promise<Contact> {
  return readFromPerson(db, actor, personId, 'contact.read', async (tx) => {
    const id = await firstAnswer(tx, actor, key.key, recordRoute(personId), key.hash);
    if (!id) {
      throw new AppError(
        'conflict',
        'This Idempotency-Key was forgotten while it was being used. Send the request again.',
      );
    }
    await recordAudit(tx, actor, { action: 'contact.read', recordType: 'contact', recordId: id, personId });
    return (await selectContacts(tx, actor, personId, { contactId: id }))[0]!;
  });
}

const mergedTimes = z
  .object({
    status: z.string(),
    initiatedBy: z.enum(['practitioner', 'person']),
    plannedStart: z.string().nullable(),
    plannedEnd: z.string().nullable(),
    actualStart: z.string().nullable(),
    actualEnd: z.string().nullable(),
    receivedAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
  })
  .superRefine((value, context) => checkTimes(value as Parameters<typeof checkTimes>[0], context));

/**
 * Changes a contact (If-Match on its version): a draft is recorded, a plan happens or is cancelled,
 * times are corrected. The result is checked as a whole, so an edit cannot make it end before it
 * starts.
 */
export async function updateContact(
  db: Db,
  actor: Actor,
  personId: string,
  contactId: string,
  expectedVersion: number | null,
  input: ContactUpdate,
): Promise<Contact> {
  return writeToPerson(db, actor, personId, 'contact.update', async (tx) => {
    const current = (await selectContacts(tx, actor, personId, { contactId }))[0];
    if (!current || (current.status === 'draft' && current.practitioner.id !== actor.userId)) {
      throw notFound('contact on this record');
    }
    checkVersion(current.version, expectedVersion, 'contact');
    // Once its note is signed off, a contact is a settled record: its times, kind, place and who
    // was there feed punctuality and responsiveness figures, so they cannot be changed quietly
    // afterwards (check 32). A correction to the note says what was wrong.
    if (current.notes.some((note) => note.signedOffAt !== null)) {
      throw new AppError(
        'conflict',
        'This contact’s note is signed off, so its details are final. Add a correction to the note to say what was wrong.',
      );
    }
    const status = input.status ?? current.status;
    if (!allowedContactChange(current.status, status)) {
      throw new AppError('conflict', `A ${current.status} contact cannot become ${status}.`);
    }
    if (status === 'cancelled' && !input.cancelledReason && current.status !== 'cancelled') {
      throw invalid('cancelledReason', 'Say why it was cancelled');
    }
    type TimeField = 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd' | 'receivedAt' | 'answeredAt';
    const time = (field: TimeField): string | null =>
      input[field] !== undefined ? (input[field] ?? null) : current[field];
    const merged = {
      status,
      initiatedBy: input.initiatedBy ?? current.initiatedBy,
      plannedStart: time('plannedStart'),
      plannedEnd: time('plannedEnd'),
      actualStart: time('actualStart'),
      actualEnd: time('actualEnd'),
      receivedAt: time('receivedAt'),
      answeredAt: time('answeredAt'),
    };
    const checked = mergedTimes.safeParse(merged);
    if (!checked.success) {
      throw new AppError(
        'validation_failed',
        'Some fields need attention.',
        checked.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
      );
    }
    if (input.participantIds) {
      await checkParticipants(tx, actor, personId, input.participantIds);
      await setParticipants(tx, actor, contactId, input.participantIds);
    }
    await tx
      .updateTable('contacts')
      .set((eb) => ({
        kind: input.kind ?? current.kind,
        status,
        initiated_by: merged.initiatedBy,
        planned_start: merged.plannedStart,
        planned_end: merged.plannedEnd,
        actual_start: merged.actualStart,
        actual_end: merged.actualEnd,
        received_at: merged.receivedAt,
        answered_at: merged.answeredAt,
        place: input.place !== undefined ? input.place : current.place,
        cancelled_reason: input.cancelledReason ?? current.cancelledReason,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', contactId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'contact.update',
      recordType: 'contact',
      recordId: contactId,
      personId,
      details: { fields: Object.keys(input), status },
    });
    return (await selectContacts(tx, actor, personId, { contactId }))[0]!;
  });
}
