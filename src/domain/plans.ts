import { z } from 'zod';
import { party } from './commitments.js';
import { calendarDate, pastOrToday, todayIso } from './dates.js';
import { lineOfText, paragraphOfText } from './text.js';

/**
 * Goals and plans (issue 5): a goal in the person's own words, why it matters to them, the strengths
 * they will use, and steps each with an owner; a plan version is the plan as agreed on a date, with
 * who took part, who agreed, and any dissent in that person's own words.
 */

export const goalStep = z
  .object({
    id: z.uuid(),
    text: lineOfText({ max: 300 }),
    /** Who will do it: the person, the practitioner, a network member, another professional. */
    owner: party,
    dueOn: calendarDate.nullable(),
    done: z.boolean(),
  })
  .strict();
export type GoalStep = z.infer<typeof goalStep>;

export const goalInput = z
  .object({
    /** In the person's own words: quoted as they said it. */
    inTheirWords: paragraphOfText({ max: 1000 }),
    saidBy: lineOfText({ max: 120 }),
    saidOn: pastOrToday,
    whyItMatters: paragraphOfText({ max: 1000 }).optional(),
    strengths: z
      .array(lineOfText({ max: 200 }))
      .max(20)
      .default([]),
  })
  .strict();

export interface PlanGoal {
  id: string;
  inTheirWords: string;
  whyItMatters: string | null;
  strengths: string[];
  steps: GoalStep[];
}

export const planParticipant = z
  .object({
    name: lineOfText({ max: 120 }),
    /** "Amara", "Amara's grandmother", "School nurse", "Sam (key worker)". */
    role: lineOfText({ max: 120 }),
    agreed: z.boolean(),
    /** Disagreement, recorded in their words: it stays on the plan. */
    dissent: paragraphOfText({ max: 1000 }).optional(),
  })
  .strict()
  .refine((participant) => participant.agreed || participant.dissent !== undefined, {
    message: 'Record what they did not agree with, in their words',
    path: ['dissent'],
  });
export type PlanParticipant = z.infer<typeof planParticipant>;

export interface PlanSnapshot {
  agreedOn: string;
  participants: PlanParticipant[];
  goals: PlanGoal[];
}

export type PlanChange =
  | { kind: 'goal_added'; goalId: string; text: string }
  | { kind: 'goal_removed'; goalId: string; text: string }
  | {
      kind: 'goal_changed';
      goalId: string;
      field: 'inTheirWords' | 'whyItMatters' | 'strengths';
      before: string;
      after: string;
    }
  | { kind: 'step_added'; goalId: string; stepId: string; text: string }
  | { kind: 'step_removed'; goalId: string; stepId: string; text: string }
  | {
      kind: 'step_changed';
      goalId: string;
      stepId: string;
      field: 'text' | 'owner' | 'dueOn' | 'done';
      before: string;
      after: string;
    }
  | { kind: 'participant_added'; name: string }
  | { kind: 'participant_removed'; name: string }
  | { kind: 'participant_changed'; name: string; field: 'role' | 'agreed' | 'dissent'; before: string; after: string };

function ownerText(owner: GoalStep['owner']): string {
  switch (owner.kind) {
    case 'practitioner':
      return owner.userId ? `practitioner:${owner.userId}` : 'practitioner';
    case 'person':
      return 'person';
    case 'network_member':
      return `network_member:${owner.memberId}`;
    case 'other_professional':
      return `other_professional:${owner.name}`;
  }
}

