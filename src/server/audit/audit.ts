import { sql } from 'kysely';
import type { Db, Queryable, Tx } from '../db/database.js';
import type { AuditKind, AuditOutcome } from '../db/schema.js';
import type { Actor } from '../access/actor.js';

/** One row of the audit trail, as a domain function describes it. */
export interface AuditEntry {
  /** `<area>.<verb>`, e.g. `person.read`, `person.create`, `auth.sign_in`. */
  action: string;
  outcome?: AuditOutcome;
  kind?: AuditKind;
  recordType?: string;
  recordId?: string | null;
  /** The person whose record this touches: what a record's access log is keyed on. */
  personId?: string | null;
  reason?: string | null;
  /** Small, non-personal facts (counts, field names changed) — never note text or addresses. */
  details?: Record<string, string | number | boolean | null | string[]>;
}

/**
 * Appends an audit row inside the caller's transaction, so the row and the change it records
 * commit or roll back together (SECURITY.md checks 25 and 27). Chain, sequence, time and hash are
 * assigned by the database trigger.
 */
export async function recordAudit(
  tx: Queryable,
  actor: Actor | null,
  entry: AuditEntry,
  organisationId?: string,
): Promise<void> {
  const organisation = organisationId ?? actor?.organisationId;
  if (!organisation) {
    throw new Error('An audit row needs an organisation');
  }
  await tx
    .insertInto('audit_events')
    .values({
      organisation_id: organisation,
      actor_user_id: actor?.userId ?? null,
      actor_role: actor?.role ?? null,
      action: entry.action,
      kind: entry.kind ?? 'routine',
      record_type: entry.recordType ?? null,
      record_id: entry.recordId ?? null,
      person_id: entry.personId ?? null,
      outcome: entry.outcome ?? 'succeeded',
      source_address: actor?.sourceAddress ?? null,
      reason: entry.reason ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/**
 * A transaction for an audited read. Its commit does not wait for the disk: the audit row is in
 * the WAL at once and flushed within a fraction of a second, so a crash can lose only the last
 * instant of read-audit rows and never a change (STACK.md). Writes use `db.transaction()`.
 */
export async function readTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL synchronous_commit = off`.execute(tx);
    return work(tx);
  });
}

/**
 * Records a refused attempt (out-of-scope id, missing role) in its own transaction: the request
 * fails, but the attempt is still on the record (SECURITY.md check 8).
 */
export async function recordDenied(db: Db, actor: Actor, entry: Omit<AuditEntry, 'outcome'>): Promise<void> {
  await db.transaction().execute((tx) => recordAudit(tx, actor, { ...entry, outcome: 'denied' }));
}
