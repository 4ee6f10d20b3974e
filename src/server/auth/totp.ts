import { Secret, TOTP } from 'otpauth';
import type { TotpEnrolment } from '../../domain/auth.js';
import type { Actor } from '../access/actor.js';
import { recordAudit, recordDenied } from '../audit/audit.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Db, Queryable } from '../db/database.js';
import { AppError, invalid } from '../http/errors.js';
import { guardPasswordReentry } from './password-change.js';
import { verifyPassword } from './passwords.js';

const PERIOD = 30;

function totpFor(secretBase32: string, label = 'Rapport'): TOTP {
  return new TOTP({
    issuer: 'Rapport',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/**
 * Checks a code against a secret, one step either side for clock drift, and refuses a step at or
 * before the last one accepted: a code works once (SECURITY.md check 6). Returns the step to store.
 */
export function acceptCode(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, window: 1, timestamp: now });
  if (delta === null) {
    return null;
  }
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Starts enrolment: a new secret, kept sealed and inactive until a code from it is confirmed. */
export async function startTotpEnrolment(
  db: Db,
  secrets: SecretBox,
  actor: Actor,
  email: string,
): Promise<TotpEnrolment> {
  const secret = new Secret({ size: 20 });
  await db.transaction().execute(async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select('totp_enabled_at')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.totp_enabled_at) {
      throw new AppError('conflict', 'A second factor is already set up. Turn it off first to set up a new one.');
    }
    await tx
      .updateTable('users')
      .set({ totp_secret: secrets.seal(secret.base32), totp_last_step: null, updated_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', actor.userId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'auth.second_factor_enrolment_started',
      kind: 'security',
      recordType: 'user',
      recordId: actor.userId,
    });
  });
  return { secret: secret.base32, otpauthUri: totpFor(secret.base32, email).toString() };
}

/** Confirms enrolment with a first code from the app. */
export async function confirmTotpEnrolment(db: Db, secrets: SecretBox, actor: Actor, code: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const user = await lockUser(tx, actor);
    if (user.totp_enabled_at || !user.totp_secret) {
      throw new AppError('conflict', 'There is no second-factor set-up waiting to be confirmed.');
    }
    const step = acceptCode(secrets.open(user.totp_secret), code, null);
    if (step === null) {
      throw invalid('code', 'That code did not match. Check the time on your phone and try the newest code.');
    }
    await tx
      .updateTable('users')
      .set({ totp_enabled_at: new Date(), totp_last_step: step, updated_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', actor.userId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'auth.second_factor_enabled',
      kind: 'security',
      recordType: 'user',
      recordId: actor.userId,
    });
  });
}

/** Turns the second factor off; needs the password and a current code. */
export async function disableTotp(
  db: Db,
  secrets: SecretBox,
  actor: Actor,
  password: string,
  code: string,
): Promise<void> {
  await guardPasswordReentry(db, actor);
  // One answer for a wrong password or a wrong code: a stolen session learns neither on its own.
  const mismatch = new AppError('validation_failed', 'The password or the code did not match.', [
    { field: 'password', message: 'Check your current password' },
    { field: 'code', message: 'Check the code from your authenticator app' },
  ]);
  try {
    await db.transaction().execute(async (tx) => {
      const user = await lockUser(tx, actor);
      if (!user.totp_enabled_at || !user.totp_secret) {
        throw new AppError('conflict', 'No second factor is set up.');
      }
      const lastStep = user.totp_last_step === null ? null : Number(user.totp_last_step);
      const passwordMatches = await verifyPassword(user.password_hash, password);
      if (!passwordMatches || acceptCode(secrets.open(user.totp_secret), code, lastStep) === null) {
        throw mismatch;
      }
      await tx
        .updateTable('users')
        .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: new Date() })
        .where('organisation_id', '=', actor.organisationId)
        .where('id', '=', actor.userId)
        .execute();
      await recordAudit(tx, actor, {
        action: 'auth.second_factor_disable',
        kind: 'security',
        recordType: 'user',
        recordId: actor.userId,
      });
    });
  } catch (error) {
    if (error === mismatch) {
      // Recorded after the failed transaction, so it counts towards the re-entry limit.
      await recordDenied(db, actor, {
        action: 'auth.second_factor_disable',
        kind: 'security',
        recordType: 'user',
        recordId: actor.userId,
      });
    }
    throw error;
  }
}

async function lockUser(tx: Queryable, actor: Actor) {
  return tx
    .selectFrom('users')
    .select(['password_hash', 'totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', actor.userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
