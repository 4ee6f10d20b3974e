import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Party } from '../../domain/commitments.js';
import {
  diffPlans,
  type GoalView,
  type NewGoal,
  type NewGoalStep,
  type PlanChange,
  type PlanGoal,
  type PlanParticipant,
  type PlanSnapshot,
} from '../../domain/plans.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { insertCommitment } from '../commitments/commitments.js';
import { resolveParty } from '../commitments/parties.js';
import type { Db, Queryable, Tx } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { readFromPerson, writeToPerson } from '../people/person-scope.js';

type StepRow = GoalView['steps'][number];

/** Goals with their steps (owners named), progress and milestones — one query. */
async function selectGoals(tx: Queryable, actor: Actor, personId: string, goalId?: string): Promise<GoalView[]> {
  let query = tx
    .selectFrom('goals as g')
    .selectAll('g')
    .select(
      sql<StepRow[]>`(
        select coalesce(json_agg(json_build_object(
          'id', s.id, 'text', s.text,
          'owner', json_build_object('kind', s.owner_kind, 'userId', s.owner_user_id, 'memberId', s.owner_member_id,
            'name', coalesce(s.owner_name, u.display_name, m.name)),
          'dueOn', s.due_on, 'doneOn', s.done_on, 'commitmentId', s.commitment_id
        ) order by s.position), '[]'::json)
        from goal_steps s
        left join users u on u.organisation_id = s.organisation_id and u.id = s.owner_user_id
        left join network_members m on m.organisation_id = s.organisation_id and m.id = s.owner_member_id
        where s.organisation_id = g.organisation_id and s.goal_id = g.id)`.as('steps'),
    )
    .select(
      sql<GoalView['progress']>`(
        select coalesce(json_agg(json_build_object('score', r.score, 'ratedOn', r.rated_on, 'comment', r.comment)
          order by r.rated_on, r.recorded_at), '[]'::json)
        from goal_progress r where r.organisation_id = g.organisation_id and r.goal_id = g.id)`.as('progress'),
    )
    .select(
      sql<GoalView['milestones']>`(
        select coalesce(json_agg(json_build_object('id', x.id, 'text', x.text, 'reachedOn', x.reached_on, 'message', x.message)
          order by x.reached_on), '[]'::json)
        from goal_milestones x where x.organisation_id = g.organisation_id and x.goal_id = g.id)`.as('milestones'),
    )
    .where('g.organisation_id', '=', actor.organisationId)
    .where('g.person_id', '=', personId);
  if (goalId) {
    query = query.where('g.id', '=', goalId);
  }
  const rows = await query.orderBy('g.created_at').limit(200).execute();
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    inTheirWords: row.in_their_words,
    saidBy: row.said_by,
    saidOn: row.said_on,
    whyItMatters: row.why_it_matters,
    strengths: row.strengths,
    status: row.status,
    steps: row.steps,
    progress: row.progress,
    milestones: row.milestones,
    createdAt: row.created_at.toISOString(),
  }));
}

async function requireGoal(tx: Tx, actor: Actor, personId: string, goalId: string): Promise<void> {
  const found = await tx
    .selectFrom('goals')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .where('person_id', '=', personId)
    .where('id', '=', goalId)
    .forUpdate()
    .executeTakeFirst();
  if (!found) {
    throw notFound('goal on this record');
  }
}

/**
 * Adds a step with its owner (a member of this person's network, a colleague, another
 * professional, or the person). A dated step owed to the person — by anyone but the person — is
 * also a promise in the ledger, made to the person, so it is reminded and counted like any other.
 */
async function insertStep(
  tx: Tx,
  actor: Actor,
  personId: string,
  goalId: string,
  step: NewGoalStep,
  position: number,
  field: string,
): Promise<string> {
  const owner = await resolveParty(tx, actor, personId, step.owner, field ? `${field}.owner` : 'owner');
  let commitmentId: string | null = null;
  if (step.dueOn && owner.kind !== 'person') {
    commitmentId = await insertCommitment(
      tx,
      actor,
      personId,
      { by: step.owner, to: { kind: 'person' }, what: step.text, dueOn: step.dueOn },
      null,
      field,
    );
  }
  const id = randomUUID();
  await tx
    .insertInto('goal_steps')
    .values({
      organisation_id: actor.organisationId,
      id,
      goal_id: goalId,
      text: step.text,
      owner_kind: owner.kind,
      owner_user_id: owner.userId,
      owner_member_id: owner.memberId,
      owner_name: owner.name,
      due_on: step.dueOn ?? null,
      commitment_id: commitmentId,
      position,
      created_by: actor.userId,
    })
    .execute();
  return id;
}

