import { sql } from 'kysely';
import type { ChangePasswordRequest } from '../../domain/auth.js';
import type { Actor } from '../access/actor.js';
import { recordAudit, recordDenied } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { AppError, invalid } from '../http/errors.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import { endSessionsOfUser } from './sessions.js';

/** Routes that ask for the current password again: a stolen session must not guess it freely. */
const reentryActions = ['auth.password_change', 'auth.second_factor_disable'];
export const REENTRY_LIMIT = 5;
const REENTRY_WINDOW_MINUTES = 15;

/**
 * Refuses further password re-entry after five wrong tries in fifteen minutes, counted from the
 * audit trail, where every wrong try is recorded as denied.
 */
export async function guardPasswordReentry(db: Db, actor: Actor): Promise<void> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', actor.organisationId)
    .where('actor_user_id', '=', actor.userId)
    .where('action', 'in', reentryActions)
    .where('outcome', '=', 'denied')
    .where('occurred_at', '>', sql<Date>`now() - make_interval(mins => ${REENTRY_WINDOW_MINUTES})`)
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= REENTRY_LIMIT) {
    throw new AppError('too_many_requests', 'Too many wrong passwords. Wait 15 minutes, then try again.', undefined, {
      'retry-after': String(REENTRY_WINDOW_MINUTES * 60),
    });
  }
}

/** Changes the password; needs the current one; by default ends the user's other sessions (check 7). */
export async function changePassword(
  db: Db,
  actor: Actor,
  email: string,
  input: ChangePasswordRequest,
): Promise<{ endedSessions: number }> {
  await guardPasswordReentry(db, actor);
  checkPasswordPolicy(input.newPassword, 'newPassword', { email });
  const current = await db
    .selectFrom('users')
    .select('password_hash')
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(current.password_hash, input.currentPassword))) {
    await recordDenied(db, actor, { action: 'auth.password_change', kind: 'security' });
    throw invalid('currentPassword', 'That is not your current password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: new Date(), updated_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', actor.userId)
      .execute();
    const endedSessions = input.endOtherSessions
      ? await endSessionsOfUser(tx, actor.organisationId, actor.userId, 'password_changed', actor.sessionId)
      : 0;
    await recordAudit(tx, actor, { action: 'auth.password_change', kind: 'security', details: { endedSessions } });
    return { endedSessions };
  });
}
