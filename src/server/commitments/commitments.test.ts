import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

/* The promises ledger, check-in rhythms, the pre-visit brief and consistency figures (issue 4). */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;
let sam: TestStaff;
let jo: TestStaff;
let alex: TestStaff;
let samClient: TestClient;
let joClient: TestClient;
let alexClient: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
  sam = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' });
  jo = await organisation.addStaff({ role: 'supervisor', team: 'North', name: 'Jo' });
  alex = await organisation.addStaff({ role: 'practitioner', team: 'South', name: 'Alex' });
  samClient = await testApp.signIn(sam, '10.90.0.1');
  joClient = await testApp.signIn(jo, '10.90.0.2');
  alexClient = await testApp.signIn(alex, '10.90.0.3');
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A promise as it might have been made some days ago, due on a date that has now passed. */
async function backdatedPromise(personId: string, dueInDays: number, what: string): Promise<string> {
  const made = await samClient.post(`/api/people/${personId}/commitments`, {
    by: { kind: 'practitioner' },
    to: { kind: 'person' },
    what,
    dueOn: daysFromNow(0),
  });
  const id = made.json<{ id: string }>().id;
  await database.db
    .updateTable('commitments')
    .set({ due_on: daysFromNow(dueInDays) })
    .where('id', '=', id)
    .execute();
  return id;
}

describe('the promises ledger', () => {
  it('keeps, keeps late, renegotiates with an honest reason, and keeps every step in the history', async () => {
    const amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
    const url = (id: string, step: string) => `/api/people/${amara}/commitments/${id}/${step}`;
    const onTime = await backdatedPromise(amara, 1, 'Bring the bus pass form');
    expect((await samClient.post(url(onTime, 'keep'), { keptOn: daysFromNow(0) })).json()).toMatchObject({
      status: 'kept',
      keptOn: daysFromNow(0),
    });

    const late = await backdatedPromise(amara, -3, 'Ring the housing officer');
    expect((await samClient.post(url(late, 'keep'), { keptOn: daysFromNow(0) })).json()).toMatchObject({
      status: 'kept_late',
    });
    expect(
      (await samClient.post(url(late, 'renegotiate'), { newDueOn: daysFromNow(7), reason: 'Too late now' })).statusCode,
    ).toBe(409);

    const moved = await backdatedPromise(amara, 2, 'Find a football club');
    expect((await samClient.post(url(moved, 'renegotiate'), { newDueOn: daysFromNow(9) })).statusCode).toBe(422);
    const renegotiated = await samClient.post(url(moved, 'renegotiate'), {
      newDueOn: daysFromNow(9),
      reason: 'The club only answers on Saturdays; I told Amara',
    });
    expect(renegotiated.json()).toMatchObject({
      status: 'renegotiated',
      dueOn: daysFromNow(9),
      history: [
        { event: 'made' },
        {
          event: 'renegotiated',
          previousDueOn: daysFromNow(2),
          newDueOn: daysFromNow(9),
          reason: 'The club only answers on Saturdays; I told Amara',
        },
      ],
    });
    expect((await samClient.post(url(moved, 'keep'), { keptOn: daysFromNow(0) })).json()).toMatchObject({
      status: 'kept',
    });

    const broken = await backdatedPromise(amara, -1, 'Send the letter');
    expect(
      (await samClient.post(url(broken, 'not-kept'), { reason: 'Lost in the post; apologised' })).json(),
    ).toMatchObject({ status: 'not_kept' });
    expect((await samClient.post(url(broken, 'keep'), { keptOn: daysFromNow(0) })).statusCode).toBe(409);
  });

  it('refuses a promise due in the past, to oneself, or from someone outside the network', async () => {
    const ben = await organisation.addPerson({ fullName: 'Ben Hughes', allocatedTo: [sam] });
    const post = (body: Record<string, unknown>) =>
      samClient.post(`/api/people/${ben}/commitments`, {
        by: { kind: 'practitioner' },
        to: { kind: 'person' },
        what: 'Call',
        dueOn: daysFromNow(3),
        ...body,
      });
    expect((await post({ dueOn: daysFromNow(-1) })).json()).toMatchObject({ errors: [{ field: 'dueOn' }] });
    expect((await post({ to: { kind: 'practitioner' } })).json()).toMatchObject({ errors: [{ field: 'to' }] });
    expect((await post({ by: { kind: 'network_member', memberId: crypto.randomUUID() } })).json()).toMatchObject({
      errors: [{ field: 'by.memberId' }],
    });
    expect((await post({ by: { kind: 'practitioner', userId: crypto.randomUUID() } })).json()).toMatchObject({
      errors: [{ field: 'by.userId' }],
    });
    expect((await samClient.get(`/api/people/${ben}/commitments`)).json()).toEqual({ items: [] });
  });

  it('shows Sam his own ledger, overdue first, and gives a gentle check before a new promise', async () => {
    const chloe = await organisation.addPerson({ fullName: 'Chloe Nowak', allocatedTo: [sam] });
    await backdatedPromise(chloe, -5, 'Overdue one');
    await backdatedPromise(chloe, 5, 'Later one');
    const ledger = (await samClient.get('/api/commitments?status=outstanding')).json<{
      items: { what: string; overdue: boolean }[];
    }>();
    expect(ledger.items[0]).toMatchObject({ overdue: true });
    expect((await alexClient.get('/api/commitments')).json()).toEqual({ items: [] });

    // The next Saturday: Sam works Monday to Friday.
    const saturday = (() => {
      const date = new Date();
      date.setUTCDate(date.getUTCDate() + ((6 - date.getUTCDay() + 7) % 7 || 7));
      return date.toISOString().slice(0, 10);
    })();
    const check = (await samClient.get(`/api/commitments/check?dueOn=${saturday}`)).json<{
      overdueCount: number;
      outsideWorkingDays: boolean;
      message: string;
    }>();
    expect(check.overdueCount).toBeGreaterThanOrEqual(1);
    expect(check.outsideWorkingDays).toBe(true);
    expect(check.message).toContain('a day you do not work');
  });
});

