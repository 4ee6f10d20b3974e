import { setTimeout as sleep } from 'node:timers/promises';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { poolDefaults, wrapPool } from '../db/database.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { databaseOf } from '../testing/global-setup.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

// SECURITY.md check 6: an authenticator app as a second factor, and codes that work once.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const PERIOD_MS = 30_000;

/** The code an authenticator app shows `steps` time steps from `now`. */
const codeAt = (secret: string, now: number, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: now + steps * PERIOD_MS,
  });

/**
 * The server accepts one step either side of its own; a test that crossed a step boundary half-way
 * would see codes age under it. So start early in a step: the stories below take well under a second.
 */
async function startOfAStep(): Promise<number> {
  const into = Date.now() % PERIOD_MS;
  if (into > PERIOD_MS - 3_000) {
    await sleep(PERIOD_MS - into + 50);
  }
  return Date.now();
}

/** A code that is none of the three the server would take now. */
function wrongCode(secret: string, now: number): string {
  const valid = new Set([-1, 0, 1].map((steps) => codeAt(secret, now, steps)));
  return ['123456', '654321', '000000'].find((code) => !valid.has(code))!;
}

const login = (address: string, body: Record<string, unknown>) =>
  testApp.anonymous(address).post('/api/auth/login', body);

/** Signs in and enrols, confirming with the previous step's code so that the current and next stay fresh. */
async function enrol(staff: TestStaff, address: string, now: number): Promise<{ client: TestClient; secret: string }> {
  const client = await testApp.signIn(staff, address);
  const started = await client.post('/api/auth/second-factor');
  expect(started.statusCode).toBe(200);
  const { secret } = started.json<{ secret: string; otpauthUri: string }>();
  expect((await client.post('/api/auth/second-factor/confirm', { code: codeAt(secret, now, -1) })).statusCode).toBe(
    204,
  );
  return { client, secret };
}

async function attemptsFor(email: string) {
  const rows = await database.db
    .selectFrom('sign_in_attempts')
    .select('outcome')
    .where('email', '=', email)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.outcome);
}

