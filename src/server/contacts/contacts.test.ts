import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { forgetOldIdempotencyKeys } from './idempotency.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

/* Contacts (issue 4): recording, punctuality and overrun, the person's own contacts, sign-off and
 * corrections (check 32), Idempotency-Key (check 31), and bad input with nothing half-saved. */
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
  client = await testApp.signIn(sam, '10.80.0.1');
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const hoursAgo = (hours: number, minutes = 0) =>
  new Date(Date.now() - hours * 3_600_000 + minutes * 60_000).toISOString();
const count = async (table: 'contacts' | 'commitments' | 'contact_notes', personId?: string) => {
  const rows = await sql<{
    n: string;
  }>`select count(*) as n from ${sql.table(table)} ${personId && table !== 'contact_notes' ? sql`where person_id = ${personId}` : sql``}`.execute(
    database.db,
  );
  return Number(rows.rows[0]!.n);
};

describe('recording a visit', () => {
  it('records a visit with its note and a promise in one request, with what its times say', async () => {
    const amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
    const response = await client.post(`/api/people/${amara}/contacts`, {
      kind: 'home_visit',
      status: 'made',
      plannedStart: hoursAgo(3),
      plannedEnd: hoursAgo(2),
      actualStart: hoursAgo(3, 12),
      actualEnd: hoursAgo(2, 30),
      note: 'Talked about the move and the new school.',
      promises: [
        {
          by: { kind: 'practitioner' },
          to: { kind: 'person' },
          what: 'Ring the school about the uniform grant',
          dueOn: '2099-01-01',
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'home_visit',
      status: 'made',
      practitioner: { id: sam.id },
      measures: { minutesLate: 12, startedOnTime: false, overrunMinutes: 18 },
      notes: [{ version: 1, text: 'Talked about the move and the new school.', signedOffAt: null }],
    });
    const promises = (await client.get(`/api/people/${amara}/commitments`)).json<{
      items: { what: string; madeInContactId: string }[];
    }>();
    expect(promises.items).toEqual([
      expect.objectContaining({
        what: 'Ring the school about the uniform grant',
        madeInContactId: response.json<{ id: string }>().id,
      }),
    ]);
  });

  it('records a call the person started, with how long they waited for an answer', async () => {
    const ben = await organisation.addPerson({ fullName: 'Ben Hughes', allocatedTo: [sam] });
    const response = await client.post(`/api/people/${ben}/contacts`, {
      kind: 'phone',
      status: 'made',
      initiatedBy: 'person',
      receivedAt: hoursAgo(5),
      answeredAt: hoursAgo(1),
    });
    expect(response.json()).toMatchObject({ initiatedBy: 'person', measures: { responseMinutes: 240 } });
  });

  it('answers bad input with 4xx naming the problem, and saves nothing', async () => {
    const chloe = await organisation.addPerson({ fullName: 'Chloe Nowak', allocatedTo: [sam] });
    const otherPersons = await organisation.addPerson({ fullName: 'Someone Else', allocatedTo: [sam] });
    const theirMember = (
      await client.post(`/api/people/${otherPersons}/network`, {
        name: 'Nan',
        relationship: 'nan',
        sector: 'family',
        strength: 'strong',
        support: 'both',
      })
    ).json<{ id: string }>().id;
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'home_visit', status: 'made', actualStart: hoursAgo(2), actualEnd: hoursAgo(3) }, 'actualEnd'],
      [{ kind: 'home_visit', status: 'made' }, 'actualStart'],
      [{ kind: 'teleport', status: 'made', actualStart: hoursAgo(2) }, 'kind'],
      [{ kind: 'phone', status: 'made', actualStart: hoursAgo(2), participantIds: [theirMember] }, 'participantIds'],
      [
        {
          kind: 'phone',
          status: 'made',
          actualStart: hoursAgo(2),
          promises: [{ by: { kind: 'practitioner' }, to: { kind: 'person' }, what: 'Call back', dueOn: '2020-01-01' }],
        },
        'promises.0.dueOn',
      ],
      [
        {
          kind: 'phone',
          status: 'made',
          actualStart: hoursAgo(2),
          promises: [
            {
              by: { kind: 'network_member', memberId: theirMember },
              to: { kind: 'person' },
              what: 'Visit',
              dueOn: '2099-01-01',
            },
          ],
        },
        'promises.0.by.memberId',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await client.post(`/api/people/${chloe}/contacts`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toContain(field);
    }
    expect(await count('contacts', chloe)).toBe(0);
    expect(await count('commitments', chloe)).toBe(0);
  });

  it('keeps a draft on the server for its writer only, until it is recorded', async () => {
    const dylan = await organisation.addPerson({ fullName: 'Dylan Price', allocatedTo: [sam] });
    const priya = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Priya' });
    await database.db
      .insertInto('allocations')
      .values({ organisation_id: organisation.id, id: crypto.randomUUID(), person_id: dylan, user_id: priya.id })
      .execute();
    const draft = (
      await client.post(`/api/people/${dylan}/contacts`, { kind: 'home_visit', status: 'draft', note: 'Half-written…' })
    ).json<{ id: string; version: number }>();
    const priyaClient = await testApp.signIn(priya, '10.80.0.2');
    expect((await priyaClient.get(`/api/people/${dylan}/contacts`)).json()).toEqual({ items: [] });
    expect((await priyaClient.get(`/api/people/${dylan}/contacts/${draft.id}`)).statusCode).toBe(404);
    const recorded = await client.patch(
      `/api/people/${dylan}/contacts/${draft.id}`,
      { status: 'made', actualStart: hoursAgo(1) },
      { 'if-match': `"${draft.version}"` },
    );
    expect(recorded.json()).toMatchObject({ status: 'made' });
    expect((await priyaClient.get(`/api/people/${dylan}/contacts`)).json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('moves a plan to made or cancelled, never back; an edit cannot make it end before it starts', async () => {
    const ebony = await organisation.addPerson({ fullName: 'Ebony Campbell', allocatedTo: [sam] });
    const plan = (
      await client.post(`/api/people/${ebony}/contacts`, {
        kind: 'office',
        status: 'planned',
        plannedStart: '2099-01-01T10:00:00Z',
      })
    ).json<{ id: string; version: number }>();
    const url = `/api/people/${ebony}/contacts/${plan.id}`;
    expect(
      (
        await client.patch(
          url,
          { actualStart: hoursAgo(1), actualEnd: hoursAgo(2), status: 'made' },
          { 'if-match': `"${plan.version}"` },
        )
      ).statusCode,
    ).toBe(422);
    const made = await client.patch(
      url,
      { status: 'made', actualStart: hoursAgo(1) },
      { 'if-match': `"${plan.version}"` },
    );
    expect(made.statusCode).toBe(200);
    // Nothing moves a contact back, or on from made: the state machine says no, plainly.
    expect((await client.patch(url, { status: 'planned' }, { 'if-match': '"2"' })).statusCode).toBe(409);
    expect(
      (await client.patch(url, { status: 'cancelled', cancelledReason: 'x' }, { 'if-match': '"2"' })).statusCode,
    ).toBe(409);
    expect((await client.patch(url, { place: 'Library' }, { 'if-match': '"1"' })).statusCode).toBe(412);
  });
});

describe('signed-off notes (check 32)', () => {
  it('cannot be edited; a correction is a new version with a reason, and both stay visible', async () => {
    const freya = await organisation.addPerson({ fullName: 'Freya Morris', allocatedTo: [sam] });
    const visit = (
      await client.post(`/api/people/${freya}/contacts`, {
        kind: 'home_visit',
        status: 'made',
        actualStart: hoursAgo(4),
        note: 'Freya was upset about court.',
      })
    ).json<{ id: string }>();
    const url = `/api/people/${freya}/contacts/${visit.id}`;
    expect((await client.put(`${url}/note`, { text: 'Freya was worried about court on Monday.' })).statusCode).toBe(
      200,
    );
    expect((await client.post(`${url}/note/corrections`, { text: 'x', reason: 'Too early' })).statusCode).toBe(409);
    expect((await client.post(`${url}/note/sign-off`)).json()).toMatchObject({
      notes: [{ version: 1, signedOffBy: { id: sam.id } }],
    });
    expect((await client.put(`${url}/note`, { text: 'Changed after sign-off' })).statusCode).toBe(409);
    expect(
      (await client.post(`${url}/note/corrections`, { text: 'Freya was worried about court on Tuesday.' })).statusCode,
    ).toBe(422);
    const corrected = await client.post(`${url}/note/corrections`, {
      text: 'Freya was worried about court on Tuesday.',
      reason: 'The hearing is on Tuesday, not Monday',
    });
    expect(corrected.statusCode).toBe(201);
    expect(
      corrected.json<{ notes: { version: number; text: string; correctionReason: string | null }[] }>().notes,
    ).toEqual([
      expect.objectContaining({ version: 1, text: 'Freya was worried about court on Monday.', correctionReason: null }),
      expect.objectContaining({
        version: 2,
        text: 'Freya was worried about court on Tuesday.',
        correctionReason: 'The hearing is on Tuesday, not Monday',
      }),
    ]);
    // Not even the database lets the signed-off version change.
    await expect(
      sql`update contact_notes set text = 'tampered' where contact_id = ${visit.id} and version = 1`.execute(
        database.db,
      ),
    ).rejects.toThrow(/signed-off/);
  });
});

describe('Idempotency-Key (check 31)', () => {
  it('records one contact however often, and however concurrently, the same request is retried', async () => {
    const grace = await organisation.addPerson({ fullName: 'Grace Mensah', allocatedTo: [sam] });
    const body = { kind: 'phone', status: 'made', actualStart: hoursAgo(1), note: 'Checked in about the move.' };
    const key = { 'idempotency-key': 'retry-6f1c2b9e-visit' };
    const first = await client.post(`/api/people/${grace}/contacts`, body, key);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(() => client.post(`/api/people/${grace}/contacts`, body, key)),
    );
    for (const answer of answers) {
      expect(answer.statusCode).toBe(201);
      expect(answer.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
      expect(answer.headers['idempotent-replayed']).toBe('true');
    }
    expect(await count('contacts', grace)).toBe(1);

    const other = await client.post(`/api/people/${grace}/contacts`, { ...body, note: 'A different note' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
    expect(await count('contacts', grace)).toBe(1);
  });

  it('makes a concurrent first attempt with one key record one contact too', async () => {
    const harvey = await organisation.addPerson({ fullName: 'Harvey Lloyd', allocatedTo: [sam] });
    const body = { kind: 'message', status: 'made', actualStart: hoursAgo(1) };
    const key = { 'idempotency-key': 'burst-2d8a7c41-message' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => client.post(`/api/people/${harvey}/contacts`, body, key)),
    );
    expect(new Set(answers.map((answer) => answer.json<{ id: string }>().id)).size).toBe(1);
    expect(await count('contacts', harvey)).toBe(1);
  });
});

describe('what the security review found (issue 4)', () => {
  it('a retry after sign-off and correction gets the contact as it is now, audited; the key keeps only the id', async () => {
    const ivy = await organisation.addPerson({ fullName: 'Ivy Chen', allocatedTo: [sam] });
    const body = { kind: 'home_visit', status: 'made', actualStart: hoursAgo(2), note: 'Ivy showed me her drawings.' };
    const key = { 'idempotency-key': 'replay-after-correction-01' };
    const first = (await client.post(`/api/people/${ivy}/contacts`, body, key)).json<{ id: string }>();
    const url = `/api/people/${ivy}/contacts/${first.id}`;
    await client.post(`${url}/note/sign-off`);
    await client.post(`${url}/note/corrections`, {
      text: 'Ivy showed me her paintings.',
      reason: 'They were paintings',
    });
    const before = await database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'contact.read')
      .execute();
    const replay = await client.post(`/api/people/${ivy}/contacts`, body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json<{ notes: { text: string }[] }>().notes.map((n) => n.text)).toEqual([
      'Ivy showed me her drawings.',
      'Ivy showed me her paintings.',
    ]);
    const after = await database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'contact.read')
      .execute();
    expect(after.length).toBe(before.length + 1);
    const stored = await database.db
      .selectFrom('idempotency_keys')
      .select('response_body')
      .where('key', '=', key['idempotency-key'])
      .executeTakeFirstOrThrow();
    expect(stored.response_body).toEqual({ id: first.id });
  });

  it('only the contact’s practitioner writes or signs off its note; a supervisor may correct it', async () => {
    const jo = await organisation.addStaff({ role: 'supervisor', team: 'North', name: 'Jo' });
    const joClient = await testApp.signIn(jo, '10.80.0.2');
    const jack = await organisation.addPerson({ fullName: 'Jack Dunn', allocatedTo: [sam] });
    const visit = (
      await client.post(`/api/people/${jack}/contacts`, {
        kind: 'office',
        status: 'made',
        actualStart: hoursAgo(1),
        note: 'Talked about work.',
      })
    ).json<{ id: string; version: number }>();
    const url = `/api/people/${jack}/contacts/${visit.id}`;
    expect((await joClient.put(`${url}/note`, { text: 'Overwritten by Jo' })).statusCode).toBe(403);
    expect((await joClient.post(`${url}/note/sign-off`)).statusCode).toBe(403);
    // A stale If-Match from Sam's other device is refused; the current one works.
    expect(
      (await client.put(`${url}/note`, { text: 'Talked about his new job.' }, { 'if-match': `"${visit.version + 5}"` }))
        .statusCode,
    ).toBe(412);
    expect(
      (await client.post(`${url}/note/sign-off`, undefined, { 'if-match': `"${visit.version}"` })).statusCode,
    ).toBe(200);
    const corrected = await joClient.post(`${url}/note/corrections`, {
      text: 'Talked about his new job at the bakery.',
      reason: 'Added where he works',
    });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json<{ notes: { text: string; writtenBy: { id: string } }[] }>().notes.at(-1)!.writtenBy.id).toBe(
      jo.id,
    );
  });

  it('a contact with a signed-off note cannot have its times changed afterwards', async () => {
    const kai = await organisation.addPerson({ fullName: 'Kai Moreno', allocatedTo: [sam] });
    const visit = (
      await client.post(`/api/people/${kai}/contacts`, {
        kind: 'home_visit',
        status: 'made',
        plannedStart: hoursAgo(3),
        actualStart: hoursAgo(2, 30),
        note: 'Late; traffic.',
      })
    ).json<{ id: string }>();
    const url = `/api/people/${kai}/contacts/${visit.id}`;
    const signed = (await client.post(`${url}/note/sign-off`)).json<{ version: number }>();
    const moved = await client.patch(url, { actualStart: hoursAgo(3) }, { 'if-match': `"${signed.version}"` });
    expect(moved.statusCode).toBe(409);
  });

  it('a draft cannot carry promises: they would be live before the contact is', async () => {
    const lea = await organisation.addPerson({ fullName: 'Lea Berg', allocatedTo: [sam] });
    const response = await client.post(`/api/people/${lea}/contacts`, {
      kind: 'home_visit',
      status: 'draft',
      promises: [{ by: { kind: 'practitioner' }, to: { kind: 'person' }, what: 'Call', dueOn: '2099-01-01' }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ errors: [{ field: 'promises' }] });
    expect(await count('commitments', lea)).toBe(0);
  });

  it('where a contact happened is hidden like the address when the person’s details are restricted', async () => {
    const jo = await organisation.addStaff({ role: 'supervisor', team: 'North', name: 'Jo Two' });
    const joClient = await testApp.signIn(jo, '10.80.0.3');
    const mia = await organisation.addPerson({ fullName: 'Mia Stone', allocatedTo: [sam] });
    await database.db.updateTable('people').set({ contact_details_restricted: true }).where('id', '=', mia).execute();
    await client.post(`/api/people/${mia}/contacts`, {
      kind: 'home_visit',
      status: 'made',
      actualStart: hoursAgo(1),
      place: '12 Refuge Road',
    });
    const samView = (await client.get(`/api/people/${mia}/contacts`)).json<{
      items: { place: string | null; placeHidden: boolean }[];
    }>();
    expect(samView.items[0]).toMatchObject({ place: '12 Refuge Road', placeHidden: false });
    const joView = await joClient.get(`/api/people/${mia}/contacts`);
    expect(joView.statusCode).toBe(200);
    expect(joView.json<{ items: { place: string | null; placeHidden: boolean }[] }>().items[0]).toMatchObject({
      place: null,
      placeHidden: true,
    });
    expect(joView.body).not.toContain('Refuge');
  });

  it('Idempotency-Keys are forgotten after a day', async () => {
    const olga = await organisation.addPerson({ fullName: 'Olga Ivanova', allocatedTo: [sam] });
    await client.post(
      `/api/people/${olga}/contacts`,
      { kind: 'phone', status: 'made', actualStart: hoursAgo(1) },
      { 'idempotency-key': 'old-key-to-forget' },
    );
    await sql`update idempotency_keys set created_at = now() - interval '25 hours' where key = 'old-key-to-forget'`.execute(
      database.db,
    );
    expect(await forgetOldIdempotencyKeys(database.db)).toBeGreaterThanOrEqual(1);
    const left = await database.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', 'old-key-to-forget')
      .execute();
    expect(left).toHaveLength(0);
  });

  it('dates outside 1900–2100 are refused with the field named, not stored', async () => {
    const noor = await organisation.addPerson({ fullName: 'Noor Ali', allocatedTo: [sam] });
    const response = await client.post(`/api/people/${noor}/contacts`, {
      kind: 'phone',
      status: 'made',
      actualStart: '0000-01-01T00:00:00Z',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ errors: [{ field: 'actualStart' }] });
    const cadence = await client.put(`/api/people/${noor}/cadence`, { everyDays: 366, agreedOn: '9999-12-31' });
    expect(cadence.statusCode).toBe(422);
    expect(await count('contacts', noor)).toBe(0);
  });
});
