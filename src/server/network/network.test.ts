import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

/* The person's network and consent to share (issue 3). */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;
let sam: TestStaff;
let jo: TestStaff;
let samClient: TestClient;
let joClient: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
  sam = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' });
  jo = await organisation.addStaff({ role: 'supervisor', team: 'North', name: 'Jo' });
  samClient = await testApp.signIn(sam, '10.50.0.1');
  joClient = await testApp.signIn(jo, '10.50.0.2');
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const nan = {
  name: 'Margaret Hughes',
  relationship: 'my nan',
  sector: 'family',
  strength: 'strong',
  support: 'both',
  contactFrequency: 'weekly',
};

async function add(personId: string, member: Record<string, unknown>, client = samClient) {
  const response = await client.post(`/api/people/${personId}/network`, member);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; version: number }>();
}

describe('the network', () => {
  it('adds ties of every strength, edits them with If-Match, and keeps ended ties as history', async () => {
    const amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
    const strong = await add(amara, nan);
    await add(amara, {
      name: 'Mr Patel',
      relationship: 'my form tutor',
      sector: 'education_work',
      strength: 'tenuous',
      support: 'to_person',
    });
    const dad = await add(amara, {
      name: 'Peter Walsh',
      relationship: 'my dad (we don’t talk)',
      sector: 'family',
      strength: 'stressful',
      support: 'neither',
      startedOn: '2010-01-01',
    });

    const edited = await samClient.patch(
      `/api/people/${amara}/network/${strong.id}`,
      { strength: 'tenuous', notes: 'Moved to Leeds' },
      { 'if-match': `"${strong.version}"` },
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ strength: 'tenuous', notes: 'Moved to Leeds', version: 2 });
    const stale = await samClient.patch(
      `/api/people/${amara}/network/${strong.id}`,
      { strength: 'strong' },
      { 'if-match': `"${strong.version}"` },
    );
    expect(stale.statusCode).toBe(412);

    expect(
      (await samClient.post(`/api/people/${amara}/network/${dad.id}/end`, { endedOn: '2009-01-01' })).statusCode,
    ).toBe(422);
    const ended = await samClient.post(`/api/people/${amara}/network/${dad.id}/end`, {
      endedOn: '2026-01-01',
      endReason: 'Amara asked for no contact',
    });
    expect(ended.json()).toMatchObject({ endedOn: '2026-01-01', endReason: 'Amara asked for no contact' });

    const current = (await samClient.get(`/api/people/${amara}/network`)).json<{ items: { name: string }[] }>();
    expect(current.items.map((item) => item.name).sort()).toEqual(['Margaret Hughes', 'Mr Patel']);
    const all = (await samClient.get(`/api/people/${amara}/network?includeEnded=true`)).json<{
      items: { name: string; strength: string }[];
    }>();
    expect(all.items).toHaveLength(3);

    const history = (await joClient.get(`/api/people/${amara}/history`)).json<{
      items: { recordType: string; field: string; recordLabel: string | null }[];
    }>();
    expect(history.items.find((change) => change.field === 'endedOn')?.recordLabel).toBe('Peter Walsh');
    expect(
      history.items
        .filter((change) => change.recordType === 'network_member')
        .map((change) => change.field)
        .sort(),
    ).toEqual(['endedOn', 'notes', 'strength']);
  });

  it('answers bad input with 422 naming the field, and adds nobody', async () => {
    const person = await organisation.addPerson({ fullName: 'Ben Hughes', allocatedTo: [sam] });
    const otherOrganisation = await createTestOrganisation(database.db, 'Another organisation');
    const stranger = await otherOrganisation.addPerson({ fullName: 'Someone Elsewhere' });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...nan, sector: 'royalty' }, 'sector'],
      [{ ...nan, strength: 'medium' }, 'strength'],
      [{ ...nan, support: 'sideways' }, 'support'],
      [{ ...nan, name: 'x'.repeat(201) }, 'name'],
      [{ ...nan, startedOn: '2999-01-01' }, 'startedOn'],
      [{ ...nan, riskNote: 'Dangerous', isRisk: false }, 'riskNote'],
      [{ ...nan, linkedPersonId: stranger }, 'linkedPersonId'],
      [{ ...nan, linkedPersonId: person }, 'linkedPersonId'],
      [{ ...nan, personId: stranger }, 'personId'],
    ];
    for (const [body, field] of cases) {
      const response = await samClient.post(`/api/people/${person}/network`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toContain(field);
    }
    expect((await samClient.get(`/api/people/${person}/network`)).json()).toEqual({ items: [] });
  });

  it('hides a member’s restricted contact details from the supervisor until a reason is given', async () => {
    const leah = await organisation.addPerson({ fullName: 'Leah Fraser', allocatedTo: [sam] });
    const mum = await add(leah, {
      ...nan,
      name: 'Jean Fraser',
      relationship: 'mum',
      phone: '07700 900123',
      address: '5 Secret Lane',
      contactRestricted: true,
    });
    const asJo = await joClient.get(`/api/people/${leah}/network`);
    expect(asJo.body).not.toContain('Secret Lane');
    expect(asJo.json<{ items: { contact: object }[] }>().items[0]!.contact).toEqual({
      restricted: true,
      hidden: true,
      phone: null,
      email: null,
      address: null,
    });
    const revealed = await joClient.post(`/api/people/${leah}/network/${mum.id}/reveal-contact`, {
      reason: 'Jean is the emergency contact tonight',
    });
    expect(revealed.json()).toMatchObject({ contact: { hidden: false, address: '5 Secret Lane' } });
    const asSam = await samClient.get(`/api/people/${leah}/network`);
    expect(asSam.body).toContain('Secret Lane');
  });
});