export async function listGoals(db: Db, actor: Actor, personId: string): Promise<GoalView[]> {
  return readFromPerson(db, actor, personId, 'person.goals.read', async (tx) => {
    const goals = await selectGoals(tx, actor, personId);
    await recordAudit(tx, actor, {
      action: 'person.goals.read',
      recordType: 'person',
      recordId: personId,
      personId,
      details: { shown: goals.length },
    });
    return goals;
  });
}

/** A goal in the person's own words, with its first steps, in one transaction. */
export async function createGoal(db: Db, actor: Actor, personId: string, input: NewGoal): Promise<GoalView> {
  return writeToPerson(db, actor, personId, 'goal.create', async (tx) => {
    const id = randomUUID();
    await tx
      .insertInto('goals')
      .values({
        organisation_id: actor.organisationId,
        id,
        person_id: personId,
        in_their_words: input.inTheirWords,
        said_by: input.saidBy,
        said_on: input.saidOn,
        why_it_matters: input.whyItMatters ?? null,
        strengths: input.strengths,
        created_by: actor.userId,
      })
      .execute();
    for (const [index, step] of input.steps.entries()) {
      await insertStep(tx, actor, personId, id, step, index, `steps.${index}`);
    }
    await recordAudit(tx, actor, {
      action: 'goal.create',
      recordType: 'goal',
      recordId: id,
      personId,
      details: { steps: input.steps.length },
    });
    return (await selectGoals(tx, actor, personId, id))[0]!;
  });
}

export async function addStep(
  db: Db,
  actor: Actor,
  personId: string,
  goalId: string,
  step: NewGoalStep,
): Promise<GoalView> {
  return writeToPerson(db, actor, personId, 'goal.step.add', async (tx) => {
    await requireGoal(tx, actor, personId, goalId);
    const { n } = await tx
      .selectFrom('goal_steps')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', actor.organisationId)
      .where('goal_id', '=', goalId)
      .executeTakeFirstOrThrow();
    const stepId = await insertStep(tx, actor, personId, goalId, step, Number(n), '');
    await recordAudit(tx, actor, {
      action: 'goal.step.add',
      recordType: 'goal',
      recordId: goalId,
      personId,
      details: { stepId },
    });
    return (await selectGoals(tx, actor, personId, goalId))[0]!;
  });
}

/** The person rates their own progress towards their goal, 0 to 10. */
export async function rateProgress(
  db: Db,
  actor: Actor,
  personId: string,
  goalId: string,
  input: { score: number; ratedOn: string; comment?: string | undefined },
): Promise<GoalView> {
  return writeToPerson(db, actor, personId, 'goal.progress', async (tx) => {
    await requireGoal(tx, actor, personId, goalId);
    await tx
      .insertInto('goal_progress')
      .values({
        organisation_id: actor.organisationId,
        id: randomUUID(),
        goal_id: goalId,
        score: input.score,
        rated_on: input.ratedOn,
        comment: input.comment ?? null,
        recorded_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'goal.progress',
      recordType: 'goal',
      recordId: goalId,
      personId,
      details: { score: input.score },
    });
    return (await selectGoals(tx, actor, personId, goalId))[0]!;
  });
}

