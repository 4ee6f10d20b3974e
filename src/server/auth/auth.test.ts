import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

// SECURITY.md checks 1 and 2, and bad input on the sign-in route: what a stranger at the door sees.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;
let admin: TestStaff;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
  admin = await organisation.addStaff({ role: 'administrator', team: null, name: 'Robin' });
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const login = (address: string, body: Record<string, unknown>) =>
  testApp.anonymous(address).post('/api/auth/login', body);

const unknownEmail = () => `nobody-${Math.random().toString(36).slice(2, 10)}@test.rapport.test`;

/** Everything a client can observe of an answer except its date and rate-limit counters. */
function observable(response: LightMyRequestResponse) {
  const headers = Object.fromEntries(
    Object.entries(response.headers).filter(([name]) => name !== 'date' && !name.startsWith('x-ratelimit')),
  );
  return { status: response.statusCode, headers, body: response.body };
}

/** The fields a 422 names, each once (a field may carry more than one message). */
const fieldsOf = (response: LightMyRequestResponse) => [
  ...new Set(response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)),
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function attemptsFor(email: string) {
  return database.db
    .selectFrom('sign_in_attempts')
    .select(['outcome', 'source_address'])
    .where('email', '=', email)
    .orderBy('id')
    .execute();
}

async function signInAuditOf(userId: string) {
  return database.db
    .selectFrom('audit_events')
    .select(['outcome', 'kind', 'source_address', 'details'])
    .where('organisation_id', '=', organisation.id)
    .where('actor_user_id', '=', userId)
    .where('action', '=', 'auth.sign_in')
    .orderBy('occurred_at')
    .execute();
}

