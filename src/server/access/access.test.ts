import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { databaseOf } from '../testing/global-setup.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

/*
 * Legitimate-relationship access (SECURITY.md checks 8, 9, 11, 14, 16, 17). The cast: Sam and
 * Priya work in North, supervised by Jo; Alex works in South, supervised by Chris; Morgan manages;
 * Robin administers. Leah's record is restricted and allocated to Sam.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;
let staff: Record<'sam' | 'priya' | 'jo' | 'alex' | 'chris' | 'morgan' | 'robin', TestStaff>;
let clients: Record<keyof typeof staff, TestClient>;
let people: { amara: string; ben: string; leah: string; nobody: string };

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
  staff = {
    sam: await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' }),
    priya: await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Priya' }),
    jo: await organisation.addStaff({ role: 'supervisor', team: 'North', name: 'Jo' }),
    alex: await organisation.addStaff({ role: 'practitioner', team: 'South', name: 'Alex' }),
    chris: await organisation.addStaff({ role: 'supervisor', team: 'South', name: 'Chris' }),
    morgan: await organisation.addStaff({ role: 'manager', team: null, name: 'Morgan' }),
    robin: await organisation.addStaff({ role: 'administrator', team: null, name: 'Robin' }),
  };
  people = {
    amara: await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [staff.sam] }),
    ben: await organisation.addPerson({ fullName: 'Ben Hughes', allocatedTo: [staff.alex] }),
    leah: await organisation.addPerson({ fullName: 'Leah Fraser', allocatedTo: [staff.sam], restricted: true }),
    nobody: '00000000-0000-4000-8000-000000000000',
  };
  const entries = await Promise.all(
    Object.entries(staff).map(
      async ([key, member], index) => [key, await testApp.signIn(member, `10.1.0.${index + 1}`)] as const,
    ),
  );
  clients = Object.fromEntries(entries) as typeof clients;
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const deniedRows = (personId: string, userId: string) =>
  database.db
    .selectFrom('audit_events')
    .select(['action', 'outcome'])
    .where('organisation_id', '=', organisation.id)
    .where('person_id', '=', personId)
    .where('actor_user_id', '=', userId)
    .where('outcome', '=', 'denied')
    .execute();

/** Every route that names a person, called by someone with no relationship to that person. */
const personRoutes: { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/api/people/{personId}' },
  { method: 'PATCH', path: '/api/people/{personId}', body: { fullName: 'Changed' } },
  {
    method: 'POST',
    path: '/api/people/{personId}/allocations',
    body: { userId: '11111111-1111-4111-8111-111111111111' },
  },
  { method: 'DELETE', path: '/api/people/{personId}/allocations/{allocationId}' },
  {
    method: 'PUT',
    path: '/api/people/{personId}/restriction',
    body: { restricted: true, reason: 'Testing the scope of this route' },
  },
  { method: 'GET', path: '/api/people/{personId}/access-log' },
  { method: 'GET', path: '/api/people/{personId}/profile-items' },
  {
    method: 'POST',
    path: '/api/people/{personId}/profile-items',
    body: { kind: 'to_remember', text: 'Exam on Friday' },
  },
  { method: 'POST', path: '/api/people/{personId}/profile-items/{itemId}/archive' },
  {
    method: 'POST',
    path: '/api/people/{personId}/contact-details/reveal',
    body: { reason: 'Testing the scope of this route' },
  },
  {
    method: 'PUT',
    path: '/api/people/{personId}/contact-details/restriction',
    body: { restricted: true, reason: 'Testing the scope of this route' },
  },
  { method: 'GET', path: '/api/people/{personId}/history' },
  { method: 'GET', path: '/api/people/{personId}/network' },
  {
    method: 'POST',
    path: '/api/people/{personId}/network',
    body: { name: 'Nan', relationship: 'my nan', sector: 'family', strength: 'strong', support: 'both' },
  },
  { method: 'PATCH', path: '/api/people/{personId}/network/{memberId}', body: { name: 'Nanna' } },
  { method: 'POST', path: '/api/people/{personId}/network/{memberId}/end', body: { endedOn: '2026-01-01' } },
  {
    method: 'POST',
    path: '/api/people/{personId}/network/{memberId}/reveal-contact',
    body: { reason: 'Testing the scope of this route' },
  },
  { method: 'POST', path: '/api/people/{personId}/network/{memberId}/letter', body: {} },
  { method: 'GET', path: '/api/people/{personId}/contacts' },
  {
    method: 'POST',
    path: '/api/people/{personId}/contacts',
    body: { kind: 'phone', status: 'made', actualStart: '2026-01-01T10:00:00Z' },
  },
  { method: 'GET', path: '/api/people/{personId}/contacts/{contactId}' },
  { method: 'PATCH', path: '/api/people/{personId}/contacts/{contactId}', body: { place: 'Library' } },
  {
    method: 'PUT',
    path: '/api/people/{personId}/contacts/{contactId}/note',
    body: { text: 'We talked about the move.' },
  },
  { method: 'POST', path: '/api/people/{personId}/contacts/{contactId}/note/sign-off' },
  {
    method: 'POST',
    path: '/api/people/{personId}/contacts/{contactId}/note/corrections',
    body: { text: 'Corrected.', reason: 'Wrong date' },
  },
  { method: 'GET', path: '/api/people/{personId}/commitments' },
  {
    method: 'POST',
    path: '/api/people/{personId}/commitments',
    body: {
      by: { kind: 'practitioner' },
      to: { kind: 'person' },
      what: 'Ring the housing office',
      dueOn: '2099-01-01',
    },
  },
  { method: 'POST', path: '/api/people/{personId}/commitments/{commitmentId}/keep', body: { keptOn: '2026-01-01' } },
  {
    method: 'POST',
    path: '/api/people/{personId}/commitments/{commitmentId}/renegotiate',
    body: { newDueOn: '2099-01-01', reason: 'The office was shut' },
  },
  {
    method: 'POST',
    path: '/api/people/{personId}/commitments/{commitmentId}/not-kept',
    body: { reason: 'I forgot, and said sorry' },
  },
  { method: 'GET', path: '/api/people/{personId}/cadence' },
  { method: 'PUT', path: '/api/people/{personId}/cadence', body: { everyDays: 14 } },
  { method: 'GET', path: '/api/people/{personId}/brief' },
  { method: 'GET', path: '/api/people/{personId}/consistency' },
  { method: 'GET', path: '/api/people/{personId}/goals' },
  {
    method: 'POST',
    path: '/api/people/{personId}/goals',
    body: { inTheirWords: 'Get back to college', saidBy: 'Amara', saidOn: '2026-01-01' },
  },
  {
    method: 'POST',
    path: '/api/people/{personId}/goals/{goalId}/steps',
    body: { text: 'Ring admissions', owner: { kind: 'person' } },
  },
  { method: 'POST', path: '/api/people/{personId}/goals/{goalId}/progress', body: { score: 4, ratedOn: '2026-01-01' } },
  {
    method: 'POST',
    path: '/api/people/{personId}/goals/{goalId}/milestones',
    body: { text: 'Applied', reachedOn: '2026-01-01' },
  },
  { method: 'GET', path: '/api/people/{personId}/plans' },
  {
    method: 'POST',
    path: '/api/people/{personId}/plans',
    body: { agreedOn: '2026-01-01', participants: [{ name: 'Amara', role: 'Amara', agreed: true }] },
  },
  { method: 'GET', path: '/api/people/{personId}/plans/diff?from=1&to=2' },
  { method: 'GET', path: '/api/people/{personId}/checkins' },
  {
    method: 'POST',
    path: '/api/people/{personId}/checkins',
    body: { instrumentId: '00000000-0000-4000-8000-000000000000', answers: {}, mode: 'together' },
  },
  { method: 'GET', path: '/api/people/{personId}/consents' },
  {
    method: 'POST',
    path: '/api/people/{personId}/consents',
    body: {
      recipientOrganisation: 'School',
      purpose: 'share_updates',
      decision: 'granted',
      decidedOn: '2026-01-01',
      howGiven: 'in_person',
    },
  },
];