describe('check-in rhythms and the brief', () => {
  it('computes when the next check-in is due, lists overdue ones by scope, and fills the brief', async () => {
    const dylan = await organisation.addPerson({ fullName: 'Dylan Price', allocatedTo: [sam] });
    const nan = (
      await samClient.post(`/api/people/${dylan}/network`, {
        name: 'Margaret',
        relationship: 'my nan',
        sector: 'family',
        strength: 'strong',
        support: 'both',
      })
    ).json<{ id: string }>();
    await samClient.put(`/api/people/${dylan}/cadence`, { everyDays: 7, agreedOn: daysFromNow(-30) });
    await samClient.put(`/api/people/${dylan}/cadence`, {
      networkMemberId: nan.id,
      everyDays: 28,
      agreedOn: daysFromNow(-10),
    });
    const visit = await samClient.post(`/api/people/${dylan}/contacts`, {
      kind: 'home_visit',
      status: 'made',
      actualStart: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      note: 'Dylan wants to try the youth club.',
      promises: [
        {
          by: { kind: 'practitioner' },
          to: { kind: 'person' },
          what: 'Find the youth club times',
          dueOn: daysFromNow(2),
        },
        {
          by: { kind: 'person' },
          to: { kind: 'practitioner' },
          what: 'Ask mum about Saturdays',
          dueOn: daysFromNow(4),
        },
      ],
    });
    expect(visit.statusCode).toBe(201);
    await samClient.post(`/api/people/${dylan}/profile-items`, {
      kind: 'to_remember',
      text: 'Birthday',
      onDate: daysFromNow(3),
      everyYear: true,
    });
    await samClient.post(`/api/people/${dylan}/profile-items`, {
      kind: 'approach_with_care',
      text: 'Do not mention his dad unless he does',
    });

    const cadences = (await samClient.get(`/api/people/${dylan}/cadence`)).json<{
      items: { networkMember: unknown; state: string; daysOverdue: number; nextDueOn: string }[];
    }>();
    const withDylan = cadences.items.find((item) => item.networkMember === null)!;
    expect(withDylan).toMatchObject({ state: 'overdue', daysOverdue: 3, nextDueOn: daysFromNow(-3) });
    expect(cadences.items.find((item) => item.networkMember !== null)).toMatchObject({
      state: 'on_track',
      nextDueOn: daysFromNow(18),
    });

    const overdueForSam = (await samClient.get('/api/checkins/overdue')).json<{ items: { personId: string }[] }>();
    expect(overdueForSam.items.map((item) => item.personId)).toContain(dylan);
    expect(
      (await joClient.get('/api/checkins/overdue?mine=false'))
        .json<{ items: { personId: string }[] }>()
        .items.map((item) => item.personId),
    ).toContain(dylan);
    expect(
      (await alexClient.get('/api/checkins/overdue?mine=false'))
        .json<{ items: { personId: string }[] }>()
        .items.map((item) => item.personId),
    ).not.toContain(dylan);

    const brief = (await samClient.get(`/api/people/${dylan}/brief`)).json<
      Record<string, unknown> & { promises: { byUs: unknown[]; toUs: unknown[] } }
    >();
    expect(brief).toMatchObject({
      person: { fullName: 'Dylan Price' },
      thingsToRemember: [{ text: 'Birthday', onDate: daysFromNow(3), daysAway: 3 }],
      approachWithCare: [{ text: 'Do not mention his dad unless he does' }],
      lastContact: { kind: 'home_visit', note: 'Dylan wants to try the youth club.', agreed: [{}, {}] },
      goals: null,
      latestCheckIn: null,
      workingAgreement: null,
    });
    expect(brief.promises.byUs).toHaveLength(1);
    expect(brief.promises.toUs).toHaveLength(1);
    expect((await alexClient.get(`/api/people/${dylan}/brief`)).statusCode).toBe(404);
  });
});