describe('check 1: a stranger learns nothing, and cannot guess for long', () => {
  it('answers a wrong password and an unknown email byte for byte alike, after the same work', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', name: 'Sam' });
    // First someone tries Sam's address with a wrong password, then an address nobody has.
    const wrongPassword = await login('10.1.0.1', { email: sam.email, password: 'not-sams-password' });
    const unknown = await login('10.1.0.2', { email: unknownEmail(), password: 'not-sams-password' });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.headers['content-type']).toContain('application/problem+json');
    expect(wrongPassword.json()).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(observable(unknown)).toEqual(observable(wrongPassword));

    // A disabled account answers the same too: the door does not say who works here.
    const leaver = await organisation.addStaff({ role: 'practitioner', name: 'Leaver' });
    await database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', leaver.id).execute();
    const disabled = await login('10.1.0.3', { email: leaver.email, password: leaver.password });
    expect(observable(disabled)).toEqual(observable(wrongPassword));

    // Then timing: both paths verify an argon2 hash, so neither is markedly faster. Interleaved
    // tries, each from its own address, compared by median; two known accounts share the tries so
    // that neither reaches the throttle.
    const timed = [
      await organisation.addStaff({ role: 'practitioner', name: 'Timed' }),
      await organisation.addStaff({ role: 'practitioner', name: 'Timed too' }),
    ];
    const known: number[] = [];
    const stranger: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const email = timed[i % 2]!.email;
      let started = performance.now();
      expect((await login(`10.1.1.${i}`, { email, password: `wrong-${i}-password` })).statusCode).toBe(401);
      known.push(performance.now() - started);
      started = performance.now();
      expect((await login(`10.1.2.${i}`, { email: unknownEmail(), password: `wrong-${i}-password` })).statusCode).toBe(
        401,
      );
      stranger.push(performance.now() - started);
    }
    const ratio = median(stranger) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('throttles an account after six failures in a minute, from any address, even with the right password', async () => {
    const alex = await organisation.addStaff({ role: 'practitioner', name: 'Alex' });
    // Someone guesses Alex's password six times, each time from a different address…
    for (let i = 0; i < 6; i += 1) {
      expect((await login(`10.2.0.${i}`, { email: alex.email, password: `guess-${i}-guess` })).statusCode).toBe(401);
    }
    // …so the seventh try is refused before any password is checked — even Alex's own, elsewhere.
    const seventh = await login('10.2.1.1', { email: alex.email.toUpperCase(), password: alex.password });
    expect(seventh.statusCode).toBe(429);
    expect(seventh.headers['retry-after']).toBe('60');
    expect(seventh.headers['content-type']).toContain('application/problem+json');
    expect(seventh.json()).toMatchObject({ code: 'too_many_requests' });
    expect(seventh.cookies).toEqual([]);

    // Every attempt is on record, the refused one included, and each is in Alex's security audit.
    const attempts = await attemptsFor(alex.email);
    expect(attempts.map((attempt) => attempt.outcome)).toEqual([...Array<string>(6).fill('failed'), 'throttled']);
    expect(attempts[6]!.source_address).toBe('10.2.1.1');
    const audit = await signInAuditOf(alex.id);
    expect(audit).toHaveLength(7);
    expect(audit.every((row) => row.kind === 'security' && row.outcome === 'denied')).toBe(true);
    expect(audit[6]!.source_address).toBe('10.2.1.1');
  });

  it('throttles an address after six failures across accounts', async () => {
    const jo = await organisation.addStaff({ role: 'supervisor', name: 'Jo' });
    const address = '10.3.0.1';
    // One address sprays six different accounts, known and unknown, once each…
    for (let i = 0; i < 6; i += 1) {
      const email = i % 2 === 0 ? unknownEmail() : (await organisation.addStaff({ role: 'practitioner' })).email;
      expect((await login(address, { email, password: 'spray-and-pray' })).statusCode).toBe(401);
    }
    // …then even Jo, with the right password, is turned away from that address, though not elsewhere.
    const fromSprayer = await login(address, { email: jo.email, password: jo.password });
    expect(fromSprayer.statusCode).toBe(429);
    expect(fromSprayer.headers['retry-after']).toBe('60');
    expect((await login('10.3.0.2', { email: jo.email, password: jo.password })).statusCode).toBe(200);
    expect((await attemptsFor(jo.email)).map((attempt) => attempt.outcome)).toEqual(['throttled', 'succeeded']);
  });

  it('records success and failure in sign_in_attempts, and known accounts in the audit trail', async () => {
    const kim = await organisation.addStaff({ role: 'practitioner', name: 'Kim' });
    const stranger = unknownEmail();
    // Kim mistypes once, then gets it right; someone else tries an address that does not exist.
    expect((await login('10.4.0.1', { email: kim.email, password: 'fat-fingered-it' })).statusCode).toBe(401);
    expect((await login('10.4.0.1', { email: kim.email, password: kim.password })).statusCode).toBe(200);
    expect((await login('10.4.0.2', { email: stranger, password: 'whatever-it-is' })).statusCode).toBe(401);

    expect(await attemptsFor(kim.email)).toEqual([
      { outcome: 'failed', source_address: '10.4.0.1' },
      { outcome: 'succeeded', source_address: '10.4.0.1' },
    ]);
    expect(await attemptsFor(stranger)).toEqual([{ outcome: 'failed', source_address: '10.4.0.2' }]);
    expect(await signInAuditOf(kim.id)).toMatchObject([
      { outcome: 'denied', kind: 'security', source_address: '10.4.0.1' },
      { outcome: 'succeeded', kind: 'security', source_address: '10.4.0.1' },
    ]);
  });

  it('does not let a burst of simultaneous guesses slip past the throttle', async () => {
    const lee = await organisation.addStaff({ role: 'practitioner', name: 'Lee' });
    // An attacker fires twenty guesses at once from twenty addresses, hoping each is checked
    // against the throttle before any of the others is recorded.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(`10.5.0.${i}`, { email: lee.email, password: `burst-${i}-guess` })),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(6);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(14);
    const failed = (await attemptsFor(lee.email)).filter((attempt) => attempt.outcome === 'failed');
    expect(failed.length).toBeLessThanOrEqual(6);
  });
});

