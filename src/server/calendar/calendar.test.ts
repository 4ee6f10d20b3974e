import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../domain/cadence.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let org: TestOrganisation;
let sam: TestStaff;
let other: TestStaff;
let testApp: TestApp;
let client: TestClient;
let personId: string;
let restrictedId: string;

const today = localDate(new Date(), 'Europe/London');

async function addPlanned(person: string, practitioner: TestStaff, start: Date, place = 'Flat 4, 12 Willow Road') {
  const id = randomUUID();
  await database.db
    .insertInto('contacts')
    .values({
      organisation_id: org.id,
      id,
      person_id: person,
      practitioner_id: practitioner.id,
      kind: 'home_visit',
      status: 'planned',
      planned_start: start,
      planned_end: new Date(start.getTime() + 45 * 60 * 1000),
      place,
      created_by: practitioner.id,
    })
    .execute();
  return id;
}

/** The path of a feed URL, for the in-process client. */
function pathOf(url: string): string {
  return new URL(url).pathname;
}

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganisation(database.db);
  sam = await org.addStaff({ role: 'practitioner' });
  other = await org.addStaff({ role: 'practitioner', team: 'South' });
  personId = await org.addPerson({ fullName: 'Wilhelmina Okonkwo', allocatedTo: [sam] });
  restrictedId = await org.addPerson({ fullName: 'Rosalind Quartermaine', allocatedTo: [sam], restricted: true });
  const othersPerson = await org.addPerson({ fullName: 'Someone Elsewhere', allocatedTo: [other] });

  await addPlanned(personId, sam, new Date(Date.now() + 2 * 24 * 3600 * 1000));
  await addPlanned(restrictedId, sam, new Date(Date.now() + 3 * 24 * 3600 * 1000));
  await addPlanned(othersPerson, other, new Date(Date.now() + 2 * 24 * 3600 * 1000));
  await database.db
    .insertInto('commitments')
    .values({
      organisation_id: org.id,
      id: randomUUID(),
      person_id: personId,
      promised_by: 'practitioner',
      promised_by_user_id: sam.id,
      promised_to: 'person',
      what: 'Bring the school uniform grant form',
      due_on: addDays(today, 4),
      created_by: sam.id,
    })
    .execute();

  testApp = await createTestApp(database.db, { publicUrl: 'https://rapport.example.org' });
  client = await testApp.signIn(sam);
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

