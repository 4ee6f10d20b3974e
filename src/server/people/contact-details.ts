import { randomUUID } from 'node:crypto';
import type { ContactDetails } from '../../domain/profile.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { forbidden } from '../http/errors.js';
import type { Person } from '../../domain/people.js';
import { contactFields, contactOf } from './load-person.js';
import { getPerson } from './people.js';
import { readFromPerson, writeToPerson } from './person-scope.js';

/**
 * Shows restricted contact details to someone who may open the record but is not allocated to the
 * person (a supervisor, a manager, someone with break-glass access), once they say why. The reason
 * is kept in the audit trail with the read (SECURITY.md check 12).
 */
export async function revealContactDetails(
  db: Db,
  actor: Actor,
  personId: string,
  reason: string,
): Promise<ContactDetails> {
  return readFromPerson(db, actor, personId, 'person.contact_details.reveal', async (tx) => {
    const row = await tx
      .selectFrom('people')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'person.contact_details.reveal',
      kind: 'security',
      recordType: 'person',
      recordId: personId,
      personId,
      reason,
    });
    return contactOf(row, true);
  });
}

/**
 * Marks the person's contact details restricted (a refuge, a placement address) or lifts it, with a
 * reason. Allocated practitioners, supervisors and managers may; lifting it is kept in the history.
 */
export async function setContactRestriction(
  db: Db,
  actor: Actor,
  personId: string,
  restricted: boolean,
  reason: string,
): Promise<Person> {
  await writeToPerson(db, actor, personId, 'person.contact_details.restriction', async (tx, person) => {
    if (!person.allocatedToActor && actor.role === 'practitioner') {
      throw forbidden('Only the allocated practitioners, supervisors and managers can change this.');
    }
    await tx
      .updateTable('people')
      .set((eb) => ({ contact_details_restricted: restricted, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', personId)
      .execute();
    if (restricted) {
      // Often the new address is typed first and restricted a moment later: its history is
      // hidden from then on too, and stays hidden if the restriction is ever lifted.
      await tx
        .updateTable('field_changes')
        .set({ restricted: true })
        .where('organisation_id', '=', actor.organisationId)
        .where('person_id', '=', personId)
        .where('record_type', '=', 'person')
        .where('field', 'in', [...contactFields])
        .execute();
    }
    if (person.contactDetailsRestricted !== restricted) {
      await tx
        .insertInto('field_changes')
        .values({
          organisation_id: actor.organisationId,
          id: randomUUID(),
          person_id: personId,
          record_type: 'person',
          record_id: personId,
          field: 'contactDetailsRestricted',
          old_value: JSON.stringify(person.contactDetailsRestricted),
          new_value: JSON.stringify(restricted),
          changed_by: actor.userId,
        })
        .execute();
    }
    await recordAudit(tx, actor, {
      action: restricted ? 'person.contact_details.restrict' : 'person.contact_details.unrestrict',
      kind: 'security',
      recordType: 'person',
      recordId: personId,
      personId,
      reason,
    });
  });
  // The record, with its new version, so the next edit is made from it.
  return getPerson(db, actor, personId);
}
