import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

// SECURITY.md checks 3, 4, 5 and 7: what a session is, when it ends, and who can end it.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let httpsApp: TestApp;
let organisation: TestOrganisation;
let admin: TestStaff;
let addressCounter = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  // Behind a TLS-terminating proxy, as in production.
  httpsApp = await createTestApp(database.db, { trustProxy: true });
  organisation = await createTestOrganisation(database.db);
  admin = await organisation.addStaff({ role: 'administrator', team: null, name: 'Robin' });
});

afterAll(async () => {
  await httpsApp.close();
  await testApp.close();
  await database.close();
});

/** A fresh client address for each sign-in, so that the throttle never sees a crowd. */
const nextAddress = () => `10.30.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;
const signIn = (staff: TestStaff, app = testApp) => app.signIn(staff, nextAddress());

/** The sessions row behind a client's cookie, found the way the server finds it. */
async function sessionOf(cookie: string) {
  const token = cookie.split('=')[1]!.split('.')[1]!;
  return database.db
    .selectFrom('sessions')
    .select(['id', 'ended_at', 'ended_reason', 'last_seen_at'])
    .where('token_hash', '=', createHash('sha256').update(token).digest())
    .executeTakeFirstOrThrow();
}

/** Moves a session back in time (created_at is not writable through the application's types). */
async function moveSession(client: TestClient, changes: { lastSeenMinutesAgo?: number; createdHoursAgo?: number }) {
  const { id } = await sessionOf(client.cookie!);
  const now = Date.now();
  if (changes.lastSeenMinutesAgo !== undefined) {
    const lastSeen = new Date(now - changes.lastSeenMinutesAgo * 60_000);
    await sql`UPDATE sessions SET last_seen_at = ${lastSeen} WHERE id = ${id}`.execute(database.db);
  }
  if (changes.createdHoursAgo !== undefined) {
    const created = new Date(now - changes.createdHoursAgo * 3_600_000);
    await sql`UPDATE sessions SET created_at = ${created} WHERE id = ${id}`.execute(database.db);
  }
}

const status = async (request: Promise<LightMyRequestResponse>) => (await request).statusCode;

describe('check 3: the session cookie', () => {
  it('is new at every sign-in, HttpOnly and SameSite=Strict, and replaces the session it finds', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', name: 'Sam' });
    const address = nextAddress();
    const signInFrom = (cookie?: string) =>
      testApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: address,
        headers: cookie ? { cookie } : {},
        payload: { email: sam.email, password: sam.password },
      });
    // First Sam signs in on the office computer.
    const first = await signInFrom();
    expect(first.statusCode).toBe(200);
    expect(first.cookies).toHaveLength(1);
    const cookie = first.cookies[0]!;
    expect(cookie).toMatchObject({ name: 'rapport_session', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(String(first.headers['set-cookie'])).toMatch(/; HttpOnly/);
    const firstCookie = `${cookie.name}=${cookie.value}`;
    expect(await status(new TestClient(testApp.app, firstCookie, null, address).get('/api/auth/session'))).toBe(200);

    // Then signs in again in the same browser, still holding the first cookie: a new value, and
    // the first session is over.
    const second = await signInFrom(firstCookie);
    expect(second.statusCode).toBe(200);
    expect(second.cookies[0]!.value).not.toBe(cookie.value);
    expect(await status(new TestClient(testApp.app, firstCookie, null, address).get('/api/auth/session'))).toBe(401);
    expect(await sessionOf(firstCookie)).toMatchObject({ ended_reason: 'logout' });
    const secondCookie = `rapport_session=${second.cookies[0]!.value}`;
    expect(await status(new TestClient(testApp.app, secondCookie, null, address).get('/api/auth/session'))).toBe(200);

    // A value someone planted in the browser beforehand is never adopted.
    const planted = `rapport_session=${organisation.id}.${'A'.repeat(43)}`;
    const third = await signInFrom(planted);
    expect(third.cookies[0]!.value).not.toBe(planted.split('=')[1]);
  });

  it('over HTTPS is __Host- prefixed, Secure, for Path=/, with no Domain', async () => {
    const alex = await organisation.addStaff({ role: 'practitioner', name: 'Alex' });
    const https = { 'x-forwarded-proto': 'https' };
    const response = await httpsApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextAddress(),
      headers: https,
      payload: { email: alex.email, password: alex.password },
    });
    expect(response.statusCode).toBe(200);
    const [cookie] = response.cookies;
    expect(cookie).toMatchObject({
      name: '__Host-rapport_session',
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    expect(cookie!.domain).toBeUndefined();
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
    // The cookie works over HTTPS, and the answer tells the browser to stay on HTTPS.
    const session = await httpsApp.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { ...https, cookie: `${cookie!.name}=${cookie!.value}` },
    });
    expect(session.statusCode).toBe(200);
    expect(session.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });
});

describe('check 4: automatic logoff', () => {
  it('ends a session idle for 30 minutes, but not one idle for 29', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', name: 'Sam' });
    const client = await signIn(sam);
    expect((await client.get('/api/auth/session')).json()).toMatchObject({ idleTimeoutSeconds: 1800 });

    // Sam steps away for 29 minutes and comes back: still signed in, and the clock restarts.
    await moveSession(client, { lastSeenMinutesAgo: 29 });
    expect(await status(client.get('/api/auth/session'))).toBe(200);
    const touched = await sessionOf(client.cookie!);
    expect(Date.now() - touched.last_seen_at.getTime()).toBeLessThan(60_000);

    // Then Sam leaves the screen for 31 minutes: the session is over, and stays over.
    await moveSession(client, { lastSeenMinutesAgo: 31 });
    expect(await status(client.get('/api/auth/session'))).toBe(401);
    const ended = await sessionOf(client.cookie!);
    expect(ended.ended_reason).toBe('idle');
    expect(ended.ended_at).toBeInstanceOf(Date);
    await moveSession(client, { lastSeenMinutesAgo: 0 });
    expect(await status(client.get('/api/auth/session'))).toBe(401);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const alex = await organisation.addStaff({ role: 'practitioner', name: 'Alex' });
    const longDay = await signIn(alex);
    const tooLong = await signIn(alex);
    // Alex has been busy all day on two machines: one signed in 11 h 58 min ago, one 12 h 1 min ago.
    await moveSession(longDay, { createdHoursAgo: 11 + 58 / 60, lastSeenMinutesAgo: 1 });
    await moveSession(tooLong, { createdHoursAgo: 12 + 1 / 60, lastSeenMinutesAgo: 1 });
    expect(await status(longDay.get('/api/auth/session'))).toBe(200);
    expect(await status(tooLong.get('/api/auth/session'))).toBe(401);
    expect(await sessionOf(tooLong.cookie!)).toMatchObject({ ended_reason: 'expired' });
  });

  it('follows the configured idle limit', async () => {
    const shortApp = await createTestApp(database.db, { sessionIdleMinutes: 5 });
    try {
      const kim = await organisation.addStaff({ role: 'practitioner', name: 'Kim' });
      const client = await signIn(kim, shortApp);
      expect((await client.get('/api/auth/session')).json()).toMatchObject({ idleTimeoutSeconds: 300 });
      await moveSession(client, { lastSeenMinutesAgo: 6 });
      expect(await status(client.get('/api/auth/session'))).toBe(401);
      expect(await sessionOf(client.cookie!)).toMatchObject({ ended_reason: 'idle' });
    } finally {
      await shortApp.close();
    }
  });
});

describe('check 5: the very next request after access is taken away', () => {
  it('is refused after logout', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', name: 'Sam' });
    const client = await signIn(sam);
    const logout = await client.post('/api/auth/logout');
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/rapport_session=;/);
    // The browser may keep the cookie (a copy, a back button): it no longer opens anything.
    expect(await status(client.get('/api/auth/session'))).toBe(401);
    expect(await sessionOf(client.cookie!)).toMatchObject({ ended_reason: 'logout' });
  });

  it('is refused once an administrator disables the account', async () => {
    const leaver = await organisation.addStaff({ role: 'practitioner', name: 'Leaver' });
    const client = await signIn(leaver);
    const robin = await signIn(admin);
    expect(await status(client.get('/api/auth/session'))).toBe(200);
    expect(await status(robin.patch(`/api/staff/${leaver.id}`, { disabled: true }))).toBe(200);
    expect(await status(client.get('/api/auth/session'))).toBe(401);
    expect(await sessionOf(client.cookie!)).toMatchObject({ ended_reason: 'disabled' });
    expect(
      await status(
        testApp.anonymous(nextAddress()).post('/api/auth/login', { email: leaver.email, password: leaver.password }),
      ),
    ).toBe(401);
  });

  it('follows a role change at once: a practitioner made administrator no longer sees their caseload', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', name: 'Sam' });
    const amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
    const client = await signIn(sam);
    const robin = await signIn(admin);
    expect(await status(client.get(`/api/people/${amara}`))).toBe(200);
    expect(await status(robin.patch(`/api/staff/${sam.id}`, { role: 'administrator' }))).toBe(200);
    // Same session, same cookie: the new role applies to the very next request.
    const after = await client.get(`/api/people/${amara}`);
    expect(after.statusCode).toBe(404);
    expect(after.body).not.toContain('Amara');
    expect((await client.get('/api/auth/session')).json()).toMatchObject({ user: { role: 'administrator' } });
  });

  it('refuses the person once a supervisor ends the allocation', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' });
    const jo = await organisation.addStaff({ role: 'supervisor', team: 'North', name: 'Jo' });
    const ben = await organisation.addPerson({ fullName: 'Ben Hughes', allocatedTo: [sam] });
    const client = await signIn(sam);
    const opened = await client.get(`/api/people/${ben}`);
    expect(opened.statusCode).toBe(200);
    const [allocation] = opened.json<{ allocations: { id: string; userId: string }[] }>().allocations;
    expect(allocation!.userId).toBe(sam.id);

    const supervisor = await signIn(jo);
    expect(await status(supervisor.delete(`/api/people/${ben}/allocations/${allocation!.id}`))).toBe(204);
    const after = await client.get(`/api/people/${ben}`);
    expect(after.statusCode).toBe(404);
    expect(after.body).not.toContain('Ben');
    // The session itself is fine: only that person is out of reach.
    expect(await status(client.get('/api/auth/session'))).toBe(200);
  });
});

describe('check 7: changing the password and ending other sessions', () => {
  it('needs the current password, and ends the other sessions but not this one', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', name: 'Sam' });
    // Sam is signed in on a laptop and a phone.
    const laptop = await signIn(sam);
    const phone = await signIn(sam);
    const listed = (await laptop.get('/api/auth/sessions')).json<{ items: { id: string; current: boolean }[] }>();
    expect(listed.items).toHaveLength(2);
    expect(listed.items.filter((item) => item.current).map((item) => item.id)).toEqual([
      (await sessionOf(laptop.cookie!)).id,
    ]);

    // Someone at the unlocked laptop tries to change the password without knowing it.
    const guessed = await laptop.post('/api/auth/password', {
      currentPassword: 'a-guess-at-it',
      newPassword: 'velvet-harbour-compass',
    });
    expect(guessed.statusCode).toBe(422);
    expect(guessed.json()).toMatchObject({ errors: [{ field: 'currentPassword' }] });
    expect(await status(phone.get('/api/auth/session'))).toBe(200);

    // Sam changes it properly: the phone is signed out, the laptop carries on.
    const changed = await laptop.post('/api/auth/password', {
      currentPassword: sam.password,
      newPassword: 'velvet-harbour-compass',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ endedSessions: 1 });
    expect(await status(phone.get('/api/auth/session'))).toBe(401);
    expect(await sessionOf(phone.cookie!)).toMatchObject({ ended_reason: 'password_changed' });
    expect(await status(laptop.get('/api/auth/session'))).toBe(200);
    const login = (password: string) =>
      testApp.anonymous(nextAddress()).post('/api/auth/login', { email: sam.email, password });
    expect(await status(login(sam.password))).toBe(401);
    expect(await status(login('velvet-harbour-compass'))).toBe(200);
  });

  it('can keep the other sessions, and end them later on request', async () => {
    const alex = await organisation.addStaff({ role: 'practitioner', name: 'Alex' });
    const laptop = await signIn(alex);
    const phone = await signIn(alex);
    const kept = await laptop.post('/api/auth/password', {
      currentPassword: alex.password,
      newPassword: 'saffron-meadow-kettle',
      endOtherSessions: false,
    });
    expect(kept.json()).toEqual({ endedSessions: 0 });
    expect(await status(phone.get('/api/auth/session'))).toBe(200);

    // Alex then notices the phone is missing and ends every other session from the laptop.
    const ended = await laptop.post('/api/auth/sessions/end-others');
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ endedSessions: 1 });
    expect(await status(phone.get('/api/auth/session'))).toBe(401);
    expect(await sessionOf(phone.cookie!)).toMatchObject({ ended_reason: 'ended_by_user' });
    const listed = (await laptop.get('/api/auth/sessions')).json<{ items: { current: boolean }[] }>();
    expect(listed.items).toEqual([expect.objectContaining({ current: true })]);
  });

  it('stops a stolen session from guessing the current password: five wrong tries, then 429', async () => {
    const kim = await organisation.addStaff({ role: 'practitioner', name: 'Kim' });
    const thief = await signIn(kim);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const guess = await thief.post('/api/auth/password', {
        currentPassword: `guess-${attempt}-wrong`,
        newPassword: 'orchid-tundra-marble',
      });
      expect(guess.statusCode).toBe(422);
    }
    // Even the right password is refused now, on this route and on turning off the second factor.
    const right = await thief.post('/api/auth/password', {
      currentPassword: kim.password,
      newPassword: 'orchid-tundra-marble',
    });
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBe('900');
    const disable = await thief.post('/api/auth/second-factor/disable', { password: kim.password, code: '123456' });
    expect(disable.statusCode).toBe(429);
    const denied = await database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('actor_user_id', '=', kim.id)
      .where('action', '=', 'auth.password_change')
      .where('outcome', '=', 'denied')
      .executeTakeFirstOrThrow();
    expect(denied.n).toBe('5');
  });
});

describe('check 21: cross-site requests', () => {
  it('refuses a state-changing request without its CSRF token, with a wrong one, or from another site', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', name: 'Sam' });
    const laptop = await signIn(sam);
    const phone = await signIn(sam);
    const endOthers = (client: TestClient, headers: Record<string, string> = {}) =>
      client.post('/api/auth/sessions/end-others', {}, { host: 'rapport.example', ...headers });

    // A page on another site makes Sam's browser send the cookie, but cannot read the token.
    const withoutToken = new TestClient(testApp.app, laptop.cookie, null, laptop.address);
    expect(await status(endOthers(withoutToken))).toBe(403);
    expect(await status(endOthers(laptop, { 'x-csrf-token': 'not-the-token' }))).toBe(403);
    // The phone's token does not fit the laptop's session.
    expect(await status(endOthers(laptop, { 'x-csrf-token': phone.csrfToken! }))).toBe(403);
    // With the right token, a foreign origin is still refused.
    expect(await status(endOthers(laptop, { origin: 'https://evil.example' }))).toBe(403);
    expect(await status(endOthers(laptop, { 'sec-fetch-site': 'cross-site' }))).toBe(403);
    const refused = await endOthers(laptop, { origin: 'https://evil.example' });
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
    // None of that did anything.
    expect(await status(phone.get('/api/auth/session'))).toBe(200);

    // From Rapport's own page it works.
    const sameOrigin = await endOthers(laptop, { origin: 'http://rapport.example', 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.statusCode).toBe(200);
    expect(sameOrigin.json()).toEqual({ endedSessions: 1 });
    expect(await status(phone.get('/api/auth/session'))).toBe(401);
  });

  it('refuses a sign-in posted from another site', async () => {
    const alex = await organisation.addStaff({ role: 'practitioner', name: 'Alex' });
    const forged = await testApp
      .anonymous(nextAddress())
      .post('/api/auth/login', { email: alex.email, password: alex.password }, { origin: 'https://evil.example' });
    expect(forged.statusCode).toBe(403);
    expect(forged.cookies).toEqual([]);
  });
});

describe('check 22: security headers', () => {
  const scriptSource = (response: LightMyRequestResponse) =>
    String(response.headers['content-security-policy'])
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('script-src'));

  it('sends CSP, nosniff, a referrer policy and no-store on every API answer, and no CORS grant', async () => {
    const sam = await organisation.addStaff({ role: 'practitioner', name: 'Sam' });
    const client = await signIn(sam);
    const foreign = { origin: 'https://evil.example' };
    const answers = [
      await client.get('/api/auth/session', foreign), // 200, personal data
      await client.get('/api/auth/sessions', foreign), // 200
      await testApp.anonymous(nextAddress()).get('/api/auth/session', foreign), // 401
      await client.get('/api/no-such-thing', foreign), // 404
      await testApp.anonymous(nextAddress()).post('/api/auth/login', { email: 'x' }), // 422
      await testApp.app.inject({
        method: 'OPTIONS',
        url: '/api/auth/login',
        headers: { ...foreign, 'access-control-request-method': 'POST' },
      }),
    ];
    expect(answers.map((answer) => answer.statusCode).slice(0, 5)).toEqual([200, 200, 401, 404, 422]);
    for (const answer of answers) {
      const label = `${answer.statusCode} ${answer.body.slice(0, 60)}`;
      expect(scriptSource(answer), label).toBe("script-src 'self'");
      expect(answer.headers['content-security-policy'], label).toContain("object-src 'none'");
      expect(answer.headers['x-content-type-options'], label).toBe('nosniff');
      expect(answer.headers['referrer-policy'], label).toBe('no-referrer');
      expect(answer.headers['cache-control'], label).toBe('no-store');
      expect(answer.headers['access-control-allow-origin'], label).toBeUndefined();
      expect(answer.headers['access-control-allow-credentials'], label).toBeUndefined();
      // Plain HTTP here: HSTS only over HTTPS (the check-3 HTTPS test sees it sent).
      expect(answer.headers['strict-transport-security'], label).toBeUndefined();
    }
  });

  it('sends HSTS over HTTPS, whatever the answer', async () => {
    const answer = await httpsApp.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(answer.statusCode).toBe(401);
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(scriptSource(answer)).toBe("script-src 'self'");
  });
});
