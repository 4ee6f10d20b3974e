import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface ChainProblem {
  organisationId: string;
  chain: number;
  seq: string | null;
  problem: string;
}

export interface VerificationReport {
  rowsChecked: number;
  chainsChecked: number;
  problems: ChainProblem[];
  /** Each chain's latest hash: worth writing down elsewhere, so a rewrite of the whole chain shows too. */
  heads: { organisationId: string; chain: number; lastSeq: string; lastHash: string }[];
}

const GENESIS = '00';
const BATCH = 5_000;

/**
 * Walks every audit chain and checks it link by link (SECURITY.md check 26): each row's hash is
 * recomputed here, in Node, from the row's own columns — the canonical text is rebuilt by a query
 * written independently of the trigger's function, so replacing that function does not hide a
 * change; each row must point at the hash of the one before; sequences have no gaps; and the chain
 * head must match the last row (a deleted tail shows).
 */
export async function verifyAuditChains(db: Db): Promise<VerificationReport> {
  const heads = await db
    .selectFrom('audit_chain_heads')
    .selectAll()
    .orderBy('organisation_id')
    .orderBy('chain')
    .execute();
  const report: VerificationReport = { rowsChecked: 0, chainsChecked: 0, problems: [], heads: [] };
  for (const head of heads) {
    report.chainsChecked += 1;
    let previousHash = GENESIS;
    let expectedSeq = 1n;
    let after = 0n;
    for (;;) {
      const rows = await sql<{ seq: string; canonical: string; prev_hash: string; hash: string }>`
        select e.seq,
               jsonb_build_array(
                 e.organisation_id, e.chain, e.seq,
                 to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                 e.actor_user_id, e.actor_role, e.action, e.kind, e.record_type, e.record_id, e.person_id,
                 e.outcome, host(e.source_address), e.reason, e.details, encode(e.prev_hash, 'hex')
               )::text as canonical,
               encode(e.prev_hash, 'hex') as prev_hash,
               encode(e.hash, 'hex') as hash
        from audit_events e
        where e.organisation_id = ${head.organisation_id} and e.chain = ${head.chain} and e.seq > ${after.toString()}
        order by e.seq
        limit ${BATCH}`.execute(db);
      for (const row of rows.rows) {
        report.rowsChecked += 1;
        const fail = (problem: string) =>
          report.problems.push({ organisationId: head.organisation_id, chain: head.chain, seq: row.seq, problem });
        if (BigInt(row.seq) !== expectedSeq) {
          fail(`expected sequence ${expectedSeq}, found ${row.seq}: rows are missing`);
        }
        if (row.prev_hash !== previousHash) {
          fail('does not link to the row before it');
        }
        const recomputed = createHash('sha256').update(row.canonical, 'utf8').digest('hex');
        if (recomputed !== row.hash) {
          fail('its content does not match its hash: the row was changed');
        }
        previousHash = row.hash;
        expectedSeq = BigInt(row.seq) + 1n;
        after = BigInt(row.seq);
      }
      if (rows.rows.length < BATCH) {
        break;
      }
    }
    const headHash = head.last_hash.toString('hex');
    if (BigInt(head.last_seq) !== expectedSeq - 1n || headHash !== previousHash) {
      report.problems.push({
        organisationId: head.organisation_id,
        chain: head.chain,
        seq: null,
        problem: `the chain head (sequence ${head.last_seq}) does not match the last row (${(expectedSeq - 1n).toString()}): rows at the end are missing`,
      });
    }
    report.heads.push({
      organisationId: head.organisation_id,
      chain: head.chain,
      lastSeq: head.last_seq,
      lastHash: headHash,
    });
  }
  return report;
}
