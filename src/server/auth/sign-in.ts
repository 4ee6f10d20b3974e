import { sql } from 'kysely';
import type { LoginRequest } from '../../domain/auth.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Db, Queryable } from '../db/database.js';
import type { SignInOutcome } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { spendVerificationTime, verifyPassword } from './passwords.js';
import { createSession, type NewSession } from './sessions.js';
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
  const attempt = holdAttempt(email, context.sourceAddress);
  try {
    return await attemptSignIn(db, secrets, input, context, email, attempt.othersInFlight);
  } finally {
    attempt.done();
  }
}

async function attemptSignIn(
  db: Db,
  secrets: SecretBox,
  input: LoginRequest,
  context: SignInContext,
  email: string,
  othersInFlight: { byEmail: number; byAddress: number },
): Promise<SignedIn> {
  if (await isThrottled(db, email, context.sourceAddress, othersInFlight)) {
    await db.transaction().execute(async (tx) => {
      await recordAttempt(tx, email, context, 'throttled');
      // A refused attempt on a known account is on that account's security record too.
      const known = await tx
        .selectFrom('sign_in_directory as d')
        .innerJoin('users as u', (join) =>
          join.onRef('u.organisation_id', '=', 'd.organisation_id').onRef('u.id', '=', 'd.user_id'),
        )
        .select(['u.organisation_id', 'u.id', 'u.role', 'u.display_name'])
        .where('d.email', '=', email)
        .executeTakeFirst();
      if (known) {
        await recordAudit(tx, actorOf(known, context), {
          action: 'auth.sign_in',
          kind: 'security',
          outcome: 'denied',
          details: { why: 'throttled' },
        });
      }
    });
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

  const actor = actorOf(user, context);
  if (user.totp_enabled_at && user.totp_secret && !input.totpCode) {
    // Recorded on its own: the request fails, but the attempt must not be rolled back with it.
    await recordAttempt(db, email, context, 'second_factor_required');
    throw new AppError('second_factor_required', 'Enter the 6-digit code from your authenticator app.');
  }
  try {
    return await db.transaction().execute(async (tx) => {
      if (user.totp_enabled_at && user.totp_secret && input.totpCode) {
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
  } catch (error) {
    if (error instanceof AppError && error.code === 'second_factor_required') {
      // A failed second factor is remembered once the sign-in's transaction (and its row lock and
      // connection) is gone: a transaction opened inside it would wait on the pool while holding both.
      await db.transaction().execute(async (failure) => {
        await recordAttempt(failure, email, context, 'second_factor_failed');
        await recordAudit(failure, actor, {
          action: 'auth.sign_in',
          kind: 'security',
          outcome: 'denied',
          details: { why: 'second_factor' },
        });
      });
    }
    throw error;
  }
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

// Attempts under way in this process and not yet recorded. The throttle counts them with the
// recorded ones, so that a burst of simultaneous guesses cannot all pass the check before the first
// is written (check 1). An attempt that finishes early may be counted twice: that errs on the safe side.
const inFlight = new Map<string, number>();

function holdAttempt(
  email: string,
  sourceAddress: string | null,
): { othersInFlight: { byEmail: number; byAddress: number }; done: () => void } {
  const keys = [`email:${email}`, ...(sourceAddress ? [`address:${sourceAddress}`] : [])];
  const othersInFlight = {
    byEmail: inFlight.get(keys[0]!) ?? 0,
    byAddress: sourceAddress ? (inFlight.get(keys[1]!) ?? 0) : 0,
  };
  for (const key of keys) {
    inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
  }
  return {
    othersInFlight,
    done: () => {
      for (const key of keys) {
        const left = (inFlight.get(key) ?? 1) - 1;
        if (left > 0) {
          inFlight.set(key, left);
        } else {
          inFlight.delete(key);
        }
      }
    },
  };
}

async function isThrottled(
  db: Db,
  email: string,
  sourceAddress: string | null,
  othersInFlight: { byEmail: number; byAddress: number },
): Promise<boolean> {
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
  return (
    Number(row.by_email) + othersInFlight.byEmail >= THROTTLE_LIMIT ||
    Number(row.by_address) + othersInFlight.byAddress >= THROTTLE_LIMIT
  );
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
