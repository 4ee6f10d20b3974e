import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

/* Goals in the person's words, steps with owners, progress, milestones, plan versions (issue 5). */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;
let sam: TestStaff;
let client: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
  sam = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' });
  client = await testApp.signIn(sam, '10.60.0.1');
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function addMember(personId: string, name: string): Promise<string> {
  const id = randomUUID();
  await database.db
    .insertInto('network_members')
    .values({
      organisation_id: organisation.id,
      id,
      person_id: personId,
      name,
      relationship: 'Grandmother',
      sector: 'family',
      strength: 'strong',
      support: 'to_person',
      created_by: sam.id,
    })
    .execute();
  return id;
}

interface Goal {
  id: string;
  steps: { id: string; text: string; owner: { kind: string; name: string | null }; commitmentId: string | null }[];
  progress: { score: number }[];
  milestones: { text: string; message: string | null }[];
}

describe('goals', () => {
  it('records a goal in the person’s words with two steps; a dated step owed to them is a promise in the ledger', async () => {
    const amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
    const grandmother = await addMember(amara, 'Grace Okonkwo');
    const response = await client.post(`/api/people/${amara}/goals`, {
      inTheirWords: 'I want to get back to college in September',
      saidBy: 'Amara',
      saidOn: daysFromNow(0),
      whyItMatters: 'So I can be a nurse like my aunt',
      strengths: ['Determined', 'Good with people'],
      steps: [
        { text: 'Ring the college admissions office', owner: { kind: 'person' }, dueOn: daysFromNow(7) },
        {
          text: 'Help fill in the bursary form',
          owner: { kind: 'network_member', memberId: grandmother },
          dueOn: daysFromNow(14),
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const goal = response.json<Goal>();
    expect(goal.steps.map((step) => [step.text, step.owner.kind, step.owner.name])).toEqual([
      ['Ring the college admissions office', 'person', null],
      ['Help fill in the bursary form', 'network_member', 'Grace Okonkwo'],
    ]);
    // The person's own step is theirs; the grandmother's is owed to Amara: a promise, with its date.
    expect(goal.steps[0]!.commitmentId).toBeNull();
    const promiseId = goal.steps[1]!.commitmentId!;
    const ledger = (await client.get(`/api/people/${amara}/commitments`)).json<{
      items: { id: string; what: string; dueOn: string }[];
    }>();
    expect(ledger.items.find((item) => item.id === promiseId)).toMatchObject({
      what: 'Help fill in the bursary form',
      dueOn: daysFromNow(14),
    });
  });

  it('refuses a step owned by someone outside the person’s network, naming the field; nothing is saved', async () => {
    const ben = await organisation.addPerson({ fullName: 'Ben Hughes', allocatedTo: [sam] });
    const someoneElse = await organisation.addPerson({ fullName: 'Someone Else', allocatedTo: [sam] });
    const theirMember = await addMember(someoneElse, 'Not Ben’s');
    const response = await client.post(`/api/people/${ben}/goals`, {
      inTheirWords: 'Sleep better',
      saidBy: 'Ben',
      saidOn: daysFromNow(0),
      steps: [{ text: 'Talk about bedtime', owner: { kind: 'network_member', memberId: theirMember } }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ errors: [{ field: 'steps.0.owner.memberId' }] });
    expect((await client.get(`/api/people/${ben}/goals`)).json()).toEqual({ items: [] });
  });

  it('keeps the person’s own 0–10 ratings over time, and milestones to celebrate', async () => {
    const chloe = await organisation.addPerson({ fullName: 'Chloe Bates', allocatedTo: [sam] });
    const goal = (
      await client.post(`/api/people/${chloe}/goals`, {
        inTheirWords: 'Make a friend at school',
        saidBy: 'Chloe',
        saidOn: daysFromNow(0),
      })
    ).json<Goal>();
    const url = `/api/people/${chloe}/goals/${goal.id}`;
    await client.post(`${url}/progress`, { score: 2, ratedOn: daysFromNow(-14) });
    const rated = await client.post(`${url}/progress`, {
      score: 5,
      ratedOn: daysFromNow(0),
      comment: 'I sit with Maya at lunch now',
    });
    expect(rated.json<Goal>().progress.map((p) => p.score)).toEqual([2, 5]);
    expect((await client.post(`${url}/progress`, { score: 11, ratedOn: daysFromNow(0) })).statusCode).toBe(422);
    const celebrated = await client.post(`${url}/milestones`, {
      text: 'Went to the after-school club',
      reachedOn: daysFromNow(0),
      message: 'Well done for going to the club, Chloe!',
    });
    expect(celebrated.json<Goal>().milestones).toEqual([
      expect.objectContaining({
        text: 'Went to the after-school club',
        message: 'Well done for going to the club, Chloe!',
      }),
    ]);
    expect(
      (await client.post(`/api/people/${chloe}/goals/${randomUUID()}/progress`, { score: 3, ratedOn: daysFromNow(0) }))
        .statusCode,
    ).toBe(404);
  });
});

describe('plan versions', () => {
  it('records the plan as agreed, with dissent in their words, and shows what changed between versions', async () => {
    const dev = await organisation.addPerson({ fullName: 'Dev Patel', allocatedTo: [sam] });
    const goal = (
      await client.post(`/api/people/${dev}/goals`, {
        inTheirWords: 'Find a part-time job',
        saidBy: 'Dev',
        saidOn: daysFromNow(0),
      })
    ).json<Goal>();
    const first = await client.post(`/api/people/${dev}/plans`, {
      agreedOn: daysFromNow(0),
      participants: [
        { name: 'Dev', role: 'Dev', agreed: true },
        { name: 'Mrs Patel', role: 'Dev’s mother', agreed: true },
      ],
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ number: 1 });

    await client.post(`/api/people/${dev}/goals/${goal.id}/steps`, {
      text: 'Write a CV together',
      owner: { kind: 'practitioner' },
      dueOn: daysFromNow(10),
    });
    const noDissent = await client.post(`/api/people/${dev}/plans`, {
      agreedOn: daysFromNow(0),
      participants: [{ name: 'Mrs Patel', role: 'Dev’s mother', agreed: false }],
    });
    expect(noDissent.statusCode).toBe(422);
    expect(noDissent.json()).toMatchObject({ errors: [{ field: 'participants.0.dissent' }] });
    await client.post(`/api/people/${dev}/plans`, {
      agreedOn: daysFromNow(0),
      participants: [
        { name: 'Dev', role: 'Dev', agreed: true },
        { name: 'Mrs Patel', role: 'Dev’s mother', agreed: false, dissent: 'School work must come first.' },
      ],
    });
    const versions = (await client.get(`/api/people/${dev}/plans`)).json<{ items: { number: number }[] }>();
    expect(versions.items.map((version) => version.number)).toEqual([2, 1]);
    const diff = await client.get(`/api/people/${dev}/plans/diff?from=1&to=2`);
    expect(diff.json<{ changes: unknown[] }>().changes).toEqual([
      expect.objectContaining({ kind: 'step_added', text: 'Write a CV together' }),
      { kind: 'participant_changed', name: 'Mrs Patel', field: 'agreed', before: 'true', after: 'false' },
      {
        kind: 'participant_changed',
        name: 'Mrs Patel',
        field: 'dissent',
        before: '',
        after: 'School work must come first.',
      },
    ]);
    expect((await client.get(`/api/people/${dev}/plans/diff?from=1&to=9`)).statusCode).toBe(404);
  });
});
