import { randomUUID } from 'node:crypto';
import type { Colleague, CreateStaffRequest, StaffMember, Team, UpdateStaffRequest } from '../../domain/staff.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { endSessionsOfUser } from '../auth/sessions.js';
import { ensureShippedInstruments } from '../checkins/checkins.js';
import type { Db, Queryable, Tx } from '../db/database.js';
import { AppError, forbidden, invalid, notFound } from '../http/errors.js';
import type { Role } from '../../domain/roles.js';

function requireAdministrator(actor: Actor): void {
  if (actor.role !== 'administrator') {
    throw forbidden('Only administrators manage staff and teams.');
  }
}

export async function createOrganisation(db: Queryable, name: string, isDemo = false): Promise<string> {
  const id = randomUUID();
  await db.insertInto('organisations').values({ id, name, is_demo: isDemo }).execute();
  // Rapport's own check-in instruments come with every organisation.
  await ensureShippedInstruments(db, id);
  return id;
}

/** Inserts a member of staff and their sign-in name; no audit (callers add theirs). */
export async function insertStaff(
  tx: Tx,
  organisationId: string,
  input: { email: string; displayName: string; role: Role; passwordHash: string; teamIds?: string[] },
): Promise<string> {
  const id = randomUUID();
  const email = input.email.trim().toLowerCase();
  const taken = await tx.selectFrom('sign_in_directory').select('email').where('email', '=', email).executeTakeFirst();
  if (taken) {
    throw invalid('email', 'Someone already signs in with this email address');
  }
  await tx
    .insertInto('users')
    .values({
      organisation_id: organisationId,
      id,
      email,
      display_name: input.displayName,
      role: input.role,
      password_hash: input.passwordHash,
    })
    .execute();
  await tx.insertInto('sign_in_directory').values({ email, organisation_id: organisationId, user_id: id }).execute();
  await setTeams(tx, organisationId, id, input.teamIds ?? []);
  return id;
}

async function setTeams(tx: Tx, organisationId: string, userId: string, teamIds: string[]): Promise<void> {
  const unique = [...new Set(teamIds)];
  if (unique.length > 0) {
    const found = await tx
      .selectFrom('teams')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', unique)
      .execute();
    if (found.length !== unique.length) {
      throw invalid('teamIds', 'One of these teams does not exist');
    }
  }
  await tx
    .deleteFrom('team_members')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
  if (unique.length > 0) {
    await tx
      .insertInto('team_members')
      .values(unique.map((teamId) => ({ organisation_id: organisationId, team_id: teamId, user_id: userId })))
      .execute();
  }
}

export async function listStaff(db: Db, actor: Actor): Promise<StaffMember[]> {
  requireAdministrator(actor);
  const rows = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.display_name', 'u.role', 'u.disabled_at', 'u.totp_enabled_at'])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('team_members as tm')
            .select((inner) => inner.fn.agg<string[]>('array_agg', ['tm.team_id']).as('ids'))
            .whereRef('tm.organisation_id', '=', 'u.organisation_id')
            .whereRef('tm.user_id', '=', 'u.id'),
          eb.val<string[]>([]),
        )
        .as('team_ids'),
    )
    .where('u.organisation_id', '=', actor.organisationId)
    .orderBy('u.display_name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    teamIds: row.team_ids,
    disabled: row.disabled_at !== null,
    secondFactorEnabled: row.totp_enabled_at !== null,
  }));
}

export async function createStaff(db: Db, actor: Actor, input: CreateStaffRequest): Promise<StaffMember> {
  requireAdministrator(actor);
  checkPasswordPolicy(input.initialPassword, 'initialPassword', { email: input.email });
  const passwordHash = await hashPassword(input.initialPassword);
  const id = await db.transaction().execute(async (tx) => {
    const userId = await insertStaff(tx, actor.organisationId, { ...input, passwordHash });
    await recordAudit(tx, actor, {
      action: 'staff.create',
      kind: 'security',
      recordType: 'user',
      recordId: userId,
      details: { role: input.role },
    });
    return userId;
  });
  return (await listStaff(db, actor)).find((member) => member.id === id)!;
}

/**
 * Changes a colleague's name, role, teams or status. Disabling ends their sessions at once; a
 * changed role applies to their very next request, because sessions read the role afresh (check 5).
 */
