import { describe, expect, it } from 'vitest';
import { diffPlans, planParticipant, progressRating, type PlanGoal, type PlanSnapshot } from './plans.js';

const goal = (overrides: Partial<PlanGoal> = {}): PlanGoal => ({
  id: '00000000-0000-4000-8000-000000000001',
  inTheirWords: 'I want to get back to college in September',
  whyItMatters: 'So I can be a nurse like my aunt',
  strengths: ['Determined', 'Good with people'],
  steps: [
    {
      id: '00000000-0000-4000-8000-0000000000a1',
      text: 'Ring the college admissions office',
      owner: { kind: 'person' },
      dueOn: '2026-12-05',
      done: false,
    },
    {
      id: '00000000-0000-4000-8000-0000000000a2',
      text: 'Find out about the bursary',
      owner: { kind: 'practitioner' },
      dueOn: '2026-12-10',
      done: false,
    },
  ],
  ...overrides,
});

const plan = (overrides: Partial<PlanSnapshot> = {}): PlanSnapshot => ({
  agreedOn: '2026-11-01',
  participants: [
    { name: 'Amara', role: 'Amara', agreed: true },
    { name: 'Grace Okonkwo', role: "Amara's grandmother", agreed: true },
  ],
  goals: [goal()],
  ...overrides,
});

describe('plan version differences', () => {
  it('nothing changed: no differences', () => {
    expect(diffPlans(plan(), plan())).toEqual([]);
  });

  it('a reworded goal is a change, not a removal and an addition', () => {
    const after = plan({ goals: [goal({ inTheirWords: 'I want to start college in January' })] });
    expect(diffPlans(plan(), after)).toEqual([
      {
        kind: 'goal_changed',
        goalId: goal().id,
        field: 'inTheirWords',
        before: 'I want to get back to college in September',
        after: 'I want to start college in January',
      },
    ]);
  });

  it('steps done, moved, handed to someone else, added and removed', () => {
    const [ring, bursary] = goal().steps as [PlanGoal['steps'][number], PlanGoal['steps'][number]];
    const after = plan({
      goals: [
        goal({
          steps: [
            { ...ring, done: true },
            { ...bursary, dueOn: '2026-12-17', owner: { kind: 'other_professional', name: 'College welfare officer' } },
            {
              id: '00000000-0000-4000-8000-0000000000a3',
              text: 'Visit the campus together',
              owner: { kind: 'person' },
              dueOn: null,
              done: false,
            },
          ],
        }),
      ],
    });
    expect(diffPlans(plan(), after)).toEqual([
      { kind: 'step_changed', goalId: goal().id, stepId: ring.id, field: 'done', before: 'false', after: 'true' },
      {
        kind: 'step_changed',
        goalId: goal().id,
        stepId: bursary.id,
        field: 'owner',
        before: 'practitioner',
        after: 'other_professional:College welfare officer',
      },
      {
        kind: 'step_changed',
        goalId: goal().id,
        stepId: bursary.id,
        field: 'dueOn',
        before: '2026-12-10',
        after: '2026-12-17',
      },
      {
        kind: 'step_added',
        goalId: goal().id,
        stepId: '00000000-0000-4000-8000-0000000000a3',
        text: 'Visit the campus together',
      },
    ]);
    expect(diffPlans(after, plan()).filter((c) => c.kind === 'step_removed')).toHaveLength(1);
  });

  it('goals added (with their steps) and removed', () => {
    const second = goal({ id: '00000000-0000-4000-8000-000000000002', inTheirWords: 'Sleep better', steps: [] });
    expect(diffPlans(plan(), plan({ goals: [goal(), second] }))).toEqual([
      { kind: 'goal_added', goalId: second.id, text: 'Sleep better' },
    ]);
    expect(diffPlans(plan(), plan({ goals: [second] })).map((c) => c.kind)).toEqual(['goal_removed', 'goal_added']);
  });

  it('who took part, who agreed, and dissent in their words', () => {
    const after = plan({
      participants: [
        { name: 'Amara', role: 'Amara', agreed: true },
        {
          name: 'Grace Okonkwo',
          role: "Amara's grandmother",
          agreed: false,
          dissent: 'January is too soon after the move.',
        },
        { name: 'Sam Taylor', role: 'Key worker', agreed: true },
      ],
    });
    expect(diffPlans(plan(), after)).toEqual([
      { kind: 'participant_changed', name: 'Grace Okonkwo', field: 'agreed', before: 'true', after: 'false' },
      {
        kind: 'participant_changed',
        name: 'Grace Okonkwo',
        field: 'dissent',
        before: '',
        after: 'January is too soon after the move.',
      },
      { kind: 'participant_added', name: 'Sam Taylor' },
    ]);
  });
});

describe('plan participants and progress', () => {
  it('someone who did not agree has their dissent recorded', () => {
    const result = planParticipant.safeParse({ name: 'Grace', role: 'Grandmother', agreed: false });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['dissent']);
  });

  it.each([
    [{ score: 0, ratedOn: '2026-01-01' }, true],
    [{ score: 10, ratedOn: '2026-01-01' }, true],
    [{ score: 11, ratedOn: '2026-01-01' }, false],
    [{ score: -1, ratedOn: '2026-01-01' }, false],
    [{ score: 5.5, ratedOn: '2026-01-01' }, false],
    [{ score: 5, ratedOn: '2999-01-01' }, false],
  ])('progress %j valid: %s', (input, valid) => {
    expect(progressRating.safeParse(input).success).toBe(valid);
  });
});
