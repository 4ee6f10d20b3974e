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

/** Changes a promise as the web app does: from the version it last read (If-Match). */
async function versionOf(id: string): Promise<string> {
  const row = await database.db
    .selectFrom('commitments')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return `"${row.version}"`;
}

async function change(client: TestClient, url: string, id: string, body: Record<string, unknown>) {
  return client.post(url, body, { 'if-match': await versionOf(id) });
}

describe('the promises ledger', () => {
  it('keeps, keeps late, renegotiates with an honest reason, and keeps every step in the history', async () => {
    const amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
    const url = (id: string, step: string) => `/api/people/${amara}/commitments/${id}/${step}`;
    const onTime = await backdatedPromise(amara, 1, 'Bring the bus pass form');
    expect((await change(samClient, url(onTime, 'keep'), onTime, { keptOn: daysFromNow(0) })).json()).toMatchObject({
      status: 'kept',
      keptOn: daysFromNow(0),
    });

    const late = await backdatedPromise(amara, -3, 'Ring the housing officer');
    expect((await change(samClient, url(late, 'keep'), late, { keptOn: daysFromNow(0) })).json()).toMatchObject({
      status: 'kept_late',
    });
    expect(
      (await change(samClient, url(late, 'renegotiate'), late, { newDueOn: daysFromNow(7), reason: 'Too late now' }))
        .statusCode,
    ).toBe(409);

    const moved = await backdatedPromise(amara, 2, 'Find a football club');
    expect((await change(samClient, url(moved, 'renegotiate'), moved, { newDueOn: daysFromNow(9) })).statusCode).toBe(
      422,
    );
    const renegotiated = await change(samClient, url(moved, 'renegotiate'), moved, {
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
    expect((await change(samClient, url(moved, 'keep'), moved, { keptOn: daysFromNow(0) })).json()).toMatchObject({
      status: 'kept',
    });

    const broken = await backdatedPromise(amara, -1, 'Send the letter');
    expect(
      (await change(samClient, url(broken, 'not-kept'), broken, { reason: 'Lost in the post; apologised' })).json(),
    ).toMatchObject({ status: 'not_kept' });
    expect((await change(samClient, url(broken, 'keep'), broken, { keptOn: daysFromNow(0) })).statusCode).toBe(409);
  });

  it('changes only from the version last read: 428 without If-Match, 412 when someone else got there first', async () => {
    const chloe = await organisation.addPerson({ fullName: 'Chloe Bates', allocatedTo: [sam] });
    const made = await samClient.post(`/api/people/${chloe}/commitments`, {
      by: { kind: 'practitioner' },
      to: { kind: 'person' },
      what: 'Ask about the swimming lessons',
      dueOn: daysFromNow(5),
    });
    const { id, version } = made.json<{ id: string; version: number }>();
    const url = `/api/people/${chloe}/commitments/${id}/renegotiate`;
    const body = { newDueOn: daysFromNow(8), reason: 'The pool is closed this week' };
    expect((await samClient.post(url, body)).statusCode).toBe(428);
    expect((await samClient.post(url, body, { 'if-match': `"${version}"` })).statusCode).toBe(200);
    const stale = await samClient.post(url, { ...body, newDueOn: daysFromNow(10) }, { 'if-match': `"${version}"` });
    expect(stale.statusCode).toBe(412);
    const history = await database.db
      .selectFrom('commitment_events')
      .select('event')
      .where('commitment_id', '=', id)
      .execute();
    expect(history.map((h) => h.event)).toEqual(['made', 'renegotiated']);
  });

  it('cannot be kept before it was made', async () => {
    const dev = await organisation.addPerson({ fullName: 'Dev Patel', allocatedTo: [sam] });
    const id = (
      await samClient.post(`/api/people/${dev}/commitments`, {
        by: { kind: 'practitioner' },
        to: { kind: 'person' },
        what: 'Post the form',
        dueOn: daysFromNow(2),
      })
    ).json<{ id: string }>().id;
    const early = await change(samClient, `/api/people/${dev}/commitments/${id}/keep`, id, { keptOn: daysFromNow(-2) });
    expect(early.statusCode).toBe(422);
    expect(early.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('keptOn');
  });

  it('makes one promise for a retried request with the same Idempotency-Key, and refuses the key for another', async () => {
    const ema = await organisation.addPerson({ fullName: 'Ema Novak', allocatedTo: [sam] });
    const body = {
      by: { kind: 'practitioner' },
      to: { kind: 'person' },
      what: 'Bring the leaflet',
      dueOn: daysFromNow(4),
    };
    const headers = { 'idempotency-key': 'promise-retry-0001' };
    const [first, second] = await Promise.all([
      samClient.post(`/api/people/${ema}/commitments`, body, headers),
      samClient.post(`/api/people/${ema}/commitments`, body, headers),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(first.json<{ id: string }>().id).toBe(second.json<{ id: string }>().id);
    const stored = await database.db.selectFrom('commitments').select('id').where('person_id', '=', ema).execute();
    expect(stored).toHaveLength(1);
    const other = await samClient.post(`/api/people/${ema}/commitments`, { ...body, what: 'Something else' }, headers);
    expect(other.statusCode).toBe(422);
  });

  it('refuses a promise to oneself named by id, and an administrator as a party', async () => {
    const fin = await organisation.addPerson({ fullName: 'Fin Walsh', allocatedTo: [sam] });
    const admin = await organisation.addStaff({ role: 'administrator' });
    const post = (body: Record<string, unknown>) =>
      samClient.post(`/api/people/${fin}/commitments`, { what: 'Call', dueOn: daysFromNow(3), ...body });
    const toSelf = await post({ by: { kind: 'practitioner' }, to: { kind: 'practitioner', userId: sam.id } });
    expect(toSelf.statusCode).toBe(422);
    expect(toSelf.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('to');
    const toAdmin = await post({ by: { kind: 'practitioner' }, to: { kind: 'practitioner', userId: admin.id } });
    expect(toAdmin.statusCode).toBe(422);
    expect(toAdmin.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('to.userId');
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
    // The ledger shows Chloe's promises: her access log has a row saying Sam saw them.
    const logged = await database.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'record_type'])
      .where('action', '=', 'commitment.ledger.read')
      .where('person_id', '=', chloe)
      .execute();
    expect(logged).toEqual([{ actor_user_id: sam.id, record_type: 'person' }]);

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
      goals: [],
      latestCheckIn: null,
      workingAgreement: null,
    });
    expect(brief.promises.byUs).toHaveLength(1);
    expect(brief.promises.toUs).toHaveLength(1);
    expect((await alexClient.get(`/api/people/${dylan}/brief`)).statusCode).toBe(404);

    // The places kept for the person's voice fill in: their goal with the progress they gave it,
    // and their latest check-in, with whether it raised something.
    const goal = (
      await samClient.post(`/api/people/${dylan}/goals`, {
        inTheirWords: 'I want to go to the youth club on my own',
        saidBy: 'Dylan',
        saidOn: daysFromNow(0),
        steps: [{ text: 'Go once with Sam', owner: { kind: 'practitioner' } }],
      })
    ).json<{ id: string }>();
    await samClient.post(`/api/people/${dylan}/goals/${goal.id}/progress`, { score: 4, ratedOn: daysFromNow(0) });
    const instruments = (await samClient.get('/api/instruments')).json<{ items: { id: string; key: string }[] }>();
    await samClient.post(`/api/people/${dylan}/checkins`, {
      instrumentId: instruments.items.find((item) => item.key === 'rapport-relationship')!.id,
      answers: { listened: 8, trust: 3, what_matters: 7, respected: 8 },
      mode: 'handed_over',
    });
    const filled = (await samClient.get(`/api/people/${dylan}/brief`)).json<Record<string, unknown>>();
    expect(filled).toMatchObject({
      goals: [
        {
          inTheirWords: 'I want to go to the youth club on my own',
          latestProgress: { score: 4, ratedOn: daysFromNow(0) },
          openSteps: 1,
        },
      ],
      latestCheckIn: { instrument: 'How are we working together?', total: 26, raisedSomething: true },
    });
  });
});

describe('consistency figures', () => {
  it('count promises kept on time and visits started on time, with the records behind them', async () => {
    const elijah = await organisation.addPerson({ fullName: 'Elijah Francis', allocatedTo: [sam] });
    const kept = await backdatedPromise(elijah, 0, 'Kept on time');
    await change(samClient, `/api/people/${elijah}/commitments/${kept}/keep`, kept, { keptOn: daysFromNow(0) });
    const late = await backdatedPromise(elijah, -2, 'Kept late');
    await change(samClient, `/api/people/${elijah}/commitments/${late}/keep`, late, { keptOn: daysFromNow(0) });
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
    expect((await alexClient.get(`/api/practitioners/${sam.id}/consistency`)).statusCode).toBe(404);
    expect((await joClient.get(`/api/practitioners/${alex.id}/consistency`)).statusCode).toBe(404);
  });

  it('a promise moved after its date had passed does not count as kept on time', async () => {
    const faye = await organisation.addPerson({ fullName: 'Faye Lund', allocatedTo: [sam] });
    const id = await backdatedPromise(faye, -3, 'Chase the benefits appeal');
    const base = `/api/people/${faye}/commitments/${id}`;
    expect(
      (
        await change(samClient, `${base}/renegotiate`, id, {
          newDueOn: daysFromNow(0),
          reason: 'I forgot; moved it to today',
        })
      ).statusCode,
    ).toBe(200);
    expect((await change(samClient, `${base}/keep`, id, { keptOn: daysFromNow(0) })).json()).toMatchObject({
      status: 'kept',
    });
    const figures = (await samClient.get(`/api/people/${faye}/consistency`)).json<{
      promisesKeptOnTime: { numerator: number; denominator: number };
    }>();
    expect(figures.promisesKeptOnTime).toMatchObject({ numerator: 0, denominator: 1 });
  });
});
