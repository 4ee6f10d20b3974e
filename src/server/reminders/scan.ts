import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { nextOccurrence } from '../../domain/brief.js';
import { addDays, localDate, nextCheckinDue } from '../../domain/cadence.js';
import type { Db, Tx } from '../db/database.js';
import type { NotificationKind } from '../db/schema.js';

/** Things to remember are brought up this many days ahead. */
export const REMEMBER_DAYS_AHEAD = 3;

/**
 * Rows read, and reminders written, per page: a scan at 100k people goes through ~100k promises and
 * as many rhythms. Reading them all at once held a few hundred MB in the server long after the scan;
 * one round trip per reminder took most of a minute (docs/performance.md). Page by page, each
 * page's reminders in one statement (8 parameters each, well under PostgreSQL's 65,535).
 */
const PAGE = 2_000;

interface Reminder {
  userId: string;
  kind: NotificationKind;
  personId: string;
  subjectId: string;
  dueOn: string;
  /** The same reason never fires twice for the same person: the date is part of it. */
  reasonKey: string;
}

/**
 * Finds what practitioners should be reminded of today, in each organisation's own calendar, and
 * writes the notifications that are new. Each reminder has a reason key unique per recipient, so
 * running this twice — after a restart, or on two servers at once — adds nothing the second time.
 * Returns how many were created, per user, for the email job.
 */
export async function scanReminders(
  db: Db,
  now = new Date(),
  onError: (organisationId: string, error: unknown) => void = () => undefined,
  pageSize = PAGE,
): Promise<Map<string, { organisationId: string; created: number }>> {
  const organisations = await db.selectFrom('organisations').select(['id', 'time_zone']).execute();
  const created = new Map<string, { organisationId: string; created: number }>();
  for (const organisation of organisations) {
    // One organisation's bad row must not stop everyone else's reminders.
    try {
      await scanOrganisation(db, organisation, now, created, pageSize);
    } catch (error) {
      onError(organisation.id, error);
    }
  }
  return created;
}

async function scanOrganisation(
  db: Db,
  organisation: { id: string; time_zone: string },
  now: Date,
  created: Map<string, { organisationId: string; created: number }>,
  pageSize: number,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const today = localDate(now, organisation.time_zone);
    for await (const reminders of remindersFor(tx, organisation.id, today, pageSize)) {
      await writeReminders(tx, organisation.id, reminders, created);
    }
  });
}

