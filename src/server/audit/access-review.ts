import { sql } from 'kysely';
import type { AccessLogEntry, BreakGlassReviewItem } from '../../domain/audit.js';
import type { Actor } from '../access/actor.js';
import { findableBy, openableBy } from '../access/scope.js';
import type { Db } from '../db/database.js';
import { forbidden } from '../http/errors.js';
import { readFromPerson } from '../people/person-scope.js';
import { readTransaction, recordAudit } from './audit.js';

const reviewers = new Set(['supervisor', 'manager']);

/**
 * Who has opened or changed a person's record, newest first — for the supervisors and managers
 * who oversee it (SECURITY.md check 25). Reading the log is itself audited.
 */
export async function listAccessLog(
  db: Db,
  actor: Actor,
  personId: string,
  page: number,
  pageSize: number,
): Promise<{ items: AccessLogEntry[]; total: number }> {
  // Scope first: someone without a relationship learns nothing, not even that the record exists.
  return readFromPerson(db, actor, personId, 'person.access_log.read', async (tx) => {
    if (!reviewers.has(actor.role)) {
      throw forbidden('Only supervisors and managers can see who opened a record.');
    }
    const base = tx
      .selectFrom('audit_events as e')
      .where('e.organisation_id', '=', actor.organisationId)
      .where('e.person_id', '=', personId);
    const [rows, count] = await Promise.all([
      base
        .leftJoin('users as u', (join) =>
          join.onRef('u.organisation_id', '=', 'e.organisation_id').onRef('u.id', '=', 'e.actor_user_id'),
        )
        .select([
          'e.occurred_at',
          'e.actor_user_id',
          'u.display_name',
          'e.actor_role',
          'e.action',
          'e.kind',
          'e.outcome',
          'e.reason',
        ])
        .orderBy('e.occurred_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    await recordAudit(tx, actor, {
      action: 'person.access_log.read',
      recordType: 'person',
      recordId: personId,
      personId,
    });
    return {
      items: rows.map((row) => ({
        occurredAt: row.occurred_at.toISOString(),
        actor: { userId: row.actor_user_id, displayName: row.display_name, role: row.actor_role },
        action: row.action,
        kind: row.kind,
        outcome: row.outcome,
        reason: row.reason,
      })),
      total: Number(count.n),
    };
  });
}

/**
 * Break-glass use to review: a supervisor sees their teams' members' grants and grants on people
 * their teams work with; a manager sees the organisation's (SECURITY.md check 16).
 */
export async function listBreakGlassReview(
  db: Db,
  actor: Actor,
  days: number,
  page: number,
  pageSize: number,
): Promise<{ items: BreakGlassReviewItem[]; total: number }> {
  if (!reviewers.has(actor.role)) {
    throw forbidden('Only supervisors and managers review emergency access.');
  }
  return readTransaction(db, async (tx) => {
    let base = tx
      .selectFrom('access_grants as g')
      .innerJoin('people as p', (join) =>
        join.onRef('p.organisation_id', '=', 'g.organisation_id').onRef('p.id', '=', 'g.person_id'),
      )
      .innerJoin('users as u', (join) =>
        join.onRef('u.organisation_id', '=', 'g.organisation_id').onRef('u.id', '=', 'g.user_id'),
      )
      .where('g.organisation_id', '=', actor.organisationId)
      .where('g.granted_at', '>', sql<Date>`now() - make_interval(days => ${days})`);
    if (actor.role === 'supervisor') {
      base = base.where((eb) =>
        eb.or([
          findableBy(actor),
          eb.exists(
            eb
              .selectFrom('team_members as theirs')
              .innerJoin('team_members as mine', (join) =>
                join
                  .onRef('mine.organisation_id', '=', 'theirs.organisation_id')
                  .onRef('mine.team_id', '=', 'theirs.team_id'),
              )
              .select('theirs.user_id')
              .whereRef('theirs.organisation_id', '=', 'g.organisation_id')
              .whereRef('theirs.user_id', '=', 'g.user_id')
              .where('mine.user_id', '=', actor.userId),
          ),
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      base
        .select([
          'g.id',
          'g.granted_at',
          'g.expires_at',
          'g.reason',
          'g.user_id',
          'u.display_name',
          'p.id as person_id',
          'p.full_name',
        ])
        // The name is shown only where the reviewer may see that record anyway (check 12).
        .select(sql<boolean>`(${openableBy(actor)} or ${findableBy(actor)})`.as('may_see_person'))
        .select(
          sql<string>`(select count(*) from audit_events e
            where e.organisation_id = g.organisation_id and e.person_id = g.person_id
              and e.actor_user_id = g.user_id and e.occurred_at between g.granted_at and g.expires_at
              and e.outcome = 'succeeded' and e.action <> 'person.break_glass')`.as('reads'),
        )
        .orderBy('g.granted_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    await recordAudit(tx, actor, {
      action: 'access_review.break_glass.read',
      kind: 'security',
      details: { days, total: Number(count.n) },
    });
    return {
      items: rows.map((row) => ({
        grantId: row.id,
        grantedAt: row.granted_at.toISOString(),
        expiresAt: row.expires_at.toISOString(),
        reason: row.reason,
        user: { id: row.user_id, displayName: row.display_name },
        person: row.may_see_person ? { id: row.person_id, fullName: row.full_name } : null,
        readsDuringGrant: Number(row.reads),
      })),
      total: Number(count.n),
    };
  });
}