describe('consistency figures', () => {
  it('count promises kept on time and visits started on time, with the records behind them', async () => {
    const elijah = await organisation.addPerson({ fullName: 'Elijah Francis', allocatedTo: [sam] });
    const kept = await backdatedPromise(elijah, 0, 'Kept on time');
    await samClient.post(`/api/people/${elijah}/commitments/${kept}/keep`, { keptOn: daysFromNow(0) });
    const late = await backdatedPromise(elijah, -2, 'Kept late');
    await samClient.post(`/api/people/${elijah}/commitments/${late}/keep`, { keptOn: daysFromNow(0) });
    await backdatedPromise(elijah, -1, 'Still overdue');
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    await samClient.post(`/api/people/${elijah}/contacts`, {
      kind: 'home_visit',
      status: 'made',
      plannedStart: at(5),
      actualStart: new Date(Date.parse(at(5)) + 5 * 60_000).toISOString(),
    });
    await samClient.post(`/api/people/${elijah}/contacts`, {
      kind: 'home_visit',
      status: 'made',
      plannedStart: at(3),
      actualStart: new Date(Date.parse(at(3)) + 25 * 60_000).toISOString(),
    });

    const figures = (await samClient.get(`/api/people/${elijah}/consistency`)).json<{
      promisesKeptOnTime: { numerator: number; denominator: number; behind: { label: string; counts: boolean }[] };
      visitsStartedOnTime: { numerator: number; denominator: number };
    }>();
    expect(figures.promisesKeptOnTime).toMatchObject({ numerator: 1, denominator: 3 });
    expect(figures.promisesKeptOnTime.behind.find((item) => item.label === 'Kept on time')?.counts).toBe(true);
    expect(figures.visitsStartedOnTime).toMatchObject({ numerator: 1, denominator: 2 });

    expect((await samClient.get(`/api/practitioners/${sam.id}/consistency`)).statusCode).toBe(200);
    expect((await joClient.get(`/api/practitioners/${sam.id}/consistency`)).statusCode).toBe(200);
    expect((await alexClient.get(`/api/practitioners/${sam.id}/consistency`)).statusCode).toBe(403);
    expect((await joClient.get(`/api/practitioners/${alex.id}/consistency`)).statusCode).toBe(404);
  });
});