describe('check 8: ids from another caseload answer 404, with no data, and the attempt is audited', () => {
  it('covers every route that takes a person id (a new route must be added to this list)', async () => {
    const document = (await clients.sam.get('/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.includes('{personId}'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const tested = [
      ...personRoutes.map((route) => `${route.method} ${route.path.split('?')[0]}`),
      'POST /api/people/{personId}/break-glass',
    ];
    expect(documented.sort()).toEqual(tested.sort());
  });

  it.each(personRoutes)('$method $path', async ({ method, path, body }) => {
    // Alex (South) aims at Amara, who is Sam's (North); the answer must match a missing id exactly.
    const url = (personId: string) =>
      path
        .replace('{personId}', personId)
        .replace(
          /\{(allocationId|itemId|memberId|contactId|commitmentId|goalId)\}/,
          '22222222-2222-4222-8222-222222222222',
        );
    const outOfScope = await clients.alex.request(method, url(people.amara), body);
    const missing = await clients.alex.request(method, url(people.nobody), body);
    expect(outOfScope.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(outOfScope.body).toBe(missing.body);
    expect(outOfScope.body).not.toContain('Amara');
    expect((await deniedRows(people.amara, staff.alex.id)).length).toBeGreaterThan(0);
  });

  it('gives the administrator no case content at all', async () => {
    expect((await clients.robin.get(`/api/people/${people.amara}`)).statusCode).toBe(404);
    expect((await clients.robin.get('/api/people')).json()).toMatchObject({ items: [], total: 0 });
  });

  it('does not let the person’s name change when the write is out of scope', async () => {
    await clients.alex.patch(`/api/people/${people.amara}`, { fullName: 'Someone Else' });
    const row = await database.db
      .selectFrom('people')
      .select('full_name')
      .where('id', '=', people.amara)
      .executeTakeFirstOrThrow();
    expect(row.full_name).toBe('Amara Okonkwo');
  });
});

describe('check 9: lists, search and counts show only records in scope', () => {
  const names = async (client: TestClient, query = '') =>
    (await client.get(`/api/people?pageSize=100${query}`)).json<{ items: { fullName: string }[]; total: number }>();

  it('shows Sam only Sam’s people, and a search for Alex’s person finds nothing', async () => {
    const all = await names(clients.sam);
    expect(all.items.map((item) => item.fullName).sort()).toEqual(['Amara Okonkwo', 'Leah Fraser']);
    expect(all.total).toBe(2);
    expect(await names(clients.sam, '&q=Ben')).toMatchObject({ items: [], total: 0 });
  });

  it('shows Jo the North team’s people except the restricted one; Morgan everyone unrestricted', async () => {
    expect((await names(clients.jo)).items.map((item) => item.fullName)).toEqual(['Amara Okonkwo']);
    expect((await names(clients.morgan)).items.map((item) => item.fullName)).toEqual(['Amara Okonkwo', 'Ben Hughes']);
    expect((await names(clients.morgan, '&filter=mine')).total).toBe(0);
  });

  it('treats SQL and LIKE metacharacters in the search as plain text (check 20)', async () => {
    for (const q of ["' or 1=1 --", '%', '_', '\\', "Amara'; drop table people; --"]) {
      const response = await clients.sam.get(`/api/people?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ total: number }>().total).toBe(0);
    }
  });

  it('refuses unknown filters and sort parameters with a clear 422', async () => {
    const response = await clients.sam.get('/api/people?filter=everyone&sort=name');
    expect(response.statusCode).toBe(422);
    const fields = response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['filter', 'sort']));
  });
});

describe('check 11: a body cannot set owner, organisation, id or restriction', () => {
  it('refuses extra fields on create with 422 naming them, and stores nothing', async () => {
    const before = await database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await clients.sam.post('/api/people', {
      fullName: 'Mass Assignment',
      organisationId: '33333333-3333-4333-8333-333333333333',
      id: '44444444-4444-4444-8444-444444444444',
      restricted: true,
      createdBy: staff.morgan.id,
    });
    expect(response.statusCode).toBe(422);
    const fields = response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['organisationId', 'id', 'restricted', 'createdBy']));
    const after = await database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a restriction smuggled into an edit', async () => {
    const response = await clients.sam.patch(`/api/people/${people.amara}`, {
      fullName: 'Amara Okonkwo',
      restricted: true,
    });
    expect(response.statusCode).toBe(422);
    const row = await database.db
      .selectFrom('people')
      .select('restricted')
      .where('id', '=', people.amara)
      .executeTakeFirstOrThrow();
    expect(row.restricted).toBe(false);
  });

  it('allocates a practitioner’s new person to that practitioner, whatever else is asked', async () => {
    const refused = await clients.sam.post('/api/people', { fullName: 'Someone New', allocateTo: staff.alex.id });
    expect(refused.statusCode).toBe(403);
    const created = await clients.sam.post('/api/people', { fullName: 'Someone New' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      fullName: 'Someone New',
      allocations: [{ userId: staff.sam.id }],
      access: { basis: 'allocation' },
    });
  });
});

describe('check 14: a restricted record is not findable; opening it needs the role and a reason', () => {
  it('is on Sam’s caseload (Sam is allocated) but found by nobody else', async () => {
    expect((await clients.sam.get(`/api/people/${people.leah}`)).statusCode).toBe(200);
    for (const client of [clients.jo, clients.morgan, clients.priya]) {
      expect((await client.get('/api/people?q=Leah')).json()).toMatchObject({ total: 0 });
      expect((await client.get(`/api/people/${people.leah}`)).statusCode).toBe(404);
    }
  });

  it('stays "not found" to a practitioner who tries break-glass on it', async () => {
    const response = await clients.priya.post(`/api/people/${people.leah}/break-glass`, {
      reason: 'I would like to see this record please',
    });
    expect(response.statusCode).toBe(404);
  });

  it('opens for Jo, a supervisor, only with a reason, as emergency access', async () => {
    expect((await clients.jo.post(`/api/people/${people.leah}/break-glass`, {})).statusCode).toBe(422);
    const granted = await clients.jo.post(`/api/people/${people.leah}/break-glass`, {
      reason: 'Police called about Leah’s safety tonight',
    });
    expect(granted.statusCode).toBe(201);
    expect((await clients.jo.get(`/api/people/${people.leah}`)).json()).toMatchObject({
      fullName: 'Leah Fraser',
      access: { basis: 'break_glass' },
    });
    // Still not findable in lists: break-glass opens the record, it does not add it to a caseload.
    expect((await clients.jo.get('/api/people?q=Leah')).json()).toMatchObject({ total: 0 });
  });

  it('marks everything Jo reads of it under emergency access as break-glass in the audit trail', async () => {
    expect((await clients.jo.get(`/api/people/${people.leah}/contacts`)).statusCode).toBe(200);
    expect((await clients.jo.get(`/api/people/${people.leah}/commitments`)).statusCode).toBe(200);
    const rows = await database.db
      .selectFrom('audit_events')
      .select(['action', 'kind'])
      .where('person_id', '=', people.leah)
      .where('actor_user_id', '=', staff.jo.id)
      .where('kind', '=', 'break_glass')
      .execute();
    const actions = rows.map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['person.contacts.read', 'person.commitments.read']));
  });
});

describe('check 16: break-glass', () => {
  it('refuses a missing or too-short reason with 422 naming the field', async () => {
    for (const body of [{}, { reason: 'urgent' }]) {
      const response = await clients.alex.post(`/api/people/${people.amara}/break-glass`, body);
      expect(response.statusCode).toBe(422);
      expect(response.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('reason');
    }
  });

  it('grants time-limited access, audits it as its own kind, alerts the supervisor and shows in the review', async () => {
    const reason = 'Out-of-hours call: Amara’s school reported a concern';
    const granted = await clients.alex.post(`/api/people/${people.amara}/break-glass`, { reason });
    expect(granted.statusCode).toBe(201);
    const { expiresAt } = granted.json<{ expiresAt: string }>();
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    expect((await clients.alex.get(`/api/people/${people.amara}`)).json()).toMatchObject({
      access: { basis: 'break_glass' },
    });
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'kind', 'reason'])
      .where('organisation_id', '=', organisation.id)
      .where('person_id', '=', people.amara)
      .where('actor_user_id', '=', staff.alex.id)
      .where('kind', '=', 'break_glass')
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'person.break_glass', kind: 'break_glass', reason },
        { action: 'person.read', kind: 'break_glass', reason: null },
      ]),
    );

    // Jo supervises Sam, who holds Amara; Chris supervises Alex. Both are told; Jo sees the name.
    const joNotes = (await clients.jo.get('/api/notifications')).json<{
      items: { person: { id: string; fullName: string } | null; actor: { id: string } | null; reason: string }[];
    }>();
    expect(joNotes.items[0]).toMatchObject({
      person: { id: people.amara, fullName: 'Amara Okonkwo' },
      actor: { id: staff.alex.id },
      reason,
    });
    const chrisNotes = await clients.chris.get('/api/notifications');
    expect(chrisNotes.json<{ items: unknown[] }>().items[0]).toMatchObject({
      person: null,
      actor: { id: staff.alex.id },
    });
    // The record's name stays out; Alex's reason, in Alex's own words, is for Alex's supervisor to judge.
    expect(chrisNotes.body).not.toContain('Okonkwo');

    for (const reviewer of [clients.jo, clients.chris, clients.morgan]) {
      const review = (await reviewer.get('/api/access-reviews/break-glass')).json<{
        items: { reason: string; user: { id: string }; readsDuringGrant: number }[];
      }>();
      expect(review.items.find((item) => item.reason === reason)).toMatchObject({
        user: { id: staff.alex.id },
        readsDuringGrant: 1,
      });
    }
    expect((await clients.sam.get('/api/access-reviews/break-glass')).statusCode).toBe(403);
  });

  it('ends when the time is up', async () => {
    await database.db
      .updateTable('access_grants')
      .set({ granted_at: new Date(Date.now() - 2 * 3_600_000), expires_at: new Date(Date.now() - 3_600_000) })
      .where('user_id', '=', staff.alex.id)
      .where('person_id', '=', people.amara)
      .execute();
    expect((await clients.alex.get(`/api/people/${people.amara}`)).statusCode).toBe(404);
  });

  it('is not needed, and says so, for a record already in scope', async () => {
    const response = await clients.sam.post(`/api/people/${people.amara}/break-glass`, {
      reason: 'Just checking how this works',
    });
    expect(response.statusCode).toBe(409);
  });
});

describe('check 17: when the check cannot be made, no data leaves', () => {
  it('answers 503 without data when the database connection dies in the middle of the scope check', async () => {
    // Hold a lock the scope query needs, so the request waits inside its check; then kill its connection.
    const blocker = new pg.Client(databaseOf(database.server, database.name));
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE allocations IN ACCESS EXCLUSIVE MODE');
    const pending = clients.sam.get(`/api/people/${people.amara}`);
    let killed = 0;
    for (let attempt = 0; attempt < 100 && killed === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const result = await blocker.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      killed = result.rowCount ?? 0;
    }
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(killed).toBeGreaterThan(0);
    const response = await pending;
    expect(response.statusCode).toBe(503);
    expect(response.body).not.toContain('Amara');
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 503 without data when the database is not there at all', async () => {
    const unreachable = new pg.Pool({
      host: '/nonexistent-socket-folder',
      port: 5432,
      user: 'postgres',
      database: 'none',
      connectionTimeoutMillis: 500,
    });
    unreachable.on('error', () => undefined);
    const { wrapPool } = await import('../db/database.js');
    const broken = await createTestApp(wrapPool(unreachable, null).db);
    const response = await broken.app.inject({
      method: 'GET',
      url: `/api/people/${people.amara}`,
      headers: { cookie: clients.sam.cookie! },
    });
    expect(response.statusCode).toBe(503);
    expect(response.body).not.toContain('Amara');
    expect((await broken.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(503);
    await broken.close();
    await unreachable.end();
  });
});

describe('allocation changes follow the relationship', () => {
  it('lets Jo allocate within North but not to Alex in South', async () => {
    const person = await organisation.addPerson({ fullName: 'Chloe Nowak', allocatedTo: [staff.sam] });
    const refused = await clients.jo.post(`/api/people/${person}/allocations`, { userId: staff.alex.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('userId');
    const allocated = await clients.jo.post(`/api/people/${person}/allocations`, { userId: staff.priya.id });
    expect(allocated.statusCode).toBe(201);
    expect((await clients.priya.get(`/api/people/${person}`)).statusCode).toBe(200);
    // Practitioners do not allocate.
    expect((await clients.sam.post(`/api/people/${person}/allocations`, { userId: staff.priya.id })).statusCode).toBe(
      403,
    );
    const count = await sql<{
      n: string;
    }>`select count(*) as n from allocations where person_id = ${person} and ended_at is null`.execute(database.db);
    expect(count.rows[0]!.n).toBe('2');
  });
});
