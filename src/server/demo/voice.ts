import { randomUUID } from 'node:crypto';
import { checkinAlerts, instrumentDefinition, scoreAnswers, type CheckinAlert } from '../../domain/instruments.js';
import type { PlanGoal, PlanParticipant } from '../../domain/plans.js';
import type { Tx } from '../db/database.js';
import type { SeededPerson } from './profiles.js';
import { generator } from './random.js';

/**
 * The person's own voice (issue 5): goals in their words with the progress they rated, a plan
 * agreed (some with a family member's dissent, in their words), and relationship check-ins every
 * few weeks — one person's latest with a drop, so the prompt to the practitioner shows on first
 * start.
 */

const day = 86_400_000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

const goalPool = [
  {
    words: 'I want to get back to college in September',
    why: 'So I can train to be a nurse like my aunt',
    strengths: ['Determined', 'Good with people'],
    steps: ['Ring the college admissions office', 'Visit the campus together'],
  },
  {
    words: 'I want my own flat, somewhere quiet',
    why: 'Somewhere my kids can stay at weekends',
    strengths: ['Good with money when things are calm', 'Keeps trying'],
    steps: ['Go to the housing drop-in', 'Sort out the bidding number'],
  },
  {
    words: 'I want to sleep through the night again',
    why: 'Everything is harder when I am tired',
    strengths: ['Knows what helps', 'Honest about bad days'],
    steps: ['Keep a sleep diary for two weeks', 'Talk to the GP about the tablets'],
  },
  {
    words: 'I want to make a friend at my new school',
    why: 'Lunchtimes are the worst bit',
    strengths: ['Funny', 'Brilliant at drawing'],
    steps: ['Try the after-school art club', 'Ask Maya to sit together at lunch'],
  },
  {
    words: 'I want to stop arguing with mum every morning',
    why: 'I hate leaving the house angry',
    strengths: ['Cares a lot about family', 'Says sorry first'],
    steps: ['Agree a morning plan together', 'Pack the bag the night before'],
  },
  {
    words: 'I want a job, even a few hours',
    why: 'I want to feel useful and have my own money',
    strengths: ['Reliable', 'Good with his hands'],
    steps: ['Write a CV together', 'Ask at the garden centre'],
  },
];

const milestones = ['Went to the first session', 'Filled in the form on my own', 'A whole week without a row'];

