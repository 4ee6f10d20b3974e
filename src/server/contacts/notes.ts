import type { Contact } from '../../domain/contacts.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Db, Tx } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { checkVersion, writeToPerson } from '../people/person-scope.js';
import { selectContacts } from './load-contacts.js';

type NoteAct = 'write' | 'sign_off' | 'correct';

/**
 * The contact's latest note, with the contact locked. Only the practitioner whose contact it is
 * writes and signs off its note; a correction may also come from a supervisor or manager (it is a
 * new version with a reason, so nothing is lost). An If-Match, when sent, must name the contact's
 * current version: two devices cannot overwrite each other unseen.
 */
async function latestNote(
  tx: Tx,
  actor: Actor,
  personId: string,
  contactId: string,
  act: NoteAct,
  expectedVersion: number | null,
) {
  const contact = await tx
    .selectFrom('contacts')
    .select(['id', 'status', 'practitioner_id', 'version'])
    .where('organisation_id', '=', actor.organisationId)
    .where('person_id', '=', personId)
    .where('id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
  if (!contact || (contact.status === 'draft' && contact.practitioner_id !== actor.userId)) {
    throw notFound('contact on this record');
  }
  const mayCorrect = act === 'correct' && (actor.role === 'supervisor' || actor.role === 'manager');
  if (contact.practitioner_id !== actor.userId && !mayCorrect) {
    throw forbidden(
      act === 'correct'
        ? 'Only the practitioner whose contact this is, or a supervisor, can correct its note.'
        : 'Only the practitioner whose contact this is can write or sign off its note.',
    );
  }
  if (expectedVersion !== null) {
    checkVersion(contact.version, expectedVersion, 'contact');
  }
  // Any change to the note is a change to the contact: its version moves on.
  await tx
    .updateTable('contacts')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', contactId)
    .execute();
  return tx
    .selectFrom('contact_notes')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('contact_id', '=', contactId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const reload = async (tx: Tx, actor: Actor, personId: string, contactId: string) =>
  (await selectContacts(tx, actor, personId, { contactId }))[0]!;

/** Writes the note (or rewrites it while it is not yet signed off). */
export async function writeNote(
  db: Db,
  actor: Actor,
  personId: string,
  contactId: string,
  text: string,
  expectedVersion: number | null = null,
): Promise<Contact> {
  return writeToPerson(db, actor, personId, 'contact.note.write', async (tx) => {
    const latest = await latestNote(tx, actor, personId, contactId, 'write', expectedVersion);
    if (latest?.signed_off_at) {
      throw new AppError(
        'conflict',
        'This note is signed off and cannot be edited. Add a correction, with the reason for it.',
      );
    }
    if (latest) {
      await tx
        .updateTable('contact_notes')
        .set({ text, written_by: actor.userId, written_at: new Date() })
        .where('organisation_id', '=', actor.organisationId)
        .where('contact_id', '=', contactId)
        .where('version', '=', latest.version)
        .execute();
    } else {
      await tx
        .insertInto('contact_notes')
        .values({
          organisation_id: actor.organisationId,
          contact_id: contactId,
          version: 1,
          text,
          written_by: actor.userId,
        })
        .execute();
    }
    await recordAudit(tx, actor, {
      action: 'contact.note.write',
      recordType: 'contact',
      recordId: contactId,
      personId,
      details: { version: latest?.version ?? 1 },
    });
    return reload(tx, actor, personId, contactId);
  });
}

/** Signs the note off: from now on it cannot change; corrections are new versions (check 32). */
export async function signOffNote(
  db: Db,
  actor: Actor,
  personId: string,
  contactId: string,
  expectedVersion: number | null = null,
): Promise<Contact> {
  return writeToPerson(db, actor, personId, 'contact.note.sign_off', async (tx) => {
    const latest = await latestNote(tx, actor, personId, contactId, 'sign_off', expectedVersion);
    if (!latest) {
      throw new AppError('conflict', 'There is no note to sign off yet.');
    }
    if (latest.signed_off_at) {
      throw new AppError('conflict', 'This note is already signed off.');
    }
    await tx
      .updateTable('contact_notes')
      .set({ signed_off_at: new Date(), signed_off_by: actor.userId })
      .where('organisation_id', '=', actor.organisationId)
      .where('contact_id', '=', contactId)
      .where('version', '=', latest.version)
      .execute();
    await recordAudit(tx, actor, {
      action: 'contact.note.sign_off',
      recordType: 'contact',
      recordId: contactId,
      personId,
      details: { version: latest.version },
    });
    return reload(tx, actor, personId, contactId);
  });
}

/** Corrects a signed-off note: a new version with the reason; the signed-off one stays as it was. */
export async function correctNote(
  db: Db,
  actor: Actor,
  personId: string,
  contactId: string,
  text: string,
  reason: string,
  expectedVersion: number | null = null,
): Promise<Contact> {
  return writeToPerson(db, actor, personId, 'contact.note.correct', async (tx) => {
    const latest = await latestNote(tx, actor, personId, contactId, 'correct', expectedVersion);
    if (!latest?.signed_off_at) {
      throw new AppError('conflict', 'Only a signed-off note is corrected; this one can still be edited.');
    }
    await tx
      .insertInto('contact_notes')
      .values({
        organisation_id: actor.organisationId,
        contact_id: contactId,
        version: latest.version + 1,
        text,
        correction_reason: reason,
        written_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'contact.note.correct',
      recordType: 'contact',
      recordId: contactId,
      personId,
      reason,
      details: { version: latest.version + 1 },
    });
    return reload(tx, actor, personId, contactId);
  });
}