/** One page of reminders in one statement; those already sent (the same reason key) are skipped. */
async function writeReminders(
  tx: Tx,
  organisationId: string,
  reminders: Reminder[],
  created: Map<string, { organisationId: string; created: number }>,
): Promise<void> {
  if (reminders.length === 0) {
    return;
  }
  const inserted = await tx
    .insertInto('notifications')
    .values(
      reminders.map((reminder) => ({
        organisation_id: organisationId,
        id: randomUUID(),
        user_id: reminder.userId,
        kind: reminder.kind,
        person_id: reminder.personId,
        subject_id: reminder.subjectId,
        due_on: reminder.dueOn,
        reason_key: reminder.reasonKey,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['organisation_id', 'user_id', 'reason_key']).where('reason_key', 'is not', null).doNothing(),
    )
    .returning('user_id')
    .execute();
  for (const { user_id: userId } of inserted) {
    const entry = created.get(userId) ?? { organisationId, created: 0 };
    entry.created += 1;
    created.set(userId, entry);
  }
}

/**
 * Pages of a query read in the order of its key, each page starting after the last key seen. (A
 * two-part key also needs its first part as a plain condition, `k.id >= …`, for the index to start
 * there: the row comparison alone is only a filter, and every page read from the beginning.)
 */
async function* pages<Row, Key>(
  read: (after: Key | null) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  pageSize: number,
): AsyncGenerator<Row[]> {
  let after: Key | null = null;
  for (;;) {
    const rows = await read(after);
    if (rows.length > 0) {
      yield rows;
    }
    if (rows.length < pageSize) {
      return;
    }
    after = keyOf(rows[rows.length - 1]!);
  }
}

async function* remindersFor(
  tx: Tx,
  organisationId: string,
  today: string,
  pageSize: number,
): AsyncGenerator<Reminder[]> {
  const tomorrow = addDays(today, 1);

  // The practitioners' own promises: due tomorrow, or past their date and still owed.
  // Read along the index of open promises by practitioner and date, so each page starts where the
  // last ended.
  const promisePages = pages(
    (after: readonly [string, string, string] | null) =>
      tx
        .selectFrom('commitments')
        .select(['id', 'person_id', 'promised_by_user_id', 'due_on'])
        .where('organisation_id', '=', organisationId)
        .where('promised_by', '=', 'practitioner')
        .where('status', 'in', ['open', 'renegotiated'])
        .where('due_on', '<=', tomorrow)
        .where('promised_by_user_id', 'is not', null)
        .$if(after !== null, (query) =>
          query.where(
            sql<boolean>`promised_by_user_id >= ${after![0]}
              and (promised_by_user_id, due_on, id) > (${after![0]}, ${after![1]}::date, ${after![2]})`,
          ),
        )
        .orderBy('promised_by_user_id')
        .orderBy('due_on')
        .orderBy('id')
        .limit(pageSize)
        .execute(),
    (row) => [row.promised_by_user_id!, row.due_on, row.id] as const,
    pageSize,
  );
  for await (const promises of promisePages) {
    const reminders: Reminder[] = [];
    for (const promise of promises) {
      const kind = promise.due_on === tomorrow ? 'promise_due' : promise.due_on < today ? 'promise_overdue' : null;
      if (kind && promise.promised_by_user_id) {
        reminders.push({
          userId: promise.promised_by_user_id,
          kind,
          personId: promise.person_id,
          subjectId: promise.id,
          dueOn: promise.due_on,
          reasonKey: `${kind}:${promise.id}:${promise.due_on}`,
        });
      }
    }
    yield reminders;
  }

  // Check-in rhythms past their date, and dated things to remember coming up: for each
  // practitioner allocated to the person.
  const cadencePages = pages(
    (after: readonly [string, string] | null) =>
      tx
        .selectFrom('checkin_cadences as k')
        .innerJoin('allocations as a', (join) =>
          join
            .onRef('a.organisation_id', '=', 'k.organisation_id')
            .onRef('a.person_id', '=', 'k.person_id')
            .on('a.ended_at', 'is', null),
        )
        .innerJoin('organisations as o', 'o.id', 'k.organisation_id')
        .select(['k.id', 'k.person_id', 'k.every_days', 'k.agreed_on', 'a.user_id', 'o.time_zone'])
        .select('a.id as allocation_id')
        .select(
          sql<Date | null>`(select max(coalesce(c.actual_start, c.received_at)) from contacts c
            where c.organisation_id = k.organisation_id and c.person_id = k.person_id and c.status = 'made'
              and (k.network_member_id is null or exists (select 1 from contact_participants cp
                where cp.organisation_id = c.organisation_id and cp.contact_id = c.id and cp.network_member_id = k.network_member_id)))`.as(
            'last_contact_at',
          ),
        )
        .where('k.organisation_id', '=', organisationId)
        .where('k.ended_at', 'is', null)
        .$if(after !== null, (query) =>
          query.where(sql<boolean>`k.id >= ${after![0]} and (k.id, a.id) > (${after![0]}, ${after![1]})`),
        )
        .orderBy('k.id')
        .orderBy('a.id')
        .limit(pageSize)
        .execute(),
    (row) => [row.id, row.allocation_id] as const,
    pageSize,
  );
  for await (const cadences of cadencePages) {
    const reminders: Reminder[] = [];
    for (const cadence of cadences) {
      const due = nextCheckinDue(cadence.last_contact_at, cadence.agreed_on, cadence.every_days, cadence.time_zone);
      if (due < today) {
        reminders.push({
          userId: cadence.user_id,
          kind: 'checkin_overdue',
          personId: cadence.person_id,
          subjectId: cadence.id,
          dueOn: due,
          reasonKey: `checkin_overdue:${cadence.id}:${due}`,
        });
      }
    }
    yield reminders;
  }

  const horizon = addDays(today, REMEMBER_DAYS_AHEAD);
  const datedPages = pages(
    (after: readonly [string, string] | null) =>
      tx
        .selectFrom('profile_items as i')
        .innerJoin('allocations as a', (join) =>
          join
            .onRef('a.organisation_id', '=', 'i.organisation_id')
            .onRef('a.person_id', '=', 'i.person_id')
            .on('a.ended_at', 'is', null),
        )
        .select(['i.id', 'i.person_id', 'i.on_date', 'i.every_year', 'a.user_id'])
        .select('a.id as allocation_id')
        .where('i.organisation_id', '=', organisationId)
        .where('i.kind', '=', 'to_remember')
        .where('i.archived_at', 'is', null)
        .where('i.on_date', 'is not', null)
        .$if(after !== null, (query) =>
          query.where(sql<boolean>`i.id >= ${after![0]} and (i.id, a.id) > (${after![0]}, ${after![1]})`),
        )
        .orderBy('i.id')
        .orderBy('a.id')
        .limit(pageSize)
        .execute(),
    (row) => [row.id, row.allocation_id] as const,
    pageSize,
  );
  for await (const dated of datedPages) {
    const reminders: Reminder[] = [];
    for (const item of dated) {
      const on = nextOccurrence(item.on_date!, item.every_year, today);
      if (on >= today && on <= horizon) {
        reminders.push({
          userId: item.user_id,
          kind: 'date_coming_up',
          personId: item.person_id,
          subjectId: item.id,
          dueOn: on,
          reasonKey: `date_coming_up:${item.id}:${on}`,
        });
      }
    }
    yield reminders;
  }
}