export async function seedVoice(tx: Tx, organisationId: string, people: readonly SeededPerson[]): Promise<void> {
  const supervisorsOf = async (practitionerId: string) =>
    (
      await tx
        .selectFrom('users as u')
        .innerJoin('team_members as mine', (join) =>
          join.onRef('mine.organisation_id', '=', 'u.organisation_id').onRef('mine.user_id', '=', 'u.id'),
        )
        .innerJoin('team_members as theirs', (join) =>
          join
            .onRef('theirs.organisation_id', '=', 'mine.organisation_id')
            .onRef('theirs.team_id', '=', 'mine.team_id'),
        )
        .select('u.id')
        .distinct()
        .where('u.organisation_id', '=', organisationId)
        .where('u.role', '=', 'supervisor')
        .where('theirs.user_id', '=', practitionerId)
        .execute()
    ).map((row) => row.id);
  const instrumentRow = await tx
    .selectFrom('instruments')
    .select(['id', 'definition'])
    .where('organisation_id', '=', organisationId)
    .where('key', '=', 'rapport-relationship')
    .executeTakeFirstOrThrow();
  const relationship = instrumentDefinition.parse(instrumentRow.definition);
  const now = Date.now();

  for (const [index, person] of people.entries()) {
    const random = generator(index * 7_919 + 11);
    const firstName = person.fullName.split(' ')[0]!;
    const worker = person.recordedBy;

    // One goal each (two for some), in their words, with the progress they rated over time.
    const goals: PlanGoal[] = [];
    for (let g = 0; g < (index % 3 === 0 ? 2 : 1); g += 1) {
      const chosen = goalPool[(index + g * 2) % goalPool.length]!;
      const goalId = randomUUID();
      const setOn = now - random.between(70, 110) * day;
      await tx
        .insertInto('goals')
        .values({
          organisation_id: organisationId,
          id: goalId,
          person_id: person.id,
          in_their_words: chosen.words,
          said_by: firstName,
          said_on: isoDate(setOn),
          why_it_matters: chosen.why,
          strengths: chosen.strengths,
          created_by: worker,
          created_at: new Date(setOn),
        })
        .execute();
      const steps = chosen.steps.map((text, position) => ({
        id: randomUUID(),
        text,
        owner: position === 0 ? ({ kind: 'person' } as const) : ({ kind: 'practitioner', userId: worker } as const),
        done: position === 0 && random.chance(0.6),
      }));
      for (const [position, step] of steps.entries()) {
        await tx
          .insertInto('goal_steps')
          .values({
            organisation_id: organisationId,
            id: step.id,
            goal_id: goalId,
            text: step.text,
            owner_kind: step.owner.kind,
            owner_user_id: step.owner.kind === 'practitioner' ? worker : null,
            position,
            done_on: step.done ? isoDate(now - random.between(5, 30) * day) : null,
            created_by: worker,
          })
          .execute();
      }
      let score = random.between(1, 3);
      for (let daysAgo = Math.floor((now - setOn) / day); daysAgo > 3; daysAgo -= random.between(18, 30)) {
        await tx
          .insertInto('goal_progress')
          .values({
            organisation_id: organisationId,
            id: randomUUID(),
            goal_id: goalId,
            score,
            rated_on: isoDate(now - daysAgo * day),
            recorded_by: worker,
          })
          .execute();
        score = Math.min(10, Math.max(0, score + random.pick([-1, 1, 1, 2])));
      }
      if (score >= 5) {
        await tx
          .insertInto('goal_milestones')
          .values({
            organisation_id: organisationId,
            id: randomUUID(),
            goal_id: goalId,
            text: random.pick(milestones),
            reached_on: isoDate(now - random.between(3, 20) * day),
            message: `Well done, ${firstName} — that took courage.`,
            recorded_by: worker,
          })
          .execute();
      }
      goals.push({
        id: goalId,
        inTheirWords: chosen.words,
        whyItMatters: chosen.why,
        strengths: chosen.strengths,
        steps: steps.map((step) => ({ id: step.id, text: step.text, owner: step.owner, dueOn: null, done: step.done })),
      });
    }

    // The plan as agreed about two months ago; for every third person, agreed again since, once
    // with a family member disagreeing in their own words.
    const participants: PlanParticipant[] = [{ name: firstName, role: firstName, agreed: true }];
    const versions: { agreedOn: string; participants: PlanParticipant[]; goals: PlanGoal[] }[] = [
      {
        agreedOn: isoDate(now - 60 * day),
        participants,
        goals: goals.map((goal) => ({ ...goal, steps: goal.steps.slice(0, 1) })),
      },
    ];
    if (index % 3 === 0) {
      versions.push({
        agreedOn: isoDate(now - 14 * day),
        participants: [
          ...participants,
          { name: 'Their mum', role: `${firstName}’s mum`, agreed: false, dissent: 'I think it is too much too soon.' },
        ],
        goals,
      });
    }
    for (const [number, version] of versions.entries()) {
      await tx
        .insertInto('plan_versions')
        .values({
          organisation_id: organisationId,
          id: randomUUID(),
          person_id: person.id,
          number: number + 1,
          agreed_on: version.agreedOn,
          participants: JSON.stringify(version.participants),
          snapshot: JSON.stringify(version),
          recorded_by: worker,
          recorded_at: new Date(Date.parse(version.agreedOn) + 15 * 3_600_000),
        })
        .execute();
    }

    // Relationship check-ins every three to five weeks; the first person's latest one drops.
    const totals: (number | null)[] = [];
    const dropping = index === 0;
    const when: number[] = [];
    for (let daysAgo = random.between(100, 115); daysAgo > 2; daysAgo -= random.between(21, 35)) {
      when.push(daysAgo);
    }
    for (const [position, daysAgo] of when.entries()) {
      const last = position === when.length - 1;
      const base = dropping && last ? 5 : random.between(7, 9);
      const answers = {
        listened: Math.min(10, base + random.between(0, 1)),
        trust: dropping && last ? 3 : Math.min(10, base + random.between(-1, 1)),
        what_matters: Math.min(10, base + random.between(-1, 1)),
        respected: Math.min(10, base + random.between(0, 1)),
        ...(dropping && last ? { anything_else: 'It felt rushed last time.' } : {}),
      };
      const { total, subscales } = scoreAnswers(relationship, answers);
      const alerts: CheckinAlert[] = checkinAlerts(relationship, answers, totals);
      totals.push(total);
      const responseId = randomUUID();
      await tx
        .insertInto('checkin_responses')
        .values({
          organisation_id: organisationId,
          id: responseId,
          person_id: person.id,
          instrument_id: instrumentRow.id,
          answers: JSON.stringify(answers),
          total,
          subscales: JSON.stringify(subscales),
          alerts: JSON.stringify(alerts),
          mode: random.chance(0.7) ? 'handed_over' : 'together',
          completed_at: new Date(now - daysAgo * day),
          recorded_by: worker,
        })
        .execute();
      if (alerts.length > 0) {
        const recipients = [
          { userId: worker, kind: 'checkin_prompt' as const },
          ...(await supervisorsOf(worker)).map((userId) => ({ userId, kind: 'checkin_signal' as const })),
        ];
        await tx
          .insertInto('notifications')
          .values(
            recipients.map(({ userId, kind }) => ({
              organisation_id: organisationId,
              id: randomUUID(),
              user_id: userId,
              kind,
              person_id: person.id,
              subject_id: responseId,
              reason_key: `${kind}:${responseId}`,
              created_at: new Date(now - daysAgo * day + 3_600_000),
            })),
          )
          .execute();
      }
    }
  }
}
