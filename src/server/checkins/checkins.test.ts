import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wellbeingCheckin } from '../../domain/shipped-instruments.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

/* The person's own check-ins (issue 5): instruments loaded as JSON, answers scored, alerts raised. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;
let sam: TestStaff;
let samClient: TestClient;
let morganClient: TestClient;
let relationshipId: string;
let joClient: TestClient;
let southClient: TestClient;

interface InstrumentBody {
  id: string;
  key: string;
  version: string;
  shipped: boolean;
  validated: boolean;
  definition: unknown;
}

const thirdParty = {
  key: 'riverside-mood',
  version: '2.1',
  title: 'Riverside mood scale',
  language: 'en-GB',
  licence: 'Licensed to Riverside Family Support until 2028',
  validated: true,
  items: [
    { linkId: 'low', type: 'scale', text: 'Felt low', min: 0, max: 4, anchors: { min: 'Never', max: 'Always' } },
    {
      linkId: 'sleep',
      type: 'choice',
      text: 'Sleep',
      options: [
        { value: 'good', label: 'Good', score: 0 },
        { value: 'poor', label: 'Poor', score: 2 },
      ],
    },
    { linkId: 'comment', type: 'text', text: 'Anything else?' },
  ],
  scoring: { total: { items: ['low', 'sleep'], method: 'sum' }, subscales: [], reliableChange: 2 },
};

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
  sam = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' });
  const morgan = await organisation.addStaff({ role: 'manager', team: null, name: 'Morgan' });
  samClient = await testApp.signIn(sam, '10.70.0.1');
  morganClient = await testApp.signIn(morgan, '10.70.0.2');
  joClient = await testApp.signIn(
    await organisation.addStaff({ role: 'supervisor', team: 'North', name: 'Jo' }),
    '10.70.0.3',
  );
  southClient = await testApp.signIn(
    await organisation.addStaff({ role: 'supervisor', team: 'South', name: 'Kim' }),
    '10.70.0.4',
  );
  const list = (await samClient.get('/api/instruments')).json<{ items: InstrumentBody[] }>();
  relationshipId = list.items.find((item) => item.key === 'rapport-relationship')!.id;
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const count = async () =>
  (await database.db.selectFrom('instruments').select('id').where('organisation_id', '=', organisation.id).execute())
    .length;

describe('instruments', () => {
  it('every organisation has Rapport’s own two, marked as not validated', async () => {
    const list = (await samClient.get('/api/instruments')).json<{ items: InstrumentBody[] }>();
    expect(list.items.map((item) => [item.key, item.shipped, item.validated])).toEqual([
      ['rapport-relationship', true, false],
      ['rapport-wellbeing', true, false],
    ]);
  });

  it('a manager loads a third-party definition, and it round-trips unchanged', async () => {
    const loaded = await morganClient.post('/api/instruments', thirdParty);
    expect(loaded.statusCode, loaded.body).toBe(201);
    const list = (await samClient.get('/api/instruments')).json<{ items: InstrumentBody[] }>();
    const stored = list.items.find((item) => item.key === 'riverside-mood')!;
    expect(stored).toMatchObject({ version: '2.1', shipped: false, validated: true });
    expect(stored.definition).toMatchObject(thirdParty);
    // Loaded again as it came back: the same definition, so the same version is refused as loaded.
    const again = await morganClient.post('/api/instruments', stored.definition);
    expect(again.statusCode).toBe(409);
    const fhir = (await samClient.get(`/api/instruments/${stored.id}/fhir`)).json<{
      resourceType: string;
      item: unknown[];
    }>();
    expect(fhir).toMatchObject({ resourceType: 'Questionnaire', version: '2.1' });
    expect(fhir.item).toHaveLength(3);
  });

  it('refuses a definition that refers to missing items, naming the path; nothing is loaded', async () => {
    const before = await count();
    const broken = await morganClient.post('/api/instruments', {
      ...thirdParty,
      version: '3.0',
      scoring: { total: { items: ['low', 'mood'], method: 'sum' } },
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({
      errors: [{ field: 'scoring.total.items.1', message: 'No item has linkId "mood"' }],
    });
    const offScale = await morganClient.post('/api/instruments', {
      ...thirdParty,
      version: '3.0',
      items: [{ ...thirdParty.items[0], min: 4, max: 4 }],
      scoring: {},
    });
    expect(offScale.json()).toMatchObject({ errors: [{ field: 'items.0.max' }] });
    expect(await count()).toBe(before);
  });

  it('refuses JSON that does not parse', async () => {
    const response = await morganClient.post('/api/instruments', '{"key": "broken", "items": [', {
      'content-type': 'application/json',
    });
    expect(response.statusCode).toBe(400);
  });

  it('is loaded by managers and administrators only', async () => {
    const response = await samClient.post('/api/instruments', { ...thirdParty, version: '9.9' });
    expect(response.statusCode).toBe(403);
  });
});

describe('check-ins', () => {
  const answers = (listened: number, trust: number, whatMatters: number, respected: number) => ({
    listened,
    trust,
    what_matters: whatMatters,
    respected,
  });

  it('a first check-in is scored and raises nothing; a drop from the person’s own baseline raises a prompt', async () => {
    const amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
    const url = `/api/people/${amara}/checkins`;
    const first = await samClient.post(url, {
      instrumentId: relationshipId,
      answers: answers(8, 8, 8, 8),
      mode: 'handed_over',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      total: 32,
      alerts: [],
      mode: 'handed_over',
      instrument: { key: 'rapport-relationship' },
    });
    await samClient.post(url, { instrumentId: relationshipId, answers: answers(9, 8, 8, 9), mode: 'together' });
    const dropped = await samClient.post(url, {
      instrumentId: relationshipId,
      answers: { ...answers(6, 4, 6, 7), anything_else: 'You cancelled twice.' },
      mode: 'handed_over',
    });
    expect(dropped.json()).toMatchObject({
      total: 23,
      alerts: [
        { kind: 'item_low', linkId: 'trust', value: 4 },
        { kind: 'total_low', total: 23 },
        { kind: 'total_drop', baseline: 33, drop: 10 },
      ],
      answers: { anything_else: 'You cancelled twice.' },
    });
    const list = (await samClient.get(url)).json<{ items: { total: number }[] }>();
    expect(list.items.map((item) => item.total)).toEqual([23, 34, 32]);

    // The drop starts a conversation: a prompt for Sam, a signal for Sam's supervisor, no one else.
    const samNotes = (await samClient.get('/api/notifications')).json<{
      items: { kind: string; person: { id: string } | null; about: string | null }[];
    }>();
    const prompts = samNotes.items.filter((n) => n.kind === 'checkin_prompt');
    expect(prompts.map((n) => [n.person?.id, n.about])).toEqual([[amara, 'How are we working together?']]);
    const joNotes = (await joClient.get('/api/notifications')).json<{ items: { kind: string }[] }>();
    expect(joNotes.items.map((n) => n.kind)).toEqual(['checkin_signal']);
    const southNotes = (await southClient.get('/api/notifications')).json<{ items: unknown[] }>();
    expect(southNotes.items).toHaveLength(0);
  });

  it('refuses answers off the scale, naming the item; nothing is saved', async () => {
    const ben = await organisation.addPerson({ fullName: 'Ben Hughes', allocatedTo: [sam] });
    const response = await samClient.post(`/api/people/${ben}/checkins`, {
      instrumentId: relationshipId,
      answers: { ...answers(11, 8, 8, 8), mood: 3 },
      mode: 'handed_over',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<{ errors: unknown[] }>().errors).toEqual(
      expect.arrayContaining([
        { field: 'answers.listened', message: 'Choose a whole number from 0 to 10' },
        { field: 'answers.mood', message: 'This instrument has no such item' },
      ]),
    );
    expect((await samClient.get(`/api/people/${ben}/checkins`)).json()).toEqual({ items: [] });
  });

  it('refuses an instrument from another organisation as if it did not exist', async () => {
    const elsewhere = await createTestOrganisation(database.db, 'Elsewhere');
    const theirs = await database.db
      .selectFrom('instruments')
      .select('id')
      .where('organisation_id', '=', elsewhere.id)
      .executeTakeFirstOrThrow();
    const chloe = await organisation.addPerson({ fullName: 'Chloe Bates', allocatedTo: [sam] });
    const response = await samClient.post(`/api/people/${chloe}/checkins`, {
      instrumentId: theirs.id,
      answers: answers(8, 8, 8, 8),
      mode: 'together',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ errors: [{ field: 'instrumentId' }] });
    expect((await samClient.get(`/api/instruments/${theirs.id}/fhir`)).statusCode).toBe(404);
  });

  it('scores the wellbeing check-in’s subscales', async () => {
    const dev = await organisation.addPerson({ fullName: 'Dev Patel', allocatedTo: [sam] });
    const wellbeingId = (await samClient.get('/api/instruments'))
      .json<{ items: InstrumentBody[] }>()
      .items.find((item) => item.key === wellbeingCheckin.key)!.id;
    const response = await samClient.post(`/api/people/${dev}/checkins`, {
      instrumentId: wellbeingId,
      answers: { overall: 6, feeling: 5, sleep: 4, connected: 8, coping: 7 },
      mode: 'together',
    });
    expect(response.json()).toMatchObject({ total: 30, subscales: { mood: 6, life: 6 } });
  });
});