describe('calendar feed', () => {
  let url: string;

  it('starts with no link', async () => {
    const response = await client.get('/api/calendar-feed');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ active: false, createdAt: null, lastReadAt: null });
  });

  it('makes a link with a random token, shown once and stored only as a hash', async () => {
    const response = await client.post('/api/calendar-feed', {});
    expect(response.statusCode).toBe(201);
    url = response.json<{ url: string }>().url;
    expect(url).toMatch(/^https:\/\/rapport\.example\.org\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    const token = url.split('/').pop()!;
    const stored = await database.db
      .selectFrom('calendar_feeds')
      .select('token_hash')
      .where('user_id', '=', sam.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash.toString('utf8')).not.toContain(token);
    expect(stored[0]!.token_hash.toString('base64url')).not.toBe(token);
  });

  it('serves iCalendar with the kind of contact, initials and a link — nothing else personal', async () => {
    const response = await testApp.anonymous().get(pathOf(url));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toContain('no-store');
    const body = response.body;
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body).toContain('VERSION:2.0');
    // Lines are folded at 75 octets (RFC 5545 3.1): unfold before looking.
    const unfolded = body.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Home visit · W.O.');
    expect(unfolded).toContain(`URL;VALUE=URI:https://rapport.example.org/people/${personId}/brief`);
    expect(unfolded).toContain('SUMMARY:Your promise is due · W.O.');
    expect(unfolded).toContain(`DTSTART;VALUE=DATE:${addDays(today, 4).replaceAll('-', '')}`);
    // A restricted record shows no initials at all.
    expect(unfolded).toContain(`URL;VALUE=URI:https://rapport.example.org/people/${restrictedId}/brief`);
    expect(unfolded).not.toContain('R.Q.');
    for (const secret of ['Wilhelmina', 'Okonkwo', 'Rosalind', 'Willow Road', 'uniform', 'Someone Elsewhere', 'S.E.']) {
      expect(unfolded).not.toContain(secret);
    }
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('audits each fetch and remembers when it was last read', async () => {
    const rows = await database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'details'])
      .where('organisation_id', '=', org.id)
      .where('action', '=', 'calendar_feed.read')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: sam.id, details: { contacts: 2, promises: 1 } });
    const status = (await client.get('/api/calendar-feed')).json<{ active: boolean; lastReadAt: string | null }>();
    expect(status.active).toBe(true);
    expect(status.lastReadAt).not.toBeNull();
  });

  it('drops a person whose allocation has ended', async () => {
    const leaving = await org.addPerson({ fullName: 'Zed Leaving', allocatedTo: [sam] });
    await addPlanned(leaving, sam, new Date(Date.now() + 24 * 3600 * 1000));
    const before = (await testApp.anonymous().get(pathOf(url))).body;
    expect(before.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    await database.db
      .updateTable('allocations')
      .set({ ended_at: new Date() })
      .where('organisation_id', '=', org.id)
      .where('person_id', '=', leaving)
      .execute();
    const after = (await testApp.anonymous().get(pathOf(url))).body;
    expect(after.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(after).not.toContain(leaving);
  });

  it('answers 404 to an unknown token, and 422 to something that is not a token', async () => {
    expect((await testApp.anonymous().get(`/api/calendar/${'A'.repeat(43)}`)).statusCode).toBe(404);
    const malformed = await testApp.anonymous().get('/api/calendar/not-a-token');
    expect(malformed.statusCode).toBe(422);
  });

  it('stops the old link when a new one is made, and stops for good when revoked', async () => {
    const second = (await client.post('/api/calendar-feed', {})).json<{ url: string }>().url;
    expect(second).not.toBe(url);
    expect((await testApp.anonymous().get(pathOf(url))).statusCode).toBe(404);
    expect((await testApp.anonymous().get(pathOf(second))).statusCode).toBe(200);

    expect((await client.delete('/api/calendar-feed')).statusCode).toBe(204);
    expect((await testApp.anonymous().get(pathOf(second))).statusCode).toBe(404);
    expect((await client.get('/api/calendar-feed')).json()).toMatchObject({ active: false });
  });

  it('stops working when the user is disabled', async () => {
    const worker = await org.addStaff({ role: 'practitioner' });
    const workerClient = await testApp.signIn(worker);
    const link = (await workerClient.post('/api/calendar-feed', {})).json<{ url: string }>().url;
    expect((await testApp.anonymous().get(pathOf(link))).statusCode).toBe(200);
    await database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', worker.id).execute();
    expect((await testApp.anonymous().get(pathOf(link))).statusCode).toBe(404);
  });

  it('stops when the user signs out everywhere else, and stays stopped when re-enabled', async () => {
    const worker = await org.addStaff({ role: 'practitioner' });
    const workerClient = await testApp.signIn(worker);
    const link = (await workerClient.post('/api/calendar-feed', {})).json<{ url: string }>().url;
    expect((await workerClient.post('/api/auth/sessions/end-others', {})).statusCode).toBe(200);
    expect((await testApp.anonymous().get(pathOf(link))).statusCode).toBe(404);

    const again = (await workerClient.post('/api/calendar-feed', {})).json<{ url: string }>().url;
    const admin = await testApp.signIn(await org.addStaff({ role: 'administrator' }));
    expect((await admin.patch(`/api/staff/${worker.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await admin.patch(`/api/staff/${worker.id}`, { disabled: false })).statusCode).toBe(200);
    expect((await testApp.anonymous().get(pathOf(again))).statusCode).toBe(404);
  });

  it('makes one live link even when asked several times at once', async () => {
    const worker = await org.addStaff({ role: 'practitioner' });
    const workerClient = await testApp.signIn(worker);
    const answers = await Promise.all([1, 2, 3].map(() => workerClient.post('/api/calendar-feed', {})));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const live = await Promise.all(
      answers.map(async (a) => (await testApp.anonymous().get(pathOf(a.json<{ url: string }>().url))).statusCode),
    );
    expect(live.filter((status) => status === 200)).toHaveLength(1);
  });

  it('is each user’s own: another practitioner’s link shows only their own contacts', async () => {
    const otherClient = await testApp.signIn(other);
    const link = (await otherClient.post('/api/calendar-feed', {})).json<{ url: string }>().url;
    const body = (await testApp.anonymous().get(pathOf(link))).body.replace(/\r\n[ \t]/g, '');
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(body).toContain('S.E.');
    expect(body).not.toContain(personId);
  });

  it('needs a session to make or stop a link', async () => {
    expect((await testApp.anonymous().post('/api/calendar-feed', {})).statusCode).toBe(401);
    expect((await testApp.anonymous().get('/api/calendar-feed')).statusCode).toBe(401);
  });
});