/** A milestone reached: marked on the plan and the brief; a short message for the person. */
export async function addMilestone(
  db: Db,
  actor: Actor,
  personId: string,
  goalId: string,
  input: { text: string; reachedOn: string; message?: string | undefined },
): Promise<GoalView> {
  return writeToPerson(db, actor, personId, 'goal.milestone', async (tx) => {
    await requireGoal(tx, actor, personId, goalId);
    await tx
      .insertInto('goal_milestones')
      .values({
        organisation_id: actor.organisationId,
        id: randomUUID(),
        goal_id: goalId,
        text: input.text,
        reached_on: input.reachedOn,
        message: input.message ?? null,
        recorded_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, { action: 'goal.milestone', recordType: 'goal', recordId: goalId, personId });
    return (await selectGoals(tx, actor, personId, goalId))[0]!;
  });
}

function ownerAsParty(owner: StepRow['owner']): Party {
  switch (owner.kind) {
    case 'practitioner':
      return owner.userId ? { kind: 'practitioner', userId: owner.userId } : { kind: 'practitioner' };
    case 'person':
      return { kind: 'person' };
    case 'network_member':
      return { kind: 'network_member', memberId: owner.memberId! };
    case 'other_professional':
      return { kind: 'other_professional', name: owner.name ?? '' };
  }
}

function snapshotOf(goals: GoalView[]): PlanGoal[] {
  return goals
    .filter((goal) => goal.status === 'active')
    .map((goal) => ({
      id: goal.id,
      inTheirWords: goal.inTheirWords,
      whyItMatters: goal.whyItMatters,
      strengths: goal.strengths,
      steps: goal.steps.map((step) => ({
        id: step.id,
        text: step.text,
        owner: ownerAsParty(step.owner),
        dueOn: step.dueOn,
        done: step.doneOn !== null,
      })),
    }));
}

export interface PlanVersion {
  id: string;
  number: number;
  agreedOn: string;
  participants: PlanParticipant[];
  goals: PlanGoal[];
  recordedBy: string;
  recordedAt: string;
}

async function selectPlanVersions(tx: Queryable, actor: Actor, personId: string): Promise<PlanVersion[]> {
  const rows = await tx
    .selectFrom('plan_versions')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('person_id', '=', personId)
    .orderBy('number', 'desc')
    .limit(100)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    agreedOn: row.agreed_on,
    participants: row.participants as PlanParticipant[],
    goals: (row.snapshot as PlanSnapshot).goals,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
  }));
}

/** The plan as agreed today (or on a date): the current goals and steps, who took part, who agreed. */
export async function recordPlanVersion(
  db: Db,
  actor: Actor,
  personId: string,
  input: { agreedOn: string; participants: PlanParticipant[] },
): Promise<PlanVersion> {
  return writeToPerson(db, actor, personId, 'plan.version', async (tx) => {
    const goals = snapshotOf(await selectGoals(tx, actor, personId));
    const { latest } = await tx
      .selectFrom('plan_versions')
      .select((eb) => eb.fn.max('number').as('latest'))
      .where('organisation_id', '=', actor.organisationId)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    const number = (latest ?? 0) + 1;
    const snapshot: PlanSnapshot = { agreedOn: input.agreedOn, participants: input.participants, goals };
    const id = randomUUID();
    await tx
      .insertInto('plan_versions')
      .values({
        organisation_id: actor.organisationId,
        id,
        person_id: personId,
        number,
        agreed_on: input.agreedOn,
        participants: JSON.stringify(input.participants),
        snapshot: JSON.stringify(snapshot),
        recorded_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'plan.version',
      recordType: 'plan_version',
      recordId: id,
      personId,
      details: { number, goals: goals.length, dissent: input.participants.filter((p) => !p.agreed).length },
    });
    return (await selectPlanVersions(tx, actor, personId)).find((version) => version.id === id)!;
  });
}

export async function listPlanVersions(db: Db, actor: Actor, personId: string): Promise<PlanVersion[]> {
  return readFromPerson(db, actor, personId, 'person.plans.read', async (tx) => {
    const versions = await selectPlanVersions(tx, actor, personId);
    await recordAudit(tx, actor, { action: 'person.plans.read', recordType: 'person', recordId: personId, personId });
    return versions;
  });
}

/** What changed between two agreed versions of the plan. */
export async function diffPlanVersions(
  db: Db,
  actor: Actor,
  personId: string,
  from: number,
  to: number,
): Promise<{ from: number; to: number; changes: PlanChange[] }> {
  return readFromPerson(db, actor, personId, 'person.plans.read', async (tx) => {
    const versions = await selectPlanVersions(tx, actor, personId);
    const before = versions.find((version) => version.number === from);
    const after = versions.find((version) => version.number === to);
    if (!before || !after) {
      throw notFound('plan version on this record');
    }
    await recordAudit(tx, actor, {
      action: 'person.plans.diff',
      recordType: 'person',
      recordId: personId,
      personId,
      details: { from, to },
    });
    return {
      from,
      to,
      changes: diffPlans(
        { agreedOn: before.agreedOn, participants: before.participants, goals: before.goals },
        { agreedOn: after.agreedOn, participants: after.participants, goals: after.goals },
      ),
    };
  });
}
