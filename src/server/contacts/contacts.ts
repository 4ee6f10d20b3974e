import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  allowedContactChange,
  checkTimes,
  type Contact,
  type ContactUpdate,
  type NewContact,
} from '../../domain/contacts.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { insertCommitment } from '../commitments/commitments.js';
import type { Db, Tx } from '../db/database.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import { checkVersion, readFromPerson, writeToPerson } from '../people/person-scope.js';
import { onceForKey } from './idempotency.js';
import { selectContacts } from './load-contacts.js';

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

/**
 * Records a contact — planned, made, attempted, or a draft kept on the server while it is written —
 * with its note and the promises made in it, in one transaction. With an Idempotency-Key, a retry
 * records nothing new and answers as the first time did.
 */
export async function recordContact(
  db: Db,
  actor: Actor,
  personId: string,
  input: NewContact,
  idempotencyKey: string | null,
): Promise<{ contact: Contact; replayed: boolean }> {
  return writeToPerson(db, actor, personId, 'contact.create', async (tx) => {
    const { replayed, result } = await onceForKey(
      tx,
      actor,
      idempotencyKey,
      `POST /api/people/${personId}/contacts`,
      input,
      async () => {
        await checkParticipants(tx, actor, personId, input.participantIds ?? []);
        const id = randomUUID();
        await tx
          .insertInto('contacts')
          .values({
            organisation_id: actor.organisationId,
            id,
            person_id: personId,
            practitioner_id: actor.userId,
            kind: input.kind,
            status: input.status,
            initiated_by: input.initiatedBy ?? 'practitioner',
            planned_start: input.plannedStart ?? null,
            planned_end: input.plannedEnd ?? null,
            actual_start: input.actualStart ?? null,
            actual_end: input.actualEnd ?? null,
            received_at: input.receivedAt ?? null,
            answered_at: input.answeredAt ?? null,
            place: input.place ?? null,
            created_by: actor.userId,
          })
          .execute();
        await addParticipants(tx, actor, id, input.participantIds ?? []);
        if (input.note) {
          await tx
            .insertInto('contact_notes')
            .values({
              organisation_id: actor.organisationId,
              contact_id: id,
              version: 1,
              text: input.note,
              written_by: actor.userId,
            })
            .execute();
        }
        for (const [index, promise] of (input.promises ?? []).entries()) {
          await insertCommitment(tx, actor, personId, promise, id, `promises.${index}`);
        }
        await recordAudit(tx, actor, {
          action: 'contact.create',
          recordType: 'contact',
          recordId: id,
          personId,
          details: { kind: input.kind, status: input.status, promises: input.promises?.length ?? 0 },
        });
        return (await selectContacts(tx, actor, personId, { contactId: id }))[0]!;
      },
      // A retry gets the contact as it is now (signed off, corrected), and that read is audited.
      async (id) => {
        await recordAudit(tx, actor, { action: 'contact.read', recordType: 'contact', recordId: id, personId });
        return (await selectContacts(tx, actor, personId, { contactId: id }))[0]!;
      },
    );
    return { contact: result, replayed };
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