describe('check 6: a second factor', () => {
  it('enrols an authenticator app, then needs a fresh code at every sign-in', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', name: 'Sam' });
    const now = await startOfAStep();
    // First Sam signs in and starts setting up an authenticator app.
    const client = await testApp.signIn(sam, '10.20.0.1');
    const started = await client.post('/api/auth/second-factor');
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri } = started.json<{ secret: string; otpauthUri: string }>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUri).toContain(`secret=${secret}`);
    // The seed is sealed at rest, not stored as Sam's app shows it.
    const stored = await database.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', sam.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret).not.toContain(secret);

    // Until confirmed it is not in force, and a wrong code does not confirm it.
    expect((await login('10.20.0.2', { email: sam.email, password: sam.password })).statusCode).toBe(200);
    const wrong = await client.post('/api/auth/second-factor/confirm', { code: wrongCode(secret, now) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ errors: [{ field: 'code' }] });
    expect((await client.post('/api/auth/second-factor/confirm', { code: codeAt(secret, now, -1) })).statusCode).toBe(
      204,
    );
    expect((await client.get('/api/auth/session')).json()).toMatchObject({ user: { secondFactorEnabled: true } });
    expect((await client.post('/api/auth/second-factor')).statusCode).toBe(409);

    // Now the password alone is not enough: no cookie, and the attempt is on record.
    const withoutCode = await login('10.20.0.3', { email: sam.email, password: sam.password });
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json()).toMatchObject({ code: 'second_factor_required' });
    expect(withoutCode.cookies).toEqual([]);
    // Nor a wrong code, nor a right code with a wrong password.
    const wrongAtSignIn = await login('10.20.0.4', { email: sam.email, password: sam.password, totpCode: '12345a' });
    expect(wrongAtSignIn.statusCode).toBe(422);
    const badCode = await login('10.20.0.4', {
      email: sam.email,
      password: sam.password,
      totpCode: wrongCode(secret, now),
    });
    expect(badCode.statusCode).toBe(401);
    expect(badCode.json()).toMatchObject({ code: 'second_factor_required' });
    const badPassword = await login('10.20.0.5', {
      email: sam.email,
      password: 'not-sams-password',
      totpCode: codeAt(secret, now),
    });
    expect(badPassword.statusCode).toBe(401);
    expect(badPassword.json()).toMatchObject({ code: 'invalid_credentials' });

    // With the current code Sam is in; the same code, replayed a moment later, is refused.
    const code = codeAt(secret, now);
    const signedIn = await login('10.20.0.6', { email: sam.email, password: sam.password, totpCode: code });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ user: { secondFactorEnabled: true } });
    const replayed = await login('10.20.0.7', { email: sam.email, password: sam.password, totpCode: code });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ code: 'second_factor_required' });
    // Even an older code (the one that confirmed the set-up) no longer works; the next one does.
    const older = await login('10.20.0.8', {
      email: sam.email,
      password: sam.password,
      totpCode: codeAt(secret, now, -1),
    });
    expect(older.statusCode).toBe(401);
    const next = await login('10.20.0.9', {
      email: sam.email,
      password: sam.password,
      totpCode: codeAt(secret, now, 1),
    });
    expect(next.statusCode).toBe(200);

    expect(await attemptsFor(sam.email)).toEqual([
      'succeeded', // signIn() above
      'succeeded', // before confirming
      'second_factor_required',
      'second_factor_failed',
      'failed',
      'succeeded',
      'second_factor_failed',
      'second_factor_failed',
      'succeeded',
    ]);
    const denied = await database.db
      .selectFrom('audit_events')
      .select('details')
      .where('organisation_id', '=', organisation.id)
      .where('actor_user_id', '=', sam.id)
      .where('action', '=', 'auth.sign_in')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((row) => (row.details as { why?: string }).why).sort()).toEqual([
      'password',
      'second_factor',
      'second_factor',
      'second_factor',
    ]);
  });

  it('turns the second factor off only with the password and a fresh code', async () => {
    const alex = await organisation.addStaff({ role: 'practitioner', name: 'Alex' });
    const now = await startOfAStep();
    const { client, secret } = await enrol(alex, '10.21.0.1', now);

    // Alex's session was stolen: without the password, or with a code already used, it cannot
    // switch the second factor off.
    const wrongPassword = await client.post('/api/auth/second-factor/disable', {
      password: 'not-alexs-password',
      code: codeAt(secret, now),
    });
    expect(wrongPassword.statusCode).toBe(422);
    // The same answer whichever of the two was wrong: the thief learns nothing about the password.
    expect(wrongPassword.json()).toMatchObject({ errors: [{ field: 'password' }, { field: 'code' }] });
    const usedCode = await client.post('/api/auth/second-factor/disable', {
      password: alex.password,
      code: codeAt(secret, now, -1),
    });
    expect(usedCode.statusCode).toBe(422);
    expect(usedCode.body).toBe(wrongPassword.body);
    expect((await login('10.21.0.2', { email: alex.email, password: alex.password })).json()).toMatchObject({
      code: 'second_factor_required',
    });

    // With both, it is off: the password alone signs Alex in again.
    const disabled = await client.post('/api/auth/second-factor/disable', {
      password: alex.password,
      code: codeAt(secret, now),
    });
    expect(disabled.statusCode).toBe(204);
    expect((await login('10.21.0.3', { email: alex.email, password: alex.password })).statusCode).toBe(200);
  });

  it('records a wrong code without waiting for a second database connection', async () => {
    const kim = await organisation.addStaff({ role: 'practitioner', name: 'Kim' });
    const now = await startOfAStep();
    const { secret } = await enrol(kim, '10.22.0.1', now);
    // A sign-in that waited for a second connection while holding one (and a lock on the account)
    // would, in a burst of such sign-ins, leave every connection waiting until the pool gave up,
    // and everyone else with them. With a pool of one connection that wait is certain, not a race.
    const single = wrapPool(
      new pg.Pool({
        ...database.server,
        ...databaseOf(database.server, database.name),
        ...poolDefaults(1),
        connectionTimeoutMillis: 1_000,
      }),
      null,
    );
    const app = await buildApp({ db: single.db, config: testApp.config, secrets: testApp.secrets });
    try {
      const started = Date.now();
      const answer = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.22.0.2',
        payload: { email: kim.email, password: kim.password, totpCode: wrongCode(secret, now) },
      });
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({ code: 'second_factor_required' });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(await attemptsFor(kim.email)).toEqual(['succeeded', 'second_factor_failed']);
    } finally {
      await app.close();
      await single.close();
    }
  });
});
