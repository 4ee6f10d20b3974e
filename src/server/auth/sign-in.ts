import { sql } from 'kysely';
import type { ChangePasswordRequest, LoginRequest } from '../../domain/auth.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Db, Queryable } from '../db/database.js';
import type { SignInOutcome } from '../db/schema.js';
import { AppError, invalid } from '../http/errors.js';
import { checkPasswordPolicy, hashPassword, spendVerificationTime, verifyPassword } from './passwords.js';
import { createSession, endSessionsOfUser, type NewSession } from './sessions.js';
import { acceptCode } from './totp.js';

/** SECURITY.md check 1: about six failed tries a minute, per account and per address. */
export const THROTTLE_LIMIT = 6;
export const THROTTLE_WINDOW_SECONDS = 60;

export interface SignInContext {
  sourceAddress: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  session: NewSession;
  user: {
    organisationId: string;
    id: string;
    email: string;
    displayName: string;
    role: Role;
    secondFactorEnabled: boolean;
  };
}

const invalidCredentials = () => new AppError('invalid_credentials', 'Check your email and password and try again.');

/**
 * Signs a member of staff in. Unknown address, disabled account and wrong password all answer the
 * same, after the same work; every attempt is recorded; a second factor, once enrolled, is needed.
 */
export async function signIn(
  db: Db,
  secrets: SecretBox,
  input: LoginRequest,
  context: SignInContext,
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase().slice(0, 254);
  if (await isThrottled(db, email, context.sourceAddress)) {
    await db
      .insertInto('sign_in_attempts')
      .values({ email, source_address: context.sourceAddress, outcome: 'throttled' })
      .execute();
    throw new AppError('too_many_requests', 'Too many attempts. Wait a minute, then try again.', undefined, {
      'retry-after': String(THROTTLE_WINDOW_SECONDS),
    });
  }
  const user = await db
    .selectFrom('sign_in_directory as d')
    .innerJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'd.organisation_id').onRef('u.id', '=', 'd.user_id'),
    )
    .select([
      'u.organisation_id',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.password_hash',
      'u.totp_secret',
      'u.totp_enabled_at',
      'u.disabled_at',
    ])
    .where('d.email', '=', email)
    .executeTakeFirst();

  if (!user || user.disabled_at) {
    await spendVerificationTime(input.password);
    await db.transaction().execute(async (tx) => {
      await recordAttempt(tx, email, context, 'failed');
      if (user) {
        await recordAudit(tx, actorOf(user, context), {
          action: 'auth.sign_in',
          kind: 'security',
          outcome: 'denied',
          details: { why: 'disabled' },
        });
      }
    });
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await db.transaction().execute(async (tx) => {
      await recordAttempt(tx, email, context, 'failed');
      await recordAudit(tx, actorOf(user, context), {
        action: 'auth.sign_in',
        kind: 'security',
        outcome: 'denied',
        details: { why: 'password' },
      });
    });
    throw invalidCredentials();
  }

  return db.transaction().execute(async (tx) => {
    const actor = actorOf(user, context);
    if (user.totp_enabled_at && user.totp_secret) {
      if (!input.totpCode) {
        await recordAttempt(tx, email, context, 'second_factor_required');
        throw new AppError('second_factor_required', 'Enter the 6-digit code from your authenticator app.');
      }
      const locked = await tx
        .selectFrom('users')
        .select('totp_last_step')
        .where('organisation_id', '=', user.organisation_id)
        .where('id', '=', user.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const step = acceptCode(
        secrets.open(user.totp_secret),
        input.totpCode,
        locked.totp_last_step === null ? null : Number(locked.totp_last_step),
      );
      if (step === null) {
        // A failed second factor must be remembered even though this request fails: a new transaction.
        await db.transaction().execute(async (failure) => {
          await recordAttempt(failure, email, context, 'second_factor_failed');
          await recordAudit(failure, actor, {
            action: 'auth.sign_in',
            kind: 'security',
            outcome: 'denied',
            details: { why: 'second_factor' },
          });
        });
        throw new AppError(
          'second_factor_required',
          'That code did not work. Codes work once; wait for the next one.',
          [{ field: 'totpCode', message: 'That code did not work' }],
        );
      }
      await tx
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('organisation_id', '=', user.organisation_id)
        .where('id', '=', user.id)
        .execute();
    }
    const session = await createSession(tx, { organisationId: user.organisation_id, userId: user.id, ...context });
    await recordAttempt(tx, email, context, 'succeeded');
    await recordAudit(tx, { ...actor, sessionId: session.id }, { action: 'auth.sign_in', kind: 'security' });
    return {
      session,
      user: {
        organisationId: user.organisation_id,
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        role: user.role,
        secondFactorEnabled: user.totp_enabled_at !== null,
      },
    };
  });
}

function actorOf(
  user: { organisation_id: string; id: string; role: Role; display_name: string },
  context: SignInContext,
): Actor {
  return {
    organisationId: user.organisation_id,
    userId: user.id,
    role: user.role,
    displayName: user.display_name,
    sessionId: null,
    sourceAddress: context.sourceAddress,
  };
}

async function recordAttempt(
  tx: Queryable,
  email: string,
  context: SignInContext,
  outcome: SignInOutcome,
): Promise<void> {
  await tx.insertInto('sign_in_attempts').values({ email, source_address: context.sourceAddress, outcome }).execute();
}

async function isThrottled(db: Db, email: string, sourceAddress: string | null): Promise<boolean> {
  const since = sql<Date>`now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS})`;
  const counted: SignInOutcome[] = ['failed', 'second_factor_failed', 'throttled'];
  const byEmail = db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('email', '=', email)
    .where('attempted_at', '>', since)
    .where('outcome', 'in', counted);
  const byAddress = db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('source_address', '=', sourceAddress)
    .where('attempted_at', '>', since)
    .where('outcome', 'in', counted);
  const row = await db
    .selectNoFrom([
      byEmail.as('by_email'),
      sourceAddress ? byAddress.as('by_address') : sql<string>`0`.as('by_address'),
    ])
    .executeTakeFirstOrThrow();
  return Number(row.by_email) >= THROTTLE_LIMIT || Number(row.by_address) >= THROTTLE_LIMIT;
}

/** Ends the current session. */
export async function signOut(db: Db, actor: Actor): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (actor.sessionId) {
      await tx
        .updateTable('sessions')
        .set({ ended_at: new Date(), ended_reason: 'logout' })
        .where('organisation_id', '=', actor.organisationId)
        .where('id', '=', actor.sessionId)
        .execute();
    }
    await recordAudit(tx, actor, { action: 'auth.sign_out', kind: 'security' });
  });
}

/** Changes the password; needs the current one; by default ends the user's other sessions (check 7). */
export async function changePassword(
  db: Db,
  actor: Actor,
  email: string,
  input: ChangePasswordRequest,
): Promise<{ endedSessions: number }> {
  checkPasswordPolicy(input.newPassword, 'newPassword', { email });
  const current = await db
    .selectFrom('users')
    .select('password_hash')
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(current.password_hash, input.currentPassword))) {
    await db
      .transaction()
      .execute((tx) => recordAudit(tx, actor, { action: 'auth.password_change', kind: 'security', outcome: 'denied' }));
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
