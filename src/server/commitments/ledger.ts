import type { Commitment } from '../../domain/commitments.js';
import type { Actor } from '../access/actor.js';
import { readTransaction, recordPersonReads } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { selectCommitments } from './commitments.js';

/** The practitioner's own ledger: promises they made and promises made to them, overdue first. */
export async function listMyCommitments(
  db: Db,
  actor: Actor,
  status: 'outstanding' | 'overdue' | 'finished' | 'all',
): Promise<Commitment[]> {
  return readTransaction(db, async (tx) => {
    const items = await selectCommitments(tx, actor, { involvingUserId: actor.userId, status });
    await recordPersonReads(
      tx,
      actor,
      'commitment.ledger.read',
      items.map((item) => item.personId),
      { status, shown: items.length },
    );
    return items;
  });
}

/** ISO weekday (Monday = 1) of a calendar date. */
function weekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

/**
 * A gentle check before a practitioner promises something: how many of their promises are overdue,
 * and whether the date falls on a day they do not work. It informs; it never blocks.
 */
export async function checkPromise(
  db: Db,
  actor: Actor,
  dueOn: string,
): Promise<{ overdueCount: number; outsideWorkingDays: boolean; message: string | null }> {
  const today = new Date().toISOString().slice(0, 10);
  const [overdue, user] = await Promise.all([
    db
      .selectFrom('commitments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', actor.organisationId)
      .where('promised_by_user_id', '=', actor.userId)
      .where('status', 'in', ['open', 'renegotiated'])
      .where('due_on', '<', today)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select('working_days')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow(),
  ]);
  const overdueCount = Number(overdue.n);
  const outsideWorkingDays = !user.working_days.includes(weekday(dueOn));
  const parts = [
    overdueCount > 0
      ? `You have ${overdueCount} promise${overdueCount === 1 ? '' : 's'} past ${overdueCount === 1 ? 'its' : 'their'} date.`
      : null,
    outsideWorkingDays ? 'That date is a day you do not work.' : null,
  ].filter(Boolean);
  return { overdueCount, outsideWorkingDays, message: parts.length > 0 ? parts.join(' ') : null };
}