describe('a tie to another person supported', () => {
  it('names the linked person only to those who may open that record too', async () => {
    const amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
    // Amara's sister is supported too; her record is restricted, and Sam is allocated to both.
    const sister = await organisation.addPerson({ fullName: 'Chidi Okonkwo', allocatedTo: [sam], restricted: true });
    await add(amara, { ...nan, name: 'Chidi', relationship: 'my sister', linkedPersonId: sister });
    const asSam = (await samClient.get(`/api/people/${amara}/network`)).json<{ items: { linkedPerson: unknown }[] }>();
    expect(asSam.items[0]!.linkedPerson).toEqual({ id: sister, fullName: 'Chidi Okonkwo' });
    const asJo = await joClient.get(`/api/people/${amara}/network`);
    expect(asJo.json<{ items: { linkedPerson: unknown }[] }>().items[0]!.linkedPerson).toBeNull();
    expect(asJo.body).not.toContain(sister);
  });
});

describe('consent to share', () => {
  it('records decisions as history; the latest holds; an expired grant reads as not granted', async () => {
    const amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
    const member = await add(amara, nan);
    const record = (body: Record<string, unknown>) =>
      samClient.post(`/api/people/${amara}/consents`, {
        purpose: 'share_updates',
        howGiven: 'in_person',
        networkMemberId: member.id,
        ...body,
      });
    expect((await record({ decision: 'granted', decidedOn: '2026-01-10' })).statusCode).toBe(201);
    const withdrawn = await record({ decision: 'withdrawn', decidedOn: '2026-03-01' });
    expect(withdrawn.json()).toMatchObject({
      current: [
        { status: 'withdrawn', granted: false, recipient: { kind: 'network_member', name: 'Margaret Hughes' } },
      ],
    });

    const school = await samClient.post(`/api/people/${amara}/consents`, {
      recipientOrganisation: 'Riverside Primary',
      purpose: 'share_concerns',
      decision: 'granted',
      decidedOn: '2025-01-10',
      expiresOn: '2025-12-31',
      howGiven: 'in_writing',
    });
    const consents = school.json<{
      current: { recipient: { name: string }; status: string; granted: boolean }[];
      history: unknown[];
    }>();
    expect(consents.current.find((item) => item.recipient.name === 'Riverside Primary')).toMatchObject({
      status: 'expired',
      granted: false,
    });
    expect(consents.history).toHaveLength(3);
  });

  it('refuses a recipient from someone else’s network', async () => {
    const amara = await organisation.addPerson({ fullName: 'Amara Okonkwo', allocatedTo: [sam] });
    const ben = await organisation.addPerson({ fullName: 'Ben Hughes', allocatedTo: [sam] });
    const bensNan = await add(ben, nan);
    const response = await samClient.post(`/api/people/${amara}/consents`, {
      networkMemberId: bensNan.id,
      purpose: 'share_updates',
      decision: 'granted',
      decidedOn: '2026-01-10',
      howGiven: 'in_person',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ errors: [{ field: 'networkMemberId' }] });
  });
});
