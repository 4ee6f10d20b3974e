import { randomUUID } from 'node:crypto';
import type { NewProfileItem, ProfileItem } from '../../domain/profile.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Db, Queryable } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { readFromPerson, writeToPerson } from './person-scope.js';

/**
 * What matters to the person, their strengths, things to remember and topics to approach with care,
 * newest first within each kind. Archived items stay in the record and are listed on request.
 */
export async function listProfileItems(
  db: Db,
  actor: Actor,
  personId: string,
  includeArchived: boolean,
): Promise<ProfileItem[]> {
  return readFromPerson(db, actor, personId, 'person.profile_items.read', async (tx) => {
    const items = await selectItems(tx, actor, personId, includeArchived);
    await recordAudit(tx, actor, {
      action: 'person.profile_items.read',
      recordType: 'person',
      recordId: personId,
      personId,
    });
    return items;
  });
}

async function selectItems(
  tx: Queryable,
  actor: Actor,
  personId: string,
  includeArchived: boolean,
  itemId?: string,
): Promise<ProfileItem[]> {
  let query = tx
    .selectFrom('profile_items as i')
    .leftJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'i.organisation_id').onRef('u.id', '=', 'i.recorded_by'),
    )
    .select([
      'i.id',
      'i.kind',
      'i.text',
      'i.said_by',
      'i.said_on',
      'i.on_date',
      'i.every_year',
      'i.recorded_by',
      'u.display_name',
      'i.recorded_at',
      'i.archived_at',
    ])
    .where('i.organisation_id', '=', actor.organisationId)
    .where('i.person_id', '=', personId);
  if (!includeArchived) {
    query = query.where('i.archived_at', 'is', null);
  }
  if (itemId) {
    query = query.where('i.id', '=', itemId);
  }
  const rows = await query.orderBy('i.kind').orderBy('i.recorded_at', 'desc').limit(500).execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    text: row.text,
    saidBy: row.said_by,
    saidOn: row.said_on,
    onDate: row.on_date,
    everyYear: row.every_year,
    recordedBy: { id: row.recorded_by, displayName: row.display_name },
    recordedAt: row.recorded_at.toISOString(),
    archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
  }));
}

/** Adds an item in the person's words (what matters, strengths) or the practitioner's (the rest). */
export async function addProfileItem(
  db: Db,
  actor: Actor,
  personId: string,
  input: NewProfileItem,
): Promise<ProfileItem> {
  return writeToPerson(db, actor, personId, 'person.profile_item.create', async (tx) => {
    const id = randomUUID();
    const quotation = input.kind === 'what_matters' || input.kind === 'strength';
    await tx
      .insertInto('profile_items')
      .values({
        organisation_id: actor.organisationId,
        id,
        person_id: personId,
        kind: input.kind,
        text: input.text,
        said_by: input.saidBy ?? null,
        // A quotation is dated: today unless the practitioner says when it was said.
        said_on: input.saidOn ?? (quotation ? new Date().toISOString().slice(0, 10) : null),
        on_date: input.onDate ?? null,
        every_year: input.everyYear,
        recorded_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'person.profile_item.create',
      recordType: 'profile_item',
      recordId: id,
      personId,
      details: { kind: input.kind },
    });
    return (await selectItems(tx, actor, personId, true, id))[0]!;
  });
}

/** Archives an item: it leaves the profile and the brief, and stays in the record's history. */
export async function archiveProfileItem(db: Db, actor: Actor, personId: string, itemId: string): Promise<ProfileItem> {
  return writeToPerson(db, actor, personId, 'person.profile_item.archive', async (tx) => {
    const archived = await tx
      .updateTable('profile_items')
      .set({ archived_at: new Date(), archived_by: actor.userId })
      .where('organisation_id', '=', actor.organisationId)
      .where('person_id', '=', personId)
      .where('id', '=', itemId)
      .where('archived_at', 'is', null)
      .returning('kind')
      .executeTakeFirst();
    if (!archived) {
      throw notFound('item on this record');
    }
    await recordAudit(tx, actor, {
      action: 'person.profile_item.archive',
      recordType: 'profile_item',
      recordId: itemId,
      personId,
      details: { kind: archived.kind },
    });
    return (await selectItems(tx, actor, personId, true, itemId))[0]!;
  });
}
