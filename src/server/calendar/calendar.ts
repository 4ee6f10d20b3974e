import { createHash, randomBytes, randomUUID } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { sql } from 'kysely';
import { initials, type CalendarFeedStatus } from '../../domain/calendar.js';
import { addDays, localDate } from '../../domain/cadence.js';
import type { Actor } from '../access/actor.js';
import { findableBy } from '../access/scope.js';
import { readTransaction, recordAudit } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';

/** Planned contacts and promises this far back stay in the feed, so yesterday's still shows. */
const DAYS_BACK = 30;
/** And this far ahead. */
const DAYS_AHEAD = 366;

const kindWords = {
  home_visit: 'Home visit',
  office: 'Office meeting',
  phone: 'Phone call',
  video: 'Video call',
  message: 'Message',
  letter: 'Letter',
} as const;

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export async function calendarFeedStatus(db: Db, actor: Actor): Promise<CalendarFeedStatus> {
  const feed = await db
    .selectFrom('calendar_feeds')
    .select(['created_at', 'last_read_at'])
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return {
    active: feed !== undefined,
    createdAt: feed ? feed.created_at.toISOString() : null,
    lastReadAt: feed?.last_read_at ? feed.last_read_at.toISOString() : null,
  };
}

/**
 * Makes a new calendar link for the signed-in user, stopping any earlier one. The token is shown
 * this once; only its SHA-256 is stored (it is 256 random bits, so a plain hash is enough).
 */
export async function createCalendarFeed(
  db: Db,
  actor: Actor,
  publicUrl: string,
): Promise<{ url: string; createdAt: string }> {
  const token = randomBytes(32).toString('base64url');
  return db.transaction().execute(async (tx) => {
    // One link at a time: two requests at once queue here instead of tripping the unique index.
    await tx
      .selectFrom('users')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('calendar_feeds')
      .set({ revoked_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .execute();
    const row = await tx
      .insertInto('calendar_feeds')
      .values({
        organisation_id: actor.organisationId,
        id: randomUUID(),
        user_id: actor.userId,
        token_hash: hashToken(token),
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, { action: 'calendar_feed.create', recordType: 'calendar_feed', recordId: row.id });
    return { url: `${publicUrl}/api/calendar/${token}`, createdAt: row.created_at.toISOString() };
  });
}

/** Stops the user's calendar link; calendar apps get 404 from then on. */
export async function revokeCalendarFeed(db: Db, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const revoked = await tx
      .updateTable('calendar_feeds')
      .set({ revoked_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (revoked) {
      await recordAudit(tx, actor, {
        action: 'calendar_feed.revoke',
        recordType: 'calendar_feed',
        recordId: revoked.id,
      });
    }
    return revoked !== undefined;
  });
}

/**
 * The iCalendar feed behind a token: the user's planned contacts and the due dates of promises
 * they made or were made, for people they may still find. Each entry carries the kind of thing,
 * the person's initials (none for a restricted record) and a link to the brief — no names, places,
 * promise texts or notes: a calendar is copied to phones and other companies' servers. A disabled
 * user's or a stopped link answers 404 like an unknown one. Each fetch is audited.
 */
export async function calendarFeed(
  db: Db,
  token: string,
  publicUrl: string,
  sourceAddress: string | null,
  now = new Date(),
): Promise<string> {
  return readTransaction(db, async (tx) => {
    const owner = await tx
      .selectFrom('calendar_feeds as f')
      .innerJoin('users as u', (join) =>
        join.onRef('u.organisation_id', '=', 'f.organisation_id').onRef('u.id', '=', 'f.user_id'),
      )
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['f.id', 'f.organisation_id', 'u.id as user_id', 'u.role', 'u.display_name', 'o.time_zone'])
      .where('f.token_hash', '=', hashToken(token))
      .where('f.revoked_at', 'is', null)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!owner) {
      throw notFound('calendar');
    }
    const actor: Actor = {
      organisationId: owner.organisation_id,
      userId: owner.user_id,
      role: owner.role,
      displayName: owner.display_name,
      sessionId: null,
      sourceAddress,
    };
    const today = localDate(now, owner.time_zone);
    const from = addDays(today, -DAYS_BACK);
    const until = addDays(today, DAYS_AHEAD);

    const contacts = await tx
      .selectFrom('contacts as c')
      .innerJoin('people as p', (join) =>
        join.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.person_id'),
      )
      .select([
        'c.id',
        'c.kind',
        'c.planned_start',
        'c.planned_end',
        'c.updated_at',
        'p.id as person_id',
        'p.full_name',
        'p.restricted',
      ])
      .where('c.organisation_id', '=', actor.organisationId)
      .where('c.practitioner_id', '=', actor.userId)
      .where('c.status', '=', 'planned')
      .where('c.planned_start', '>=', sql<Date>`${from}::date`)
      .where('c.planned_start', '<', sql<Date>`${until}::date`)
      .where(findableBy(actor))
      .orderBy('c.planned_start')
      .limit(2000)
      .execute();

    const promises = await tx
      .selectFrom('commitments as k')
      .innerJoin('people as p', (join) =>
        join.onRef('p.organisation_id', '=', 'k.organisation_id').onRef('p.id', '=', 'k.person_id'),
      )
      .select([
        'k.id',
        'k.due_on',
        'k.promised_by_user_id',
        'k.updated_at',
        'p.id as person_id',
        'p.full_name',
        'p.restricted',
      ])
      .where('k.organisation_id', '=', actor.organisationId)
      .where((eb) =>
        eb.or([eb('k.promised_by_user_id', '=', actor.userId), eb('k.promised_to_user_id', '=', actor.userId)]),
      )
      .where('k.status', 'in', ['open', 'renegotiated'])
      .where('k.due_on', '>=', from)
      .where('k.due_on', '<', until)
      .where(findableBy(actor))
      .orderBy('k.due_on')
      .limit(2000)
      .execute();

    const calendar = ical({
      name: 'Rapport',
      prodId: { company: 'Rapport', product: 'Rapport', language: 'EN' },
      method: ICalCalendarMethod.PUBLISH,
      timezone: owner.time_zone,
      ttl: 60 * 60,
    });
    const who = (row: { full_name: string; restricted: boolean }) =>
      row.restricted ? '' : ` · ${initials(row.full_name)}`;
    for (const contact of contacts) {
      const start = contact.planned_start!;
      calendar.createEvent({
        id: `contact-${contact.id}@rapport`,
        start,
        end: contact.planned_end ?? new Date(start.getTime() + 60 * 60 * 1000),
        stamp: contact.updated_at,
        summary: `${kindWords[contact.kind]}${who(contact)}`,
        url: `${publicUrl}/people/${contact.person_id}/brief`,
      });
    }
    for (const promise of promises) {
      const [year, month, day] = promise.due_on.split('-').map(Number) as [number, number, number];
      calendar.createEvent({
        id: `promise-${promise.id}@rapport`,
        start: new Date(Date.UTC(year, month - 1, day)),
        allDay: true,
        timezone: null,
        stamp: promise.updated_at,
        summary: `${promise.promised_by_user_id === actor.userId ? 'Your promise is due' : 'A promise to you is due'}${who(promise)}`,
        url: `${publicUrl}/people/${promise.person_id}/promises`,
      });
    }

    await tx
      .updateTable('calendar_feeds')
      .set({ last_read_at: now })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', owner.id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'calendar_feed.read',
      recordType: 'calendar_feed',
      recordId: owner.id,
      details: { contacts: contacts.length, promises: promises.length },
    });
    return calendar.toString();
  });
}
