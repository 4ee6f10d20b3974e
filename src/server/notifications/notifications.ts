import { sql } from 'kysely';
import type { Notification } from '../../domain/notifications.js';
import type { Actor } from '../access/actor.js';
import { openableBy } from '../access/scope.js';
import { readTransaction, recordPersonReads } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';

/**
 * The actor's own notifications, newest first. A break-glass alert names the person only when the
 * reader may open that record (check 12); otherwise `person` is null.
 */
export async function listNotifications(
  db: Db,
  actor: Actor,
  limit = 50,
): Promise<{ items: Notification[]; unread: number }> {
  return readTransaction(db, async (tx) => {
    const rows = await tx
      .selectFrom('notifications as n')
      .leftJoin('access_grants as g', (join) =>
        join.onRef('g.organisation_id', '=', 'n.organisation_id').onRef('g.id', '=', 'n.access_grant_id'),
      )
      .leftJoin('users as u', (join) =>
        join.onRef('u.organisation_id', '=', 'g.organisation_id').onRef('u.id', '=', 'g.user_id'),
      )
      .leftJoin('people as p', (join) =>
        join
          .onRef('p.organisation_id', '=', 'n.organisation_id')
          .on(sql<boolean>`p.id = coalesce(g.person_id, n.person_id)`),
      )
      .select([
        'n.id',
        'n.kind',
        'n.created_at',
        'n.read_at',
        'n.due_on',
        'g.reason',
        'g.expires_at',
        'u.id as actor_id',
        'u.display_name',
        'p.id as person_id',
        'p.full_name',
      ])
      .select(sql<boolean>`coalesce(${openableBy(actor)}, false)`.as('may_open'))
      // What a reminder is about, in words: the promise, or the thing to remember.
      .select(
        sql<string | null>`coalesce(
          (select c.what from commitments c where c.organisation_id = n.organisation_id and c.id = n.subject_id),
          (select i.text from profile_items i where i.organisation_id = n.organisation_id and i.id = n.subject_id),
          (select 'every ' || k.every_days || ' days' from checkin_cadences k where k.organisation_id = n.organisation_id and k.id = n.subject_id),
          (select i.title from checkin_responses r join instruments i on i.organisation_id = r.organisation_id and i.id = r.instrument_id
            where r.organisation_id = n.organisation_id and r.id = n.subject_id))`.as('about'),
      )
      .where('n.organisation_id', '=', actor.organisationId)
      .where('n.user_id', '=', actor.userId)
      .orderBy('n.created_at', 'desc')
      .limit(limit)
      .execute();
    const unread = await tx
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', actor.organisationId)
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    // The list may name people (break-glass alerts): the view is audited like any other.
    // Each person named on the list gets a row in their access log.
    await recordPersonReads(
      tx,
      actor,
      'notification.list',
      rows.filter((row) => row.may_open && row.person_id).map((row) => row.person_id!),
      { shown: rows.length },
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        createdAt: row.created_at.toISOString(),
        read: row.read_at !== null,
        actor: row.actor_id && row.display_name ? { id: row.actor_id, displayName: row.display_name } : null,
        person: row.may_open && row.person_id && row.full_name ? { id: row.person_id, fullName: row.full_name } : null,
        reason: row.reason ?? null,
        expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
        // What a reminder is about names the person's business: only with the record in reach.
        about: row.may_open ? row.about : null,
        dueOn: row.may_open ? row.due_on : null,
      })),
      unread: Number(unread.n),
    };
  });
}

export async function markNotificationRead(db: Db, actor: Actor, notificationId: string): Promise<void> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId)
    .where('id', '=', notificationId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw notFound('notification');
  }
}
