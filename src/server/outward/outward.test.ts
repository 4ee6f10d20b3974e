import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestStaff } from '../testing/organisation.js';
import { outwardBuilders } from './letter.js';
import { outwardPerson } from './outward-person.js';

/*
 * SECURITY.md check 13: someone recorded as a risk to a person never sees, in anything Rapport
 * sends or shows outside the staff app, that person's restricted address or contact details.
 * Organisations have sent a victim's new address to the abuser in letters. Every outward-facing
 * builder is listed in `outwardBuilders`; this test runs each of them.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let sam: TestStaff;
let samClient: TestClient;
let leah: string;
let craig: string; // a risk to Leah
let jean: string; // Leah's mum, not a risk

const refugeAddress = 'Flat 3, The Haven, 1 Larch Close';
const phone = '07700 900160';

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  const organisation = await createTestOrganisation(database.db);
  sam = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' });
  samClient = await testApp.signIn(sam, '10.60.0.1');
  leah = await organisation.addPerson({ fullName: 'Leah Fraser', allocatedTo: [sam] });
  await samClient.patch(
    `/api/people/${leah}`,
    { address: refugeAddress, phone, email: 'leah@example.org' },
    { 'if-match': '"1"' },
  );
  const add = async (body: Record<string, unknown>) =>
    (await samClient.post(`/api/people/${leah}/network`, body)).json<{ id: string }>().id;
  craig = await add({
    name: 'Craig Fraser',
    relationship: 'my ex',
    sector: 'family',
    strength: 'stressful',
    support: 'neither',
    isRisk: true,
    riskNote: 'Non-molestation order',
  });
  jean = await add({
    name: 'Jean Fraser',
    relationship: 'mum',
    sector: 'family',
    strength: 'strong',
    support: 'both',
    address: '5 Park Road',
  });
  // Even if someone records consent for the risk member by mistake, the rule must hold.
  for (const memberId of [craig, jean]) {
    await samClient.post(`/api/people/${leah}/consents`, {
      networkMemberId: memberId,
      purpose: 'share_updates',
      decision: 'granted',
      decidedOn: '2026-01-01',
      howGiven: 'in_person',
    });
  }
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const setRestricted = (restricted: boolean) =>
  samClient.put(`/api/people/${leah}/contact-details/restriction`, {
    restricted,
    reason: 'Changing it for the test of the rule',
  });

describe('the risk rule, in the function every outward view goes through', () => {
  const person = {
    full_name: 'Leah Fraser',
    address_as: 'Leah',
    address: refugeAddress,
    phone,
    email: 'l@example.org',
    contact_details_restricted: false,
  };
  it.each([
    { audience: { kind: 'network_member' as const, memberId: 'm', isRisk: true }, restricted: false, carries: false },
    { audience: { kind: 'network_member' as const, memberId: 'm', isRisk: true }, restricted: true, carries: false },
    { audience: { kind: 'network_member' as const, memberId: 'm', isRisk: false }, restricted: true, carries: false },
    { audience: { kind: 'network_member' as const, memberId: 'm', isRisk: false }, restricted: false, carries: true },
    { audience: { kind: 'organisation' as const, name: 'School' }, restricted: true, carries: false },
  ])(
    'to $audience.kind (risk: $audience.isRisk), restricted: $restricted → carries contact: $carries',
    ({ audience, restricted, carries }) => {
      const view = outwardPerson({ ...person, contact_details_restricted: restricted }, audience);
      expect(view.contact !== null).toBe(carries);
      expect(JSON.stringify(view).includes(refugeAddress)).toBe(carries);
    },
  );
});

describe.each(outwardBuilders)('outward builder: $name', ({ build }) => {
  it('never carries the person’s contact details to a member flagged as a risk, restricted or not', async () => {
    for (const restricted of [true, false]) {
      await setRestricted(restricted);
      const output = JSON.stringify(await build(database.db, sam.actor, leah, craig));
      expect(output).not.toContain(refugeAddress);
      expect(output).not.toContain(phone);
      expect(output).not.toContain('leah@example.org');
    }
  });

  it('never carries restricted details to anyone', async () => {
    await setRestricted(true);
    const output = JSON.stringify(await build(database.db, sam.actor, leah, jean));
    expect(output).not.toContain(refugeAddress);
    expect(output).not.toContain(phone);
  });

  it('does carry them when nothing forbids it, so the checks above can fail', async () => {
    await setRestricted(false);
    const output = JSON.stringify(await build(database.db, sam.actor, leah, jean));
    expect(output).toContain(refugeAddress);
  });
});

describe('the letter, through the API', () => {
  it('needs current consent to share updates with the member', async () => {
    const ben = (await samClient.post('/api/people', { fullName: 'Ben Hughes' })).json<{ id: string }>().id;
    const coach = (
      await samClient.post(`/api/people/${ben}/network`, {
        name: 'Coach Reid',
        relationship: 'football coach',
        sector: 'community',
        strength: 'strong',
        support: 'to_person',
      })
    ).json<{ id: string }>().id;
    const refused = await samClient.post(`/api/people/${ben}/network/${coach}/letter`, {});
    expect(refused.statusCode).toBe(409);
    await samClient.post(`/api/people/${ben}/consents`, {
      networkMemberId: coach,
      purpose: 'share_updates',
      decision: 'granted',
      decidedOn: '2026-01-01',
      howGiven: 'in_person',
    });
    const letter = await samClient.post(`/api/people/${ben}/network/${coach}/letter`, {});
    expect(letter.statusCode).toBe(200);
    expect(letter.json()).toMatchObject({ greeting: 'Dear Coach Reid,', from: { name: 'Sam' } });
  });

  it('tells the practitioner what it left out, and prints nothing of it', async () => {
    await setRestricted(false);
    const letter = (
      await samClient.post(`/api/people/${leah}/network/${craig}/letter`, { includePersonContact: true })
    ).json<{ paragraphs: string[]; withheld: string[] }>();
    expect(letter.withheld[0]).toContain('risk');
    expect(letter.paragraphs.join(' ')).not.toContain(phone);
  });
});
