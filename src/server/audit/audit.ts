import { sql, type RawBuilder } from 'kysely';
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
  /** The details already as JSON text: what a StatementTemplate passes as one of its values. */
  detailsJson?: string;
}

/** The row `recordAudit` and `auditRowsFrom` write (chain, sequence, time and hash come from the trigger). */
function auditValues(actor: Actor | null, entry: AuditEntry, organisationId?: string) {
  const organisation = organisationId ?? actor?.organisationId;
  if (!organisation) {
    throw new Error('An audit row needs an organisation');
  }
  return {
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
    details: entry.detailsJson ?? JSON.stringify(entry.details ?? {}),
  };
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
  await tx
    .insertInto('audit_events')
    .values(auditValues(actor, entry, organisationId))
    .execute();
}

const auditColumnTypes: Partial<Record<keyof ReturnType<typeof auditValues>, string>> = {
  organisation_id: 'uuid',
  actor_user_id: 'uuid',
  record_id: 'uuid',
  person_id: 'uuid',
  source_address: 'inet',
  details: 'jsonb',
};

/**
 * The same row as `recordAudit`, as a data-modifying part of a larger statement: one row for each
 * row of `source` (a CTE of that statement, e.g. the scope check), so a read can check its scope,
 * read and audit itself in one statement — and audit nothing when the scope check finds no row.
 * Use it as `with scope as (…), audited as (${auditRowsFrom('scope', actor, entry)}) select …`.
 */
export function auditRowsFrom(source: string, actor: Actor, entry: AuditEntry): RawBuilder<unknown> {
  const values = auditValues(actor, entry);
  const columns = Object.keys(values) as (keyof typeof values)[];
  return sql`insert into audit_events (${sql.join(columns.map((column) => sql.ref(column)))})
    select ${sql.join(
      columns.map((column) => {
        const type = auditColumnTypes[column];
        return type ? sql`${values[column]}::${sql.raw(type)}` : sql`${values[column]}`;
      }),
    )}
    from ${sql.table(source)}`;
}

/**
 * A list that shows several people's records (a ledger, an overdue list, figures with the records
 * behind them) writes one row per person shown, so each person's access log says who saw what of
 * theirs — not only a row nobody's log will ever show.
 */
export async function recordPersonReads(
  tx: Queryable,
  actor: Actor,
  action: string,
  personIds: Iterable<string>,
  details: AuditEntry['details'] = {},
): Promise<void> {
  const people = [...new Set(personIds)];
  if (people.length === 0) {
    await recordAudit(tx, actor, { action, details: { ...details, shown: 0 } });
    return;
  }
  await tx
    .insertInto('audit_events')
    .values(
      people.map((personId) =>
        auditValues(actor, {
          action,
          recordType: 'person',
          recordId: personId,
          personId,
          details: { ...details, people: people.length },
        }),
      ),
    )
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