const text = (value: string | boolean | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/**
 * What changed between two agreed versions of a plan, goal by goal and step by step (matched by
 * id, so a reworded goal shows as changed, not as removed and added), then who took part.
 */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot): PlanChange[] {
  const changes: PlanChange[] = [];
  const oldGoals = new Map(before.goals.map((goal) => [goal.id, goal]));
  const newGoals = new Map(after.goals.map((goal) => [goal.id, goal]));

  for (const goal of before.goals) {
    if (!newGoals.has(goal.id)) {
      changes.push({ kind: 'goal_removed', goalId: goal.id, text: goal.inTheirWords });
    }
  }
  for (const goal of after.goals) {
    const old = oldGoals.get(goal.id);
    if (!old) {
      changes.push({ kind: 'goal_added', goalId: goal.id, text: goal.inTheirWords });
      for (const step of goal.steps) {
        changes.push({ kind: 'step_added', goalId: goal.id, stepId: step.id, text: step.text });
      }
      continue;
    }
    const fields = [
      ['inTheirWords', old.inTheirWords, goal.inTheirWords],
      ['whyItMatters', text(old.whyItMatters), text(goal.whyItMatters)],
      ['strengths', old.strengths.join('; '), goal.strengths.join('; ')],
    ] as const;
    for (const [field, was, now] of fields) {
      if (was !== now) {
        changes.push({ kind: 'goal_changed', goalId: goal.id, field, before: was, after: now });
      }
    }
    const oldSteps = new Map(old.steps.map((step) => [step.id, step]));
    const newStepIds = new Set(goal.steps.map((step) => step.id));
    for (const step of old.steps) {
      if (!newStepIds.has(step.id)) {
        changes.push({ kind: 'step_removed', goalId: goal.id, stepId: step.id, text: step.text });
      }
    }
    for (const step of goal.steps) {
      const was = oldSteps.get(step.id);
      if (!was) {
        changes.push({ kind: 'step_added', goalId: goal.id, stepId: step.id, text: step.text });
        continue;
      }
      const stepFields = [
        ['text', was.text, step.text],
        ['owner', ownerText(was.owner), ownerText(step.owner)],
        ['dueOn', text(was.dueOn), text(step.dueOn)],
        ['done', text(was.done), text(step.done)],
      ] as const;
      for (const [field, before, now] of stepFields) {
        if (before !== now) {
          changes.push({ kind: 'step_changed', goalId: goal.id, stepId: step.id, field, before, after: now });
        }
      }
    }
  }

  const oldPeople = new Map(before.participants.map((p) => [p.name, p]));
  const newNames = new Set(after.participants.map((p) => p.name));
  for (const participant of before.participants) {
    if (!newNames.has(participant.name)) {
      changes.push({ kind: 'participant_removed', name: participant.name });
    }
  }
  for (const participant of after.participants) {
    const was = oldPeople.get(participant.name);
    if (!was) {
      changes.push({ kind: 'participant_added', name: participant.name });
      continue;
    }
    const fields = [
      ['role', was.role, participant.role],
      ['agreed', text(was.agreed), text(participant.agreed)],
      ['dissent', text(was.dissent), text(participant.dissent)],
    ] as const;
    for (const [field, before, now] of fields) {
      if (before !== now) {
        changes.push({ kind: 'participant_changed', name: participant.name, field, before, after: now });
      }
    }
  }
  return changes;
}

/** A progress rating: the person scores their own goal, 0 (not started) to 10 (reached). */
export const progressRating = z
  .object({
    score: z.number().int('Use a whole number').min(0, 'Use 0 to 10').max(10, 'Use 0 to 10'),
    ratedOn: pastOrToday,
    /** What they said about it, if anything. */
    comment: paragraphOfText({ max: 1000 }).optional(),
  })
  .strict();

// --- requests and answers of the goals API ---

export const newGoalStep = z
  .object({
    text: lineOfText({ max: 300 }),
    owner: party,
    dueOn: calendarDate.refine((value) => value >= todayIso(), 'A step cannot be due in the past').optional(),
  })
  .strict();
export type NewGoalStep = z.infer<typeof newGoalStep>;

export const newGoal = goalInput.extend({ steps: z.array(newGoalStep).max(20).default([]) }).strict();
export type NewGoal = z.infer<typeof newGoal>;

export const newMilestone = z
  .object({
    text: lineOfText({ max: 300 }),
    reachedOn: pastOrToday,
    message: paragraphOfText({ max: 500 }).optional().describe('A short message to the person, to celebrate'),
  })
  .strict();

export const planVersionRequest = z
  .object({
    agreedOn: pastOrToday,
    participants: z.array(planParticipant).min(1, 'Say who took part').max(20),
  })
  .strict();

export const goalIdParams = z.object({ personId: z.uuid(), goalId: z.uuid() }).strict();
export const planDiffQuery = z
  .object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) })
  .strict();

const partyView = z.object({
  kind: z.enum(['practitioner', 'person', 'network_member', 'other_professional']),
  userId: z.uuid().nullable(),
  memberId: z.uuid().nullable(),
  name: z.string().nullable().describe('Who, in words: the colleague, member or professional'),
});

export const goalView = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    inTheirWords: z.string(),
    saidBy: z.string(),
    saidOn: calendarDate,
    whyItMatters: z.string().nullable(),
    strengths: z.array(z.string()),
    status: z.enum(['active', 'reached', 'set_aside']),
    steps: z.array(
      z.object({
        id: z.uuid(),
        text: z.string(),
        owner: partyView,
        dueOn: calendarDate.nullable(),
        doneOn: calendarDate.nullable(),
        commitmentId: z.uuid().nullable().describe('The promise in the ledger, when the step is owed to the person'),
      }),
    ),
    progress: z.array(z.object({ score: z.number().int(), ratedOn: calendarDate, comment: z.string().nullable() })),
    milestones: z.array(
      z.object({ id: z.uuid(), text: z.string(), reachedOn: calendarDate, message: z.string().nullable() }),
    ),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Goal' });
export type GoalView = z.infer<typeof goalView>;

export const planVersionView = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    agreedOn: calendarDate,
    participants: z.array(
      z.object({ name: z.string(), role: z.string(), agreed: z.boolean(), dissent: z.string().optional() }),
    ),
    goals: z.array(z.unknown()).describe('The goals and steps as agreed on that date'),
    recordedBy: z.uuid(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanVersion' });