describe('check 2: passwords', () => {
  it('refuses short and common new passwords, naming the field, and keeps the old one', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', name: 'Sam' });
    const client = await testApp.signIn(sam, '10.6.0.1');
    // Sam tries a short password, seven emoji (fourteen UTF-16 units, but seven characters), and
    // two from the lists attackers try first.
    for (const newPassword of ['short1!', '🦊🦊🦊🦊🦊🦊🦊', 'password123', 'Password123', 'qwertyuiop']) {
      const refused = await client.post('/api/auth/password', { currentPassword: sam.password, newPassword });
      expect(refused.statusCode, newPassword).toBe(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(refused)).toEqual(['newPassword']);
    }
    // Nothing changed: the old password still works.
    expect((await login('10.6.0.2', { email: sam.email, password: sam.password })).statusCode).toBe(200);
  });

  it('takes a 64-character Unicode passphrase whole, and stores it as argon2id', async () => {
    const ana = await organisation.addStaff({ role: 'practitioner', name: 'Ana' });
    const passphrase = 'Crème brûlée 🦊 au café, 東京の夜は静か 🌙 — naïve señor Ærø 秘密 🔑 Ελλάδα!';
    expect([...passphrase]).toHaveLength(64);
    // Well past bcrypt's 72 bytes: a store that truncated would not notice a change at the end.
    expect(Buffer.byteLength(passphrase)).toBeGreaterThan(72);

    const client = await testApp.signIn(ana, '10.7.0.1');
    const changed = await client.post('/api/auth/password', { currentPassword: ana.password, newPassword: passphrase });
    expect(changed.statusCode).toBe(200);

    const stored = await database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', ana.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(stored.password_hash).not.toContain('Crème');

    // Ana signs in with it; the same passphrase typed with decomposed accents (another keyboard)
    // still works; changing only its last character does not.
    expect((await login('10.7.0.2', { email: ana.email, password: passphrase })).statusCode).toBe(200);
    expect((await login('10.7.0.3', { email: ana.email, password: passphrase.normalize('NFD') })).statusCode).toBe(200);
    const lastChanged = [...passphrase].slice(0, -1).join('') + '?';
    expect((await login('10.7.0.4', { email: ana.email, password: lastChanged })).statusCode).toBe(401);
    expect((await login('10.7.0.5', { email: ana.email, password: ana.password })).statusCode).toBe(401);
  });

  it('refuses a common initial password when an administrator adds a colleague', async () => {
    const client = await testApp.signIn(admin, '10.8.0.1');
    const newcomer = (initialPassword: string) => ({
      email: `${unknownEmail()}`,
      displayName: 'Newcomer',
      role: 'practitioner',
      teamIds: [organisation.teams.North],
      initialPassword,
    });
    for (const initialPassword of ['password123', 'qwertyuiop', 'seven77']) {
      const body = newcomer(initialPassword);
      const refused = await client.post('/api/staff', body);
      expect(refused.statusCode, initialPassword).toBe(422);
      expect(fieldsOf(refused)).toEqual(['initialPassword']);
      // Nobody was created: the address cannot sign in.
      expect((await attemptsFor(body.email)).length).toBe(0);
      const directory = await database.db
        .selectFrom('sign_in_directory')
        .select('email')
        .where('email', '=', body.email)
        .execute();
      expect(directory).toEqual([]);
    }
    // The same request with a sound password works, so it was the password that was refused.
    expect((await client.post('/api/staff', newcomer('tangerine-kettle-obelisk'))).statusCode).toBe(201);
  });
});

