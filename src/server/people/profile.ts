import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Person } from '../../domain/people.js';
import type { ProfileUpdate } from '../../domain/profile.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Tx } from '../db/database.js';
import type { Db } from '../db/database.js';
import { forbidden, invalid } from '../http/errors.js';
import { contactFields, profileColumns } from './load-person.js';
import { getPerson } from './people.js';
import { checkVersion, writeToPerson } from './person-scope.js';

type Field = keyof typeof profileColumns;

/**
 * Edits the profile. Only the fields sent change; each change is kept in `field_changes` (who,
 * when, from what, to what) and the version moves on, so an edit from an older copy gets 412.
 * Restricted contact details can be changed only by someone who may see them.
 */
export async function updateProfile(
  db: Db,
  actor: Actor,
  personId: string,
  expectedVersion: number | null,
  input: ProfileUpdate,
): Promise<Person> {
  await writeToPerson(db, actor, personId, 'person.update', async (tx, person) => {
    checkVersion(person.version, expectedVersion, 'record');
    const touchesContact = contactFields.some((field) => input[field] !== undefined);
    if (touchesContact && person.contactDetailsRestricted && !person.allocatedToActor) {
      throw forbidden(
        'These contact details are restricted: only the practitioners allocated to this person can change them.',
      );
    }
    const current = await tx
      .selectFrom('people')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const next: Partial<Record<Field, unknown>> = {};
    for (const field of Object.keys(profileColumns) as Field[]) {
      if (input[field] !== undefined) {
        next[field] = input[field];
      }
    }
    // No interpreter, no interpreter language.
    const interpreterNeeded = (next.interpreterNeeded as boolean | undefined) ?? current.interpreter_needed;
    if (!interpreterNeeded) {
      if (next.interpreterLanguage) {
        throw invalid('interpreterLanguage', 'Tick "needs an interpreter" first, or leave the language empty');
      }
      if (current.interpreter_language !== null) {
        next.interpreterLanguage = null;
      }
    }
    const changed = (Object.keys(next) as Field[]).filter(
      (field) => !isDeepStrictEqual(current[profileColumns[field]], next[field]),
    );
    if (changed.length === 0) {
      return;
    }
    await saveChanges(tx, actor, personId, changed, current, next);
  });
  return getPerson(db, actor, personId);
}

async function saveChanges(
  tx: Tx,
  actor: Actor,
  personId: string,
  changed: Field[],
  current: Record<string, unknown>,
  next: Partial<Record<Field, unknown>>,
): Promise<void> {
  const now = new Date();
  const values: Record<string, unknown> = { updated_at: now };
  for (const field of changed) {
    values[profileColumns[field]] = next[field];
  }
  await tx
    .updateTable('people')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', personId)
    .execute();
  await tx
    .insertInto('field_changes')
    .values(
      changed.map((field) => ({
        organisation_id: actor.organisationId,
        id: randomUUID(),
        person_id: personId,
        record_type: 'person' as const,
        record_id: personId,
        field,
        old_value: JSON.stringify(current[profileColumns[field]] ?? null),
        new_value: JSON.stringify(next[field] ?? null),
        restricted: current.contact_details_restricted === true && (contactFields as readonly string[]).includes(field),
        changed_by: actor.userId,
        changed_at: now,
      })),
    )
    .execute();
  await recordAudit(tx, actor, {
    action: 'person.update',
    recordType: 'person',
    recordId: personId,
    personId,
    details: { fields: changed },
  });
}
