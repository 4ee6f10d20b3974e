import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { SecretBox } from '../crypto/secret-box.js';
import { createTestApp, TestClient, type TestApp } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';
import { verifyAuditChains } from './verify.js';

/* The audit trail: SECURITY.md checks 25–28. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;
let sam: TestStaff;
let jo: TestStaff;
let amara: string;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
  sam = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' });
  jo = await organisation.addStaff({ role: 'supervisor', team: 'North', name: 'Jo' });
  amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const rowsFor = (personId: string) =>
  database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('organisation_id', '=', organisation.id)
    .where('person_id', '=', personId)
    .orderBy('occurred_at')
    .execute();

describe('check 25: every view, search and write leaves one row, and the right people can read them', () => {
  it('records who, role, when (UTC), which record, what, outcome and address', async () => {
    const client = await testApp.signIn(sam, '10.2.0.1');
    const before = (await rowsFor(amara)).length;
    const opened = await client.get(`/api/people/${amara}`);
    await client.patch(
      `/api/people/${amara}`,
      { fullName: 'Amara Okonkwo-Reid' },
      { 'if-match': opened.headers.etag as string },
    );
    const rows = (await rowsFor(amara)).slice(before);
    // The PATCH answers with the record, which is itself a read: update, then read.
    expect(rows.map((row) => row.action)).toEqual(['person.read', 'person.update', 'person.read']);
    for (const row of rows) {
      expect(row).toMatchObject({
        actor_user_id: sam.id,
        actor_role: 'practitioner',
        record_type: 'person',
        record_id: amara,
        outcome: 'succeeded',
        source_address: '10.2.0.1',
      });
      expect(Math.abs(row.occurred_at.getTime() - Date.now())).toBeLessThan(60_000);
    }
    expect(rows[1]!.details).toEqual({ fields: ['fullName'] });
  });

  it('records a search as one row with what was searched for', async () => {
    const client = await testApp.signIn(sam, '10.2.0.2');
    await client.get('/api/people?q=Amara');
    const search = await database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('organisation_id', '=', organisation.id)
      .where('action', '=', 'person.search')
      .execute();
    expect(search).toEqual([{ action: 'person.search', details: { q: 'Amara', filter: 'all', page: 1, total: 1 } }]);
  });

  it('shows Jo, the supervisor, who opened the record — and refuses Sam, a practitioner', async () => {
    const supervisor = await testApp.signIn(jo, '10.2.0.3');
    const log = (await supervisor.get(`/api/people/${amara}/access-log`)).json<{
      items: { actor: { userId: string }; action: string }[];
      total: number;
    }>();
    expect(log.items.some((item) => item.actor.userId === sam.id && item.action === 'person.read')).toBe(true);
    expect((await (await testApp.signIn(sam, '10.2.0.4')).get(`/api/people/${amara}/access-log`)).statusCode).toBe(403);
  });
});

describe('check 26: append-only and tamper-evident', () => {
  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(sql`update audit_events set action = 'nothing'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain, then finds a changed row and a deleted tail', async () => {
    expect((await verifyAuditChains(database.db)).problems).toEqual([]);
    // Someone with superuser rights switches the guard off and edits history…
    await database.db.transaction().execute(async (tx) => {
      await sql`alter table audit_events disable trigger audit_events_append_only`.execute(tx);
      await sql`update audit_events set actor_user_id = ${jo.id} where person_id = ${amara} and action = 'person.update'`.execute(
        tx,
      );
      await sql`alter table audit_events enable trigger audit_events_append_only`.execute(tx);
    });
    const changed = await verifyAuditChains(database.db);
    expect(changed.problems.some((problem) => problem.problem.includes('does not match its hash'))).toBe(true);

    // …or removes the most recent rows of a chain.
    const last = await database.db
      .selectFrom('audit_chain_heads')
      .selectAll()
      .orderBy('last_seq', 'desc')
      .executeTakeFirstOrThrow();
    await database.db.transaction().execute(async (tx) => {
      await sql`alter table audit_events disable trigger audit_events_append_only`.execute(tx);
      await sql`delete from audit_events where organisation_id = ${last.organisation_id} and chain = ${last.chain} and seq = ${last.last_seq}`.execute(
        tx,
      );
      await sql`alter table audit_events enable trigger audit_events_append_only`.execute(tx);
    });
    const truncated = await verifyAuditChains(database.db);
    expect(truncated.problems.some((problem) => problem.seq === null && problem.problem.includes('missing'))).toBe(
      true,
    );
  });
});

describe('check 27: if the audit row cannot be written, the change does not happen', () => {
  it('rolls back a new person when their audit row fails', async () => {
    const client = await testApp.signIn(sam, '10.2.0.5');
    // Make the audit insert for this one action fail, as a full disk or a broken trigger would.
    await sql`alter table audit_events add constraint refuse_person_create check (action <> 'person.create') not valid`.execute(
      database.db,
    );
    try {
      const response = await client.post('/api/people', { fullName: 'Never Saved' });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('refuse_person_create');
      const saved = await database.db
        .selectFrom('people')
        .select('id')
        .where('full_name', '=', 'Never Saved')
        .execute();
      expect(saved).toEqual([]);
    } finally {
      await sql`alter table audit_events drop constraint refuse_person_create`.execute(database.db);
    }
  });
});

describe('check 28: logs hold no passwords, tokens, note text or names', () => {
  it('logs route patterns and statuses only', async () => {
    let output = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const config = { ...loadConfig({ DATA_DIR: '/nonexistent-test-data' }) };
    const app = await buildApp(
      { db: database.db, config, secrets: SecretBox.forTests() },
      { logger: pino({ level: 'debug' }, sink) },
    );
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: sam.email, password: sam.password },
      remoteAddress: '10.2.0.6',
    });
    const { csrfToken } = login.json<{ csrfToken: string }>();
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const client = new TestClient(app, cookie, csrfToken, '10.2.0.6');
    await client.get(`/api/people?q=${encodeURIComponent('Amara\nFAKE LOG LINE')}`);
    await client.post('/api/people', { fullName: 'Zainab Secret-Name' });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: sam.email, password: 'wrong-password-value' },
      remoteAddress: '10.2.0.6',
    });
    await app.close();

    expect(output).toContain('"route":"/api/people"');
    for (const secret of [
      sam.password,
      'wrong-password-value',
      csrfToken,
      login.cookies[0]!.value,
      'Amara',
      'Zainab',
      'FAKE LOG LINE',
    ]) {
      expect(output).not.toContain(secret);
    }
    // Every line is one JSON object: input cannot forge a line of its own.
    for (const line of output.trim().split('\n')) {
      expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
  });
});
