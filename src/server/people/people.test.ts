import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;
let sam: TestStaff;
let alex: TestStaff;
let jo: TestStaff;
let morgan: TestStaff;
let admin: TestStaff;
let amara: string;
let ben: string;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
  sam = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' });
  alex = await organisation.addStaff({ role: 'practitioner', team: 'South', name: 'Alex' });
  jo = await organisation.addStaff({ role: 'supervisor', team: 'North', name: 'Jo' });
  morgan = await organisation.addStaff({ role: 'manager', team: null, name: 'Morgan' });
  admin = await organisation.addStaff({ role: 'administrator', team: null, name: 'Robin' });
  amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
  ben = await organisation.addPerson({ fullName: 'Ben Hughes', allocatedTo: [alex] });
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

describe('who can open a person', () => {
  it('lets Sam open the person allocated to Sam, and audits the read', async () => {
    const client = await testApp.signIn(sam);
    const response = await client.get(`/api/people/${amara}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: amara, fullName: 'Amara Okonkwo', access: { basis: 'allocation' } });
    const audit = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('organisation_id', '=', organisation.id)
      .where('person_id', '=', amara)
      .where('action', '=', 'person.read')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_user_id: sam.id,
      actor_role: 'practitioner',
      outcome: 'succeeded',
      source_address: '127.0.0.1',
    });
  });

  it('answers Alex, from another team, exactly as if the person did not exist — and audits the attempt', async () => {
    const client = await testApp.signIn(alex);
    const outOfScope = await client.get(`/api/people/${amara}`);
    const missing = await client.get(`/api/people/00000000-0000-4000-8000-000000000000`);
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.headers['content-type']).toContain('application/problem+json');
    expect(outOfScope.body).toBe(missing.body);
    expect(outOfScope.body).not.toContain('Amara');
    const denied = await database.db
      .selectFrom('audit_events')
      .select(['outcome', 'actor_user_id'])
      .where('organisation_id', '=', organisation.id)
      .where('person_id', '=', amara)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ outcome: 'denied', actor_user_id: alex.id }]);
  });

  it('lets Jo, Sam’s supervisor, and Morgan, the manager, open it; the administrator cannot', async () => {
    expect((await (await testApp.signIn(jo)).get(`/api/people/${amara}`)).json()).toMatchObject({
      access: { basis: 'team' },
    });
    expect((await (await testApp.signIn(morgan)).get(`/api/people/${amara}`)).json()).toMatchObject({
      access: { basis: 'organisation' },
    });
    expect((await (await testApp.signIn(admin)).get(`/api/people/${amara}`)).statusCode).toBe(404);
    expect((await (await testApp.signIn(jo)).get(`/api/people/${ben}`)).statusCode).toBe(404);
  });
});
