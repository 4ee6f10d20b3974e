import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';

/*
 * The person's profile in their own words (issue 3): edits with optimistic concurrency, every
 * field's history, restricted contact details per role, and bad input. Sam (North) works with
 * Amara; Jo supervises North; Morgan manages; Alex (South) has no relationship with Amara.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let organisation: TestOrganisation;
let staff: Record<'sam' | 'jo' | 'morgan' | 'alex', TestStaff>;
let clients: Record<keyof typeof staff, TestClient>;

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db);
  organisation = await createTestOrganisation(database.db);
  staff = {
    sam: await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Sam' }),
    jo: await organisation.addStaff({ role: 'supervisor', team: 'North', name: 'Jo' }),
    morgan: await organisation.addStaff({ role: 'manager', team: null, name: 'Morgan' }),
    alex: await organisation.addStaff({ role: 'practitioner', team: 'South', name: 'Alex' }),
  };
  const entries = await Promise.all(
    Object.entries(staff).map(
      async ([key, member], index) => [key, await testApp.signIn(member, `10.40.0.${index + 1}`)] as const,
    ),
  );
  clients = Object.fromEntries(entries) as typeof clients;
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

async function newPerson(fullName = 'Amara Okonkwo') {
  return organisation.addPerson({ fullName, allocatedTo: [staff.sam] });
}

async function open(client: TestClient, personId: string) {
  const response = await client.get(`/api/people/${personId}`);
  return {
    response,
    body: response.json<Record<string, unknown> & { version: number; contact: Record<string, unknown> }>(),
    etag: response.headers.etag as string,
  };
}

describe('editing the profile', () => {
  it('changes only the fields sent, keeps who changed what and when, and moves the version on', async () => {
    const amara = await newPerson();
    const { etag } = await open(clients.sam, amara);
    expect(etag).toBe('"1"');
    const edited = await clients.sam.patch(
      `/api/people/${amara}`,
      {
        addressAs: 'Amara',
        pronouns: 'she/her',
        preferredLanguage: 'Igbo',
        interpreterNeeded: true,
        interpreterLanguage: 'Igbo',
        readingPreferences: ['easy_read'],
      },
      { 'if-match': etag },
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.json()).toMatchObject({
      fullName: 'Amara Okonkwo',
      addressAs: 'Amara',
      interpreterLanguage: 'Igbo',
      readingPreferences: ['easy_read'],
      version: 2,
    });

    // Later Sam learns Amara no longer needs an interpreter: the language goes with it.
    const second = await clients.sam.patch(`/api/people/${amara}`, { interpreterNeeded: false }, { 'if-match': '"2"' });
    expect(second.json()).toMatchObject({ interpreterNeeded: false, interpreterLanguage: null });

    const history = (await clients.jo.get(`/api/people/${amara}/history`)).json<{
      items: { field: string; oldValue: unknown; newValue: unknown; changedBy: { id: string } }[];
    }>();
    expect(history.items.map((change) => change.field).sort()).toEqual(
      [
        'addressAs',
        'interpreterLanguage',
        'interpreterLanguage',
        'interpreterNeeded',
        'interpreterNeeded',
        'preferredLanguage',
        'pronouns',
        'readingPreferences',
      ].sort(),
    );
    expect(history.items.find((change) => change.field === 'preferredLanguage')).toMatchObject({
      oldValue: null,
      newValue: 'Igbo',
      changedBy: { id: staff.sam.id },
    });
  });

  it('refuses an edit made from an older version with 412, and one without a version with 428 — nothing saved', async () => {
    const amara = await newPerson();
    const { etag } = await open(clients.sam, amara);
    // Jo and Sam both opened version 1; Jo saves first.
    expect(
      (await clients.jo.patch(`/api/people/${amara}`, { pronouns: 'she/her' }, { 'if-match': etag })).statusCode,
    ).toBe(200);
    const stale = await clients.sam.patch(
      `/api/people/${amara}`,
      { pronouns: 'they/them', bestTimes: 'Mornings' },
      { 'if-match': etag },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'precondition_failed' });
    const missing = await clients.sam.patch(`/api/people/${amara}`, { pronouns: 'they/them' });
    expect(missing.statusCode).toBe(428);
    expect((await open(clients.sam, amara)).body).toMatchObject({ pronouns: 'she/her', bestTimes: null, version: 2 });
  });

  it('answers bad input with 422 naming the field, and saves nothing', async () => {
    const amara = await newPerson();
    const { etag } = await open(clients.sam, amara);
    const cases: [Record<string, unknown>, string][] = [
      [{ dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
      [{ dateOfBirth: '1850-01-01' }, 'dateOfBirth'],
      [{ dateOfBirth: '2010-02-30' }, 'dateOfBirth'],
      [{ readingPreferences: ['telepathy'] }, 'readingPreferences.0'],
      [{ preferredChannels: ['carrier_pigeon'] }, 'preferredChannels.0'],
      [{ accessibilityNeeds: 'x'.repeat(2001) }, 'accessibilityNeeds'],
      [{ fullName: '' }, 'fullName'],
      [{ email: 'not-an-email' }, 'email'],
      [{ pronouns: 'she/her', version: 9 }, 'version'],
      [{ interpreterLanguage: 'Igbo' }, 'interpreterLanguage'],
    ];
    for (const [body, field] of cases) {
      const response = await clients.sam.patch(`/api/people/${amara}`, body, { 'if-match': etag });
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toContain(field);
    }
    expect((await open(clients.sam, amara)).body).toMatchObject({ version: 1, pronouns: null });
  });
});

describe('restricted contact details (checks 12 and 14)', () => {
  it('shows them to the allocated practitioner, hides them from everyone else until a reason is given', async () => {
    const leah = await newPerson('Leah Fraser');
    const { etag } = await open(clients.sam, leah);
    await clients.sam.patch(
      `/api/people/${leah}`,
      { address: 'Flat 3, The Haven (refuge)', phone: '07700 900160' },
      { 'if-match': etag },
    );
    const restricted = await clients.sam.put(`/api/people/${leah}/contact-details/restriction`, {
      restricted: true,
      reason: 'Leah is in a refuge; her ex-partner is looking for her',
    });
    // The answer is the record at its new version, ready for the next edit.
    expect(restricted.json()).toMatchObject({
      version: 3,
      contact: { restricted: true, hidden: false, address: 'Flat 3, The Haven (refuge)' },
    });
    expect(restricted.headers.etag).toBe('"3"');

    expect((await open(clients.sam, leah)).body.contact).toMatchObject({
      restricted: true,
      hidden: false,
      phone: '07700 900160',
    });
    for (const client of [clients.jo, clients.morgan]) {
      const seen = await open(client, leah);
      expect(seen.body.contact).toEqual({ restricted: true, hidden: true, address: null, phone: null, email: null });
      expect(seen.response.body).not.toContain('Haven');
      expect(seen.response.body).not.toContain('900160');
    }
    // The history does not leak them either.
    const history = await clients.jo.get(`/api/people/${leah}/history`);
    expect(history.body).not.toContain('Haven');
    expect(
      history
        .json<{ items: { field: string; hidden: boolean }[] }>()
        .items.find((change) => change.field === 'address'),
    ).toMatchObject({ hidden: true });

    // Jo says why, and sees them; the reason is in the audit trail with the read.
    expect((await clients.jo.post(`/api/people/${leah}/contact-details/reveal`, { reason: 'short' })).statusCode).toBe(
      422,
    );
    const revealed = await clients.jo.post(`/api/people/${leah}/contact-details/reveal`, {
      reason: 'Police welfare check tonight needs the address',
    });
    expect(revealed.json()).toMatchObject({ address: 'Flat 3, The Haven (refuge)', hidden: false });
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'reason', 'kind'])
      .where('person_id', '=', leah)
      .where('actor_user_id', '=', staff.jo.id)
      .where('action', '=', 'person.contact_details.reveal')
      .execute();
    expect(audit).toEqual([
      {
        action: 'person.contact_details.reveal',
        reason: 'Police welfare check tonight needs the address',
        kind: 'security',
      },
    ]);

    // Only those who may see them can change them.
    const version = (await open(clients.jo, leah)).etag;
    expect(
      (await clients.jo.patch(`/api/people/${leah}`, { address: 'Somewhere else' }, { 'if-match': version }))
        .statusCode,
    ).toBe(403);
  });

  it('keeps an address recorded before or while restricted out of the history even after the restriction is lifted', async () => {
    const leah = await newPerson('Leah Fraser');
    // The usual order: the refuge address is typed, then the details are restricted.
    await clients.sam.patch(`/api/people/${leah}`, { address: 'The Haven refuge' }, { 'if-match': '"1"' });
    await clients.sam.put(`/api/people/${leah}/contact-details/restriction`, {
      restricted: true,
      reason: 'Moved to a refuge this week',
    });
    // Months later she moves on and the restriction is lifted with a new, ordinary address.
    await clients.sam.patch(`/api/people/${leah}`, { address: '4 New Street' }, { 'if-match': '"3"' });
    await clients.sam.put(`/api/people/${leah}/contact-details/restriction`, {
      restricted: false,
      reason: 'Leah has moved on; no longer at risk',
    });
    const history = await clients.jo.get(`/api/people/${leah}/history`);
    expect(history.body).not.toContain('Haven');
    expect((await open(clients.jo, leah)).body.contact).toMatchObject({ hidden: false, address: '4 New Street' });
  });

  it('answers Alex, who has no relationship with Leah, 404 on every profile route', async () => {
    const leah = await newPerson('Leah Fraser');
    expect(
      (await clients.alex.post(`/api/people/${leah}/contact-details/reveal`, { reason: 'Just curious about this one' }))
        .statusCode,
    ).toBe(404);
    expect((await clients.alex.get(`/api/people/${leah}/history`)).statusCode).toBe(404);
  });
});

describe('in their own words', () => {
  it('keeps what matters and strengths as attributed, dated quotations; archives without deleting', async () => {
    const amara = await newPerson();
    const unattributed = await clients.sam.post(`/api/people/${amara}/profile-items`, {
      kind: 'what_matters',
      text: 'My kids',
    });
    expect(unattributed.statusCode).toBe(422);
    expect(unattributed.json()).toMatchObject({ errors: [{ field: 'saidBy' }] });
    const quote = await clients.sam.post(`/api/people/${amara}/profile-items`, {
      kind: 'what_matters',
      text: 'Keeping my kids with me.',
      saidBy: 'Amara',
    });
    expect(quote.statusCode).toBe(201);
    expect(quote.json()).toMatchObject({
      kind: 'what_matters',
      saidBy: 'Amara',
      saidOn: new Date().toISOString().slice(0, 10),
      recordedBy: { id: staff.sam.id },
    });
    const birthday = await clients.sam.post(`/api/people/${amara}/profile-items`, {
      kind: 'to_remember',
      text: 'Birthday',
      onDate: '2026-12-14',
      everyYear: true,
    });
    expect(birthday.json()).toMatchObject({ onDate: '2026-12-14', everyYear: true });
    expect(
      (
        await clients.sam.post(`/api/people/${amara}/profile-items`, {
          kind: 'strength',
          text: 'Brave',
          saidBy: 'Amara',
          onDate: '2026-12-14',
        })
      ).statusCode,
    ).toBe(422);

    const { id } = quote.json<{ id: string }>();
    const archived = (await clients.sam.post(`/api/people/${amara}/profile-items/${id}/archive`)).json<{
      archivedAt: string | null;
    }>();
    expect(archived.archivedAt).not.toBeNull();
    expect(
      (await clients.sam.get(`/api/people/${amara}/profile-items`)).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
    expect(
      (await clients.sam.get(`/api/people/${amara}/profile-items?includeArchived=true`)).json<{ items: unknown[] }>()
        .items,
    ).toHaveLength(2);
    expect((await clients.sam.post(`/api/people/${amara}/profile-items/${id}/archive`)).statusCode).toBe(404);
  });
});

describe('finding people (check 9)', () => {
  it('finds any name they use, forgives a typo, and never reaches outside the caller’s scope', async () => {
    const person = await newPerson('Wiktoria Zielinska');
    const { etag } = await open(clients.sam, person);
    await clients.sam.patch(
      `/api/people/${person}`,
      { legalName: 'Wiktoria Anna Zielińska-Kowal', addressAs: 'Vicky' },
      { 'if-match': etag },
    );
    const found = async (client: TestClient, q: string) =>
      (await client.get(`/api/people?q=${encodeURIComponent(q)}`))
        .json<{ items: { id: string }[] }>()
        .items.map((item) => item.id);
    expect(await found(clients.sam, 'Vicky')).toContain(person);
    expect(await found(clients.sam, 'Kowal')).toContain(person);
    expect(await found(clients.sam, 'Zielinksa')).toContain(person); // letters swapped
    expect(await found(clients.sam, 'Zelinska')).toContain(person); // a letter missing
    expect(await found(clients.sam, 'Wictoria Zelinska')).toContain(person); // both names, both misspelt
    expect(await found(clients.sam, 'Wiktoria Nobody')).not.toContain(person); // every word must match
    expect(await found(clients.alex, 'Zielinska')).toEqual([]);
  });

  it('filters to my people, my team and the records I opened lately', async () => {
    const mine = await newPerson('Filter Mine');
    const teammates = await organisation.addStaff({ role: 'practitioner', team: 'North', name: 'Priya' });
    const team = await organisation.addPerson({ fullName: 'Filter Team', allocatedTo: [teammates] });
    const ids = async (client: TestClient, query: string) =>
      (await client.get(`/api/people?pageSize=100&${query}`))
        .json<{ items: { id: string }[] }>()
        .items.map((item) => item.id);
    expect(await ids(clients.jo, 'filter=team')).toEqual(expect.arrayContaining([mine, team]));
    expect(await ids(clients.jo, 'filter=mine')).not.toContain(team);
    // A supervisor chooses among their own teams only; a manager may choose any.
    expect((await clients.jo.get(`/api/people?filter=team&teamId=${organisation.teams.South}`)).statusCode).toBe(422);
    expect(await ids(clients.morgan, `filter=team&teamId=${organisation.teams.North}`)).toEqual(
      expect.arrayContaining([mine, team]),
    );

    expect(await ids(clients.morgan, 'filter=recent')).not.toContain(team);
    await clients.morgan.get(`/api/people/${team}`);
    expect((await ids(clients.morgan, 'filter=recent'))[0]).toBe(team);
  });
});
