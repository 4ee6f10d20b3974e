import { sql } from 'kysely';
import type { FieldChange } from '../../domain/profile.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { readFromPerson } from './person-scope.js';

const contactFieldNames = ['address', 'phone', 'email'];

/**
 * Who changed which field of the profile and network, when, from what to what — newest first. The
 * old and new values of restricted contact details are hidden from readers who may not see them
 * (SECURITY.md check 12: not merely hidden by the web app, absent from the answer).
 */
export async function listFieldChanges(
  db: Db,
  actor: Actor,
  personId: string,
  page: number,
  pageSize: number,
): Promise<{ items: FieldChange[]; total: number }> {
  return readFromPerson(db, actor, personId, 'person.history.read', async (tx, person) => {
    const base = tx
      .selectFrom('field_changes as c')
      .where('c.organisation_id', '=', actor.organisationId)
      .where('c.person_id', '=', personId);
    const [rows, count] = await Promise.all([
      base
        .leftJoin('users as u', (join) =>
          join.onRef('u.organisation_id', '=', 'c.organisation_id').onRef('u.id', '=', 'c.changed_by'),
        )
        .leftJoin('network_members as m', (join) =>
          join.onRef('m.organisation_id', '=', 'c.organisation_id').onRef('m.id', '=', 'c.record_id'),
        )
        .select([
          'c.record_type',
          'c.record_id',
          'c.field',
          'c.old_value',
          'c.new_value',
          'c.restricted',
          'c.changed_by',
          'u.display_name',
          'c.changed_at',
          'm.name as member_name',
        ])
        .select(sql<boolean>`coalesce(m.contact_restricted, false)`.as('member_restricted'))
        .orderBy('c.changed_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    await recordAudit(tx, actor, { action: 'person.history.read', recordType: 'person', recordId: personId, personId });
    return {
      items: rows.map((row) => {
        // Hidden if restricted when it changed, or now: lifting a restriction does not publish a
        // refuge address that was recorded under it.
        const restricted =
          contactFieldNames.includes(row.field) &&
          (row.restricted || (row.record_type === 'person' ? person.contactDetailsRestricted : row.member_restricted));
        const hidden = restricted && !person.allocatedToActor;
        return {
          recordType: row.record_type,
          recordId: row.record_id,
          recordLabel: row.record_type === 'network_member' ? (row.member_name ?? null) : null,
          field: row.field,
          oldValue: hidden ? null : row.old_value,
          newValue: hidden ? null : row.new_value,
          hidden,
          changedBy: { id: row.changed_by, displayName: row.display_name },
          changedAt: row.changed_at.toISOString(),
        };
      }),
      total: Number(count.n),
    };
  });
}
