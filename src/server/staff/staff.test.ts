import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

/* Staff, teams, colleagues and notifications: each reaches only its own organisation and owner. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let riverside: TestOrganisation;
let elsewhere: TestOrganisation;
let robin: TestStaff;
let jo: TestStaff;
let sam: TestStaff;
let robinClient: TestClient;
let joClient: TestClient;
let samClient: TestClient;
let otherAdminClient: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  riverside = await createTestOrganisation(database.db, 'Riverside');
  elsewhere = await createTestOrganisation(database.db, 'Elsewhere');
  robin = await riverside.addStaff({ role: 'administrator', team: null, name: 'Robin' });
  jo = await riverside.addStaff({ role: 'supervisor', team: 'North', name: 'Jo' });
  sam = await riverside.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' });
  await riverside.addStaff({ role: 'practitioner', team: 'South', name: 'Alex' });
  robinClient = await testApp.signIn(robin, '10.70.0.1');
  joClient = await testApp.signIn(jo, '10.70.0.2');
  samClient = await testApp.signIn(sam, '10.70.0.3');
  otherAdminClient = await testApp.signIn(await elsewhere.addStaff({ role: 'administrator', team: null }), '10.70.0.4');
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

describe('staff administration', () => {
  it('lets Robin add a colleague; a second account with the same address is refused, naming the field', async () => {
    const body = {
      email: 'new.worker@riverside.example',
      displayName: 'New Worker',
      role: 'practitioner',
      teamIds: [riverside.teams.North],
      initialPassword: 'lantern-harbour-violet',
    };
    const created = await robinClient.post('/api/staff', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      displayName: 'New Worker',
      role: 'practitioner',
      teamIds: [riverside.teams.North],
      disabled: false,
    });
    const again = await otherAdminClient.post('/api/staff', body);
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ errors: [{ field: 'email' }] });
    const unknownTeam = await robinClient.post('/api/staff', {
      ...body,
      email: 'x@riverside.example',
      teamIds: [elsewhere.teams.North],
    });
    expect(unknownTeam.json()).toMatchObject({ errors: [{ field: 'teamIds' }] });
  });

  it('answers another organisation’s administrator 404 for Riverside’s staff, and lists only their own', async () => {
    expect((await otherAdminClient.patch(`/api/staff/${sam.id}`, { disabled: true })).statusCode).toBe(404);
    const listed = (await otherAdminClient.get('/api/staff')).json<{ items: { id: string }[] }>();
    expect(listed.items.map((member) => member.id)).not.toContain(sam.id);
    expect((await samClient.get('/api/people')).statusCode).toBe(200); // Sam is still signed in
  });

  it('keeps staff administration to administrators, and stops one locking themself out', async () => {
    expect((await samClient.get('/api/staff')).statusCode).toBe(403);
    expect((await joClient.post('/api/teams', { name: 'East' })).statusCode).toBe(403);
    expect((await robinClient.patch(`/api/staff/${robin.id}`, { disabled: true })).statusCode).toBe(409);
    expect((await robinClient.patch(`/api/staff/${robin.id}`, { role: 'manager' })).statusCode).toBe(409);
  });
});

describe('colleagues and teams', () => {
  it('shows Jo the colleagues in her own teams only, for allocation; practitioners see none', async () => {
    const colleagues = (await joClient.get('/api/colleagues')).json<{ items: { displayName: string }[] }>();
    // New Worker joined North in the test above; Alex, in South, is not listed.
    expect(colleagues.items.map((item) => item.displayName).sort()).toEqual(['Jo', 'New Worker', 'Sam']);
    expect((await samClient.get('/api/colleagues')).statusCode).toBe(403);
    expect((await samClient.get('/api/teams')).statusCode).toBe(403);
    const teams = (await joClient.get('/api/teams')).json<{ items: { name: string }[] }>();
    expect(teams.items.map((team) => team.name)).toEqual(['North', 'South']);
  });
});

describe('notifications', () => {
  it('are each reader’s own: someone else’s notification id answers 404', async () => {
    const person = await riverside.addPerson({ fullName: 'Grace Mensah', allocatedTo: [sam] });
    const alex = await riverside.addStaff({ role: 'practitioner', team: 'South', name: 'Alex Two' });
    const alexClient = await testApp.signIn(alex, '10.70.0.5');
    expect(
      (await alexClient.post(`/api/people/${person}/break-glass`, { reason: 'Urgent call from the school nurse' }))
        .statusCode,
    ).toBe(201);
    const joNotes = (await joClient.get('/api/notifications')).json<{ items: { id: string }[]; unread: number }>();
    expect(joNotes.unread).toBe(1);
    const noteId = joNotes.items[0]!.id;
    expect((await samClient.post(`/api/notifications/${noteId}/read`)).statusCode).toBe(404);
    expect((await otherAdminClient.post(`/api/notifications/${noteId}/read`)).statusCode).toBe(404);
    expect((await joClient.post(`/api/notifications/${noteId}/read`)).statusCode).toBe(204);
    expect((await joClient.get('/api/notifications')).json()).toMatchObject({ unread: 0 });
  });
});
