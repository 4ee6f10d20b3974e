import { createHash } from 'node:crypto';
import type { Actor } from '../access/actor.js';
import type { Db, Tx } from '../db/database.js';
import { AppError } from '../http/errors.js';

/** Keys sorted, so the same body sent twice hashes the same whatever the order of its fields. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** How long a key is remembered; the housekeeping job forgets older ones. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/**
 * Runs `work` once per Idempotency-Key (SECURITY.md check 31), inside the caller's transaction: the
 * first request claims the key and stores the id of the record it made — never the record itself,
 * so no copy of a note outlives its corrections; a retry — even one sent at the same moment, which
 * waits on the key — makes nothing and gets the record as it is now, read through `replay` (which
 * audits that read); the same key with a different body is refused with 422.
 */
export async function onceForKey<T extends { id: string }>(
  tx: Tx,
  actor: Actor,
  key: string | null,
  route: string,
  body: unknown,
  work: () => Promise<T>,
  replay: (id: string) => Promise<T>,
): Promise<{ replayed: boolean; result: T }> {
  if (!key) {
    return { replayed: false, result: await work() };
  }
  checkKey(key);
  const hash = requestHash(body);
  const claimed = await tx
    .insertInto('idempotency_keys')
    .values({ organisation_id: actor.organisationId, user_id: actor.userId, key, route, request_hash: hash })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) {
    const id = await firstAnswer(tx, actor, key, route, hash);
    if (id) {
      return { replayed: true, result: await replay(id) };
    }
  }
  const result = await work();
  await tx
    .updateTable('idempotency_keys')
    .set({ response_status: 201, response_body: JSON.stringify({ id: result.id }) })
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId)
    .where('key', '=', key)
    .execute();
  return { replayed: false, result };
}

/** A key is 8 to 200 characters (a UUID is the usual one); anything else is named as bad input. */
export function checkKey(key: string): void {
  if (key.length < 8 || key.length > 200) {
    throw new AppError('validation_failed', 'Some fields need attention.', [
      { field: 'Idempotency-Key', message: 'Use a key of 8 to 200 characters, e.g. a UUID' },
    ]);
  }
}

/** What a request is remembered by: the SHA-256 of its body with keys sorted. */
export function requestHash(body: unknown): Buffer {
  return createHash('sha256').update(canonical(body)).digest();
}

/**
 * The id of the record a claimed key made, for a retry of the same request; 422 when the key was
 * used for another request. Null when the key is not (or no longer) held.
 */
export async function firstAnswer(
  tx: Tx,
  actor: Actor,
  key: string,
  route: string,
  hash: Buffer,
): Promise<string | null> {
  const stored = await tx
    .selectFrom('idempotency_keys')
    .select(['route', 'request_hash', 'response_body'])
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!stored) {
    return null;
  }
  if (stored.route !== route || !stored.request_hash.equals(hash)) {
    throw new AppError('validation_failed', 'This Idempotency-Key was already used for a different request.', [
      { field: 'Idempotency-Key', message: 'Use a new key for a new request' },
    ]);
  }
  return (stored.response_body as { id: string }).id;
}

/** Forgets keys older than IDEMPOTENCY_KEY_HOURS (run by the housekeeping job). */
export async function forgetOldIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