describe('bad input on the sign-in route', () => {
  const leaksNothing = (response: LightMyRequestResponse) => {
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).not.toMatch(/\bat .+:\d+:\d+|node_modules|stack|select |insert |postgres|kysely/i);
  };
  const send = (payload: string, contentType = 'application/json', address = '10.9.0.1') =>
    testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: address,
      headers: { 'content-type': contentType },
      payload,
    });

  it('answers malformed JSON with 400', async () => {
    const response = await send('{"email": "sam@example.org", "password": ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad_request', status: 400 });
    leaksNothing(response);
  });

  it('answers an unknown field with 422 naming it, and wrong types with 422', async () => {
    const extra = await login('10.9.0.2', { email: 'sam@example.org', password: 'whatever-it-is', role: 'manager' });
    expect(extra.statusCode).toBe(422);
    expect(extra.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toEqual(['role']);
    leaksNothing(extra);

    const wrongTypes = await login('10.9.0.3', { email: ['sam@example.org'], password: 12345678 });
    expect(wrongTypes.statusCode).toBe(422);
    expect(fieldsOf(wrongTypes)).toEqual(expect.arrayContaining(['email', 'password']));
    leaksNothing(wrongTypes);
    // Neither reached the sign-in itself.
    expect(await attemptsFor('sam@example.org')).toEqual([]);
  });

  it('answers a body over 64 KB with 413 and a form body with 415', async () => {
    const huge = JSON.stringify({ email: 'sam@example.org', password: 'x'.repeat(70 * 1024) });
    const tooLarge = await send(huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'payload_too_large' });
    leaksNothing(tooLarge);

    const form = await send('email=sam%40example.org&password=whatever', 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
    expect(form.json()).toMatchObject({ code: 'unsupported_media_type' });
    leaksNothing(form);
  });

  // A text/plain body is what another site's plain HTML form can send: only JSON is accepted.
  it('answers a text/plain body with 415', async () => {
    const response = await send('{"email":"sam@example.org","password":"whatever"}', 'text/plain');
    expect(response.statusCode).toBe(415);
  });
});

describe('check 28: what sign-in leaves in the logs', () => {
  it('logs no password, session token, CSRF token or second-factor secret, at any level', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const app = await buildApp(
      { db: database.db, config: testApp.config, secrets: testApp.secrets },
      { logger: pino({ level: 'trace' }, sink) },
    );
    try {
      const noor = await organisation.addStaff({ role: 'practitioner', name: 'Noor' });
      const send = (payload: unknown, headers: Record<string, string> = {}) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '10.10.0.1',
          headers,
          payload: payload as string,
        });
      // Noor mistypes, then signs in; someone sends a broken body, and a forged log line in an email.
      await send({ email: noor.email, password: 'Mistyped-Password-1' });
      const signedIn = await send({ email: noor.email, password: noor.password });
      await send(`{"email":"${noor.email}","password":"Half-Sent-Password-2`, { 'content-type': 'application/json' });
      await send({ email: 'x\n{"level":60,"msg":"forged"}\r\n@example.org', password: 'Injected-Password-3' });
      const { csrfToken } = signedIn.json<{ csrfToken: string }>();
      const cookie = `${signedIn.cookies[0]!.name}=${signedIn.cookies[0]!.value}`;
      const headers = { cookie, 'x-csrf-token': csrfToken };
      await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { currentPassword: 'Wrong-Current-4', newPassword: 'Brand-New-Secret-5' },
      });
      const enrolment = await app.inject({ method: 'POST', url: '/api/auth/second-factor', headers, payload: {} });
      const { secret } = enrolment.json<{ secret: string }>();

      // The log did record the requests — by route and status — so an empty log cannot pass. (The
      // address with a line break in it is refused as invalid input: 422.)
      const records = lines.map((line) => JSON.parse(line) as { msg?: string; route?: string; status?: number });
      expect(records.filter((record) => record.route === '/api/auth/login').map((record) => record.status)).toEqual([
        401, 200, 400, 422,
      ]);
      expect(records.some((record) => record.msg === 'forged')).toBe(false);
      const everything = lines.join('\n');
      for (const secretText of [
        noor.password,
        'Mistyped-Password-1',
        'Half-Sent-Password-2',
        'Injected-Password-3',
        'Wrong-Current-4',
        'Brand-New-Secret-5',
        signedIn.cookies[0]!.value.split('.')[1]!,
        csrfToken,
        secret,
      ]) {
        expect(everything).not.toContain(secretText);
      }
    } finally {
      await app.close();
    }
  });
});
