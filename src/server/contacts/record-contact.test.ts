import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

/* Recording a contact is one statement (scope check, key, contact, note, who was there, audit rows):
 * what it answers must be what a later read shows, and each way it can refuse must write nothing. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;
let sam: TestStaff;
let alex: TestStaff;
let samClient: TestClient;
let alexClient: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
  sam = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' });
  alex = await organisation.addStaff({ role: 'practitioner', team: 'South', name: 'Alex' });
  samClient = await testApp.signIn(sam, '10.81.0.1');
  alexClient = await testApp.signIn(alex, '10.81.0.2');
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const contactsOf = async (personId: string) =>
  database.db.selectFrom('contacts').select('id').where('person_id', '=', personId).execute();
const auditOf = async (personId: string, actorId: string) =>
  database.db
    .selectFrom('audit_events')
    .select(['action', 'kind', 'outcome', 'record_id'])
    .where('person_id', '=', personId)
    .where('actor_user_id', '=', actorId)
    .orderBy('occurred_at')
    .execute();

async function addMember(client: TestClient, personId: string, name: string): Promise<string> {
  const response = await client.post(`/api/people/${personId}/network`, {
    name,
    relationship: 'aunt',
    sector: 'family',
    strength: 'strong',
    support: 'both',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

describe('recording a contact in one statement', () => {
  it('answers with the contact exactly as a later read shows it: note, who was there, measures', async () => {
    const mia = await organisation.addPerson({ fullName: 'Mia Rossi', allocatedTo: [sam] });
    const aunt = await addMember(samClient, mia, 'Aunt Bea');
    const grandad = await addMember(samClient, mia, 'Grandad Ray');
    const response = await samClient.post(
      `/api/people/${mia}/contacts`,
      {
        kind: 'home_visit',
        status: 'made',
        plannedStart: hoursAgo(3),
        actualStart: hoursAgo(3),
        actualEnd: hoursAgo(2),
        place: 'At home',
        note: 'Mia showed me her drawings.',
        participantIds: [grandad, aunt, aunt],
      },
      { 'idempotency-key': 'record-one-statement-1' },
    );
    expect(response.statusCode, response.body).toBe(201);
    const recorded = response.json<{ id: string; participants: { name: string }[] }>();
    expect(recorded.participants.map((member) => member.name)).toEqual(['Aunt Bea', 'Grandad Ray']);
    const read = await samClient.get(`/api/people/${mia}/contacts/${recorded.id}`);
    expect(read.json()).toEqual(recorded);
    expect(response.headers.etag).toBe(read.headers.etag);
    expect(await auditOf(mia, sam.id)).toEqual(
      expect.arrayContaining([
        { action: 'contact.create', kind: 'routine', outcome: 'succeeded', record_id: recorded.id },
      ]),
    );
  });

  it('keeps the key free when it refuses someone outside the network, so the corrected retry records', async () => {
    const noah = await organisation.addPerson({ fullName: 'Noah Berg', allocatedTo: [sam] });
    const stranger = await addMember(samClient, await organisation.addPerson({ allocatedTo: [sam] }), 'Not Noah’s');
    const key = { 'idempotency-key': 'record-one-statement-2' };
    const body = { kind: 'phone', status: 'made', actualStart: hoursAgo(1) };
    const refused = await samClient.post(`/api/people/${noah}/contacts`, { ...body, participantIds: [stranger] }, key);
    expect(refused.statusCode).toBe(422);
    expect(await contactsOf(noah)).toHaveLength(0);
    expect(await auditOf(noah, sam.id)).toEqual([]);
    const corrected = await samClient.post(`/api/people/${noah}/contacts`, body, key);
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(await contactsOf(noah)).toHaveLength(1);
  });

  it('writes nothing for someone without a relationship, and audits the attempt as denied', async () => {
    const omar = await organisation.addPerson({ fullName: 'Omar Haddad', allocatedTo: [sam] });
    const response = await alexClient.post(
      `/api/people/${omar}/contacts`,
      { kind: 'phone', status: 'made', actualStart: hoursAgo(1), note: 'Should not be here' },
      { 'idempotency-key': 'record-one-statement-3' },
    );
    expect(response.statusCode).toBe(404);
    expect(await contactsOf(omar)).toHaveLength(0);
    expect(await auditOf(omar, alex.id)).toEqual([
      { action: 'contact.create', kind: 'routine', outcome: 'denied', record_id: omar },
    ]);
    const keys = await database.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('user_id', '=', alex.id)
      .execute();
    expect(keys).toEqual([]);
  });

  it('marks a contact recorded under emergency access as break-glass in the audit trail', async () => {
    const pia = await organisation.addPerson({ fullName: 'Pia Lund', allocatedTo: [sam] });
    const granted = await alexClient.post(`/api/people/${pia}/break-glass`, {
      reason: 'Out of hours: Pia rang the duty line in distress',
    });
    expect(granted.statusCode).toBe(201);
    const response = await alexClient.post(`/api/people/${pia}/contacts`, {
      kind: 'phone',
      status: 'made',
      initiatedBy: 'person',
      receivedAt: hoursAgo(1),
      answeredAt: hoursAgo(1),
    });
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json<{ id: string }>().id;
    expect(await auditOf(pia, alex.id)).toEqual(
      expect.arrayContaining([
        { action: 'contact.create', kind: 'routine', outcome: 'succeeded', record_id: id },
        { action: 'contact.create', kind: 'break_glass', outcome: 'succeeded', record_id: pia },
      ]),
    );
  });

  it('rolls the contact back when one of its promises is refused', async () => {
    const ruth = await organisation.addPerson({ fullName: 'Ruth Ames', allocatedTo: [sam] });
    const response = await samClient.post(
      `/api/people/${ruth}/contacts`,
      {
        kind: 'office',
        status: 'made',
        actualStart: hoursAgo(1),
        note: 'Talked about college',
        promises: [
          { by: { kind: 'practitioner' }, to: { kind: 'person' }, what: 'Send the form', dueOn: '2099-01-01' },
          {
            by: { kind: 'practitioner', userId: randomUUID() },
            to: { kind: 'person' },
            what: 'Call',
            dueOn: '2099-01-01',
          },
        ],
      },
      { 'idempotency-key': 'record-one-statement-5' },
    );
    expect(response.statusCode).toBe(422);
    expect(await contactsOf(ruth)).toHaveLength(0);
    const keys = await database.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', 'record-one-statement-5')
      .execute();
    expect(keys).toEqual([]);
  });
});