export async function updateStaff(
  db: Db,
  actor: Actor,
  userId: string,
  input: UpdateStaffRequest,
): Promise<StaffMember> {
  requireAdministrator(actor);
  if (userId === actor.userId && (input.disabled === true || (input.role && input.role !== 'administrator'))) {
    throw new AppError(
      'conflict',
      'You cannot disable yourself or remove your own administrator role. Ask another administrator.',
    );
  }
  await db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('users')
      .select(['role', 'disabled_at'])
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) {
      throw notFound('member of staff');
    }
    const changes: { display_name?: string; role?: Role; disabled_at?: Date | null; updated_at: Date } = {
      updated_at: new Date(),
    };
    if (input.displayName !== undefined) {
      changes.display_name = input.displayName;
    }
    if (input.role !== undefined) {
      changes.role = input.role;
    }
    if (input.disabled !== undefined) {
      changes.disabled_at = input.disabled ? (current.disabled_at ?? new Date()) : null;
    }
    await tx
      .updateTable('users')
      .set(changes)
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', userId)
      .execute();
    if (input.teamIds !== undefined) {
      await setTeams(tx, actor.organisationId, userId, input.teamIds);
    }
    if (input.disabled === true) {
      await endSessionsOfUser(tx, actor.organisationId, userId, 'disabled');
    }
    await recordAudit(tx, actor, {
      action: 'staff.update',
      kind: 'security',
      recordType: 'user',
      recordId: userId,
      details: {
        fields: Object.keys(input).filter((key) => input[key as keyof UpdateStaffRequest] !== undefined),
        ...(input.role ? { role: input.role } : {}),
      },
    });
  });
  return (await listStaff(db, actor)).find((member) => member.id === userId)!;
}

export async function listTeams(db: Db, actor: Actor): Promise<Team[]> {
  if (actor.role === 'practitioner') {
    throw forbidden('Only supervisors, managers and administrators see the list of teams.');
  }
  const rows = await db
    .selectFrom('teams as t')
    .select(['t.id', 't.name'])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('team_members as tm')
            .select((inner) => inner.fn.agg<string[]>('array_agg', ['tm.user_id']).as('ids'))
            .whereRef('tm.organisation_id', '=', 't.organisation_id')
            .whereRef('tm.team_id', '=', 't.id'),
          eb.val<string[]>([]),
        )
        .as('member_ids'),
    )
    .where('t.organisation_id', '=', actor.organisationId)
    .orderBy('t.name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, memberIds: row.member_ids }));
}

export async function createTeam(db: Db, actor: Actor, name: string): Promise<Team> {
  requireAdministrator(actor);
  const id = randomUUID();
  await db.transaction().execute(async (tx) => {
    const clash = await tx
      .selectFrom('teams')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('name', '=', name)
      .executeTakeFirst();
    if (clash) {
      throw invalid('name', 'There is already a team with this name');
    }
    await tx.insertInto('teams').values({ organisation_id: actor.organisationId, id, name }).execute();
    await recordAudit(tx, actor, { action: 'team.create', kind: 'security', recordType: 'team', recordId: id });
  });
  return { id, name, memberIds: [] };
}

/**
 * Colleagues a supervisor or manager may allocate people to: a supervisor's own teams, or the
 * whole organisation for a manager. Names and roles only.
 */
export async function listColleagues(db: Db, actor: Actor): Promise<Colleague[]> {
  if (actor.role !== 'supervisor' && actor.role !== 'manager') {
    throw forbidden('Only supervisors and managers allocate people.');
  }
  let query = db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name', 'u.role'])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('team_members as tm')
            .select((inner) => inner.fn.agg<string[]>('array_agg', ['tm.team_id']).as('ids'))
            .whereRef('tm.organisation_id', '=', 'u.organisation_id')
            .whereRef('tm.user_id', '=', 'u.id'),
          eb.val<string[]>([]),
        )
        .as('team_ids'),
    )
    .where('u.organisation_id', '=', actor.organisationId)
    .where('u.disabled_at', 'is', null)
    .where('u.role', 'in', ['practitioner', 'supervisor']);
  if (actor.role === 'supervisor') {
    query = query.where((eb) =>
      eb.or([
        eb('u.id', '=', actor.userId),
        eb.exists(
          eb
            .selectFrom('team_members as theirs')
            .innerJoin('team_members as mine', (join) =>
              join
                .onRef('mine.organisation_id', '=', 'theirs.organisation_id')
                .onRef('mine.team_id', '=', 'theirs.team_id'),
            )
            .select('theirs.user_id')
            .whereRef('theirs.organisation_id', '=', 'u.organisation_id')
            .whereRef('theirs.user_id', '=', 'u.id')
            .where('mine.user_id', '=', actor.userId),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('u.display_name').execute();
  return rows.map((row) => ({ id: row.id, displayName: row.display_name, role: row.role, teamIds: row.team_ids }));
}
