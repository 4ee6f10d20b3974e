import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SessionSummary } from '../../domain/auth.js';
import type { Actor } from '../access/actor.js';
import { prepared, queryBuilder, StatementTemplate, type Db, type Queryable } from '../db/database.js';
import type { SessionEndReason } from '../db/schema.js';

export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  email: string;
  secondFactorEnabled: boolean;
  createdAt: Date;
  expiresAt: Date;
}

export interface NewSession {
  id: string;
  cookieValue: string;
  csrfToken: string;
  createdAt: Date;
}

const digest = (token: string) => createHash('sha256').update(token).digest();
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cookie carries `<organisation id>.<random token>`: the organisation routes the lookup. */
function parseCookieValue(value: string): { organisationId: string; token: string } | null {
  const [organisationId, token, extra] = value.split('.');
  if (!organisationId || !token || extra !== undefined || !uuidPattern.test(organisationId) || token.length !== 43) {
    return null;
  }
  return { organisationId, token };
}

/** A new session with a new id and CSRF token (SECURITY.md check 3). */
export async function createSession(
  tx: Queryable,
  input: { organisationId: string; userId: string; userAgent: string | null; sourceAddress: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const createdAt = new Date();
  await tx
    .insertInto('sessions')
    .values({
      organisation_id: input.organisationId,
      token_hash: digest(token),
      id,
      user_id: input.userId,
      csrf_token: csrfToken,
      created_at: createdAt,
      last_seen_at: createdAt,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      source_address: input.sourceAddress,
    })
    .execute();
  return { id, cookieValue: `${input.organisationId}.${token}`, csrfToken, createdAt };
}

interface SessionRow {
  id: string;
  token_hash: Buffer;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  user_id: string;
  role: Actor['role'];
  display_name: string;
  email: string;
  totp_enabled_at: Date | null;
  disabled_at: Date | null;
}

/** Every request looks its session up: built and compiled once, planned once per connection. */
const sessionStatement = new StatementTemplate<{ organisationId: string; tokenHash: Buffer }>(
  ['organisationId', 'tokenHash'],
  ({ organisationId, tokenHash }) =>
    queryBuilder
      .selectFrom('sessions as s')
      .modifyFront(prepared)
      .innerJoin('users as u', (join) =>
        join.onRef('u.organisation_id', '=', 's.organisation_id').onRef('u.id', '=', 's.user_id'),
      )
      .select([
        's.id',
        's.token_hash',
        's.csrf_token',
        's.created_at',
        's.last_seen_at',
        'u.id as user_id',
        'u.role',
        'u.display_name',
        'u.email',
        'u.totp_enabled_at',
        'u.disabled_at',
      ])
      .where('s.organisation_id', '=', organisationId)
      .where('s.token_hash', '=', tokenHash)
      .where('s.ended_at', 'is', null),
);

/**
 * Finds the live session behind a cookie, or null. The user's role and status are read afresh on
 * every request, so a disabled account or a changed role takes effect at once (check 5); idle and
 * absolute limits end the session (check 4).
 */
export async function resolveSession(
  db: Db,
  cookieValue: string,
  limits: SessionLimits,
  sourceAddress: string | null,
): Promise<ResolvedSession | null> {
  const parsed = parseCookieValue(cookieValue);
  if (!parsed) {
    return null;
  }
  const row = (
    await db.executeQuery<SessionRow>(
      sessionStatement.compile('session', {
        organisationId: parsed.organisationId,
        tokenHash: digest(parsed.token),
      }),
    )
  ).rows[0];
  if (!row) {
    return null;
  }
  const now = Date.now();
  const expiresAt = new Date(row.created_at.getTime() + limits.absoluteHours * 3_600_000);
  const idleSince = now - row.last_seen_at.getTime();
  const ending: SessionEndReason | null = row.disabled_at
    ? 'disabled'
    : now >= expiresAt.getTime()
      ? 'expired'
      : idleSince >= limits.idleMinutes * 60_000
        ? 'idle'
        : null;
  if (ending) {
    await endSessionById(db, parsed.organisationId, row.id, ending);
    return null;
  }
  // Touch at most once a minute: the idle limit is kept to the minute without a write per request.
  if (idleSince > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('organisation_id', '=', parsed.organisationId)
      .where('id', '=', row.id)
      .execute();
  }
  return {
    actor: {
      organisationId: parsed.organisationId,
      userId: row.user_id,
      role: row.role,
      displayName: row.display_name,
      sessionId: row.id,
      sourceAddress,
    },
    csrfToken: row.csrf_token,
    email: row.email,
    secondFactorEnabled: row.totp_enabled_at !== null,
    createdAt: row.created_at,
    expiresAt,
  };
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) {
    return false;
  }
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function endSessionById(
  db: Queryable,
  organisationId: string,
  sessionId: string,
  reason: SessionEndReason,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: new Date(), ended_reason: reason })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every open session of a user except, optionally, one (check 7). Returns how many ended. */
export async function endSessionsOfUser(
  db: Queryable,
  organisationId: string,
  userId: string,
  reason: SessionEndReason,
  except: string | null = null,
): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ ended_at: new Date(), ended_reason: reason })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (except) {
    query = query.where('id', '<>', except);
  }
  const result = await query.executeTakeFirst();
  // A calendar link is a standing credential too: whenever sessions end because the account may
  // be at risk (disabled, password changed with "sign out everywhere", other devices signed out),
  // it stops as well. The user can make a new one.
  await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  return Number(result.numUpdatedRows);
}

export async function listOpenSessions(db: Queryable, actor: Actor, limits: SessionLimits): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'user_agent'])
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId)
    .where('ended_at', 'is', null)
    .where('created_at', '>', new Date(Date.now() - limits.absoluteHours * 3_600_000))
    .where('last_seen_at', '>', new Date(Date.now() - limits.idleMinutes * 60_000))
    .orderBy('last_seen_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    userAgent: row.user_agent,
    current: row.id === actor.sessionId,
  }));
}
