import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { ensureDemoOrganisation } from './demo.js';

/* The demo organisation shows every module with something true in it on first start. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let sam: TestClient;
let jo: TestClient;
const password = 'demo-test-password-4417';

beforeAll(async () => {
  database = await createTestDatabase();
  const signIns = await ensureDemoOrganisation(database.db, {
    dataDir: mkdtempSync(path.join(tmpdir(), 'demo-')),
    password,
  });
  expect(signIns?.users.map((user) => user.email)).toContain('sam@demo.rapport.test');
  testApp = await createTestApp(database.db);
  sam = await testApp.signIn({ email: 'sam@demo.rapport.test', password });
  jo = await testApp.signIn({ email: 'jo@demo.rapport.test', password }, '10.50.0.2');
}, 120_000);

afterAll(async () => {
  await testApp?.close();
  await database?.close();
});

describe('the demo organisation', () => {
  it('gives Sam a caseload whose people have a history, promises both ways, goals, a plan and check-ins', async () => {
    const caseload = (await sam.get('/api/people?filter=mine')).json<{ items: { id: string; fullName: string }[] }>();
    expect(caseload.items.length).toBeGreaterThanOrEqual(5);
    const first = caseload.items.find((person) => person.fullName !== 'Leah Fraser')!;
    const contacts = (await sam.get(`/api/people/${first.id}/contacts`)).json<{ items: { status: string }[] }>();
    expect(contacts.items.some((contact) => contact.status === 'made')).toBe(true);
    expect(contacts.items.some((contact) => contact.status === 'planned')).toBe(true);
    const goals = (await sam.get(`/api/people/${first.id}/goals`)).json<{
      items: { progress: unknown[]; steps: unknown[] }[];
    }>();
    expect(goals.items.length).toBeGreaterThanOrEqual(1);
    expect(goals.items[0]!.progress.length).toBeGreaterThanOrEqual(2);
    expect(
      (await sam.get(`/api/people/${first.id}/plans`)).json<{ items: unknown[] }>().items.length,
    ).toBeGreaterThanOrEqual(1);
    expect(
      (await sam.get(`/api/people/${first.id}/checkins`)).json<{ items: unknown[] }>().items.length,
    ).toBeGreaterThanOrEqual(3);
    expect((await sam.get(`/api/people/${first.id}/brief`)).statusCode).toBe(200);
  });

  it('has promises kept, kept late, renegotiated and not kept across Sam’s ledger', async () => {
    const ledger = (await sam.get('/api/commitments?status=all')).json<{ items: { status: string }[] }>();
    const statuses = new Set(ledger.items.map((item) => item.status));
    for (const status of ['kept', 'kept_late', 'renegotiated', 'not_kept']) {
      expect(statuses, status).toContain(status);
    }
  });

  it('shows a check-in that dropped: a prompt for the practitioner and a signal for the supervisor', async () => {
    const samKinds = (await sam.get('/api/notifications'))
      .json<{ items: { kind: string }[] }>()
      .items.map((n) => n.kind);
    const joKinds = (await jo.get('/api/notifications')).json<{ items: { kind: string }[] }>().items.map((n) => n.kind);
    expect([...samKinds, ...joKinds]).toContain('checkin_prompt');
    expect(joKinds).toContain('checkin_signal');
  });
});
