import type pg from 'pg';

/*
 * Set-based seeding of one synthetic organisation, grown in steps (1k → 10k → 100k people), straight
 * into the tables the migrations made. Every id is derived from a counter through md5 (shaped as a
 * version-4 UUID, so the API's validation accepts it), so rows of different tables can point at each
 * other without lookups. Per person: ~100 contacts over four years (most with a note, some with a
 * network member there, three planned ahead), 11 profile items, 8 network members, 20 promises with
 * their events, one or two check-in rhythms and an allocation to a practitioner with a caseload of
 * 25. Contacts are inserted in time order across everyone, so one person's contacts lie scattered
 * over the table as they would after years of use.
 *
 * Foreign keys are not checked while the bulk rows go in (`session_replication_role = replica`, a
 * session setting: the schema is not touched); the rows are consistent by construction. Audit rows
 * go in with the setting back to normal, through the hash-chain trigger, so the chains verify.
 */

export const CASELOAD = 25;
export const CONTACTS_PER_PERSON = 100;
export const PRACTITIONERS_PER_TEAM = 8;
export const BENCH_EMAIL_DOMAIN = 'bench.rapport.test';

/** Contact `PAST_CONTACTS` is the latest that happened; the ones after it are planned. */
const PAST_CONTACTS = 97;

export interface SeedState {
  organisationId: string;
  people: number;
  practitioners: number;
  teams: number;
}

export const practitionerEmail = (index: number) => `practitioner-${index}@${BENCH_EMAIL_DOMAIN}`;

const helpers = `
CREATE OR REPLACE FUNCTION pg_temp.u(t text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT overlay(overlay(md5(t) placing '4' from 13) placing '8' from 17)::uuid $$;
CREATE OR REPLACE FUNCTION pg_temp.r(t text, i int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT (hashtextextended(t, i) & 1048575)::float8 / 1048576 $$;
-- Contact ids grow with (k, n), the order contacts are inserted in, like time-ordered (version 7) UUIDs.
CREATE OR REPLACE FUNCTION pg_temp.cid(n int, k int) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT (lpad(to_hex(k), 8, '0') || lpad(to_hex(n >> 12), 4, '0') || '7' || lpad(to_hex(n & 4095), 3, '0') || '8' ||
             substr(md5(n || ':' || k), 1, 15))::uuid $$;
CREATE OR REPLACE FUNCTION pg_temp.pick(a text[], x float8) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT a[1 + floor(x * cardinality(a))::int] $$;
`;

const firstNames = [
  'Amara',
  'Ben',
  'Chloe',
  'Dylan',
  'Ebony',
  'Farhan',
  'Grace',
  'Harvey',
  'Iman',
  'Jack',
  'Kezia',
  'Liam',
  'Maya',
  'Nathan',
  'Olivia',
  'Precious',
  'Quinn',
  'Rosie',
  'Samir',
  'Tanisha',
  'Usman',
  'Violet',
  'Wiktoria',
  'Xavier',
  'Yasmin',
  'Zoe',
  'Aaron',
  'Bethany',
  'Callum',
  'Daisy',
  'Emre',
  'Freya',
  'Gabriel',
  'Hana',
  'Isaac',
  'Jasmine',
  'Kai',
  'Lena',
  'Mohammed',
  'Niamh',
];
const lastNames = [
  'Okonkwo',
  'Hughes',
  'Nowak',
  'Price',
  'Campbell',
  'Ali',
  'Mensah',
  'Lloyd',
  'Yusuf',
  'Doherty',
  'Walsh',
  'Connor',
  'Patel',
  'Brooks',
  'Sandu',
  'Adeyemi',
  'Harper',
  'Gallagher',
  'Haddad',
  'Reid',
  'Khan',
  'Evans',
  'Zielinska',
  'Bell',
  'Rahman',
  'Fitzgerald',
  'Gill',
  'Cole',
  'Stewart',
  'Murray',
  'Yilmaz',
  'Morris',
  'Costa',
  'Suzuki',
  'Boateng',
  'Clarke',
  'Thompson',
  'Fischer',
  'Begum',
  'Kowalski',
];
const noteSentences = [
  'Met at home; the kitchen was tidy and the heating was on again.',
  'We talked about school and the new timetable, which feels more manageable now.',
  'Nan was there for the first half and spoke warmly about the weekend together.',
  'Sleep has been patchy; we agreed to try the wind-down routine from last month.',
  'The housing officer has not called back yet, so I will chase this week.',
  'Spoke about the football club; training on Thursdays is going well.',
  'Some worry about the court date, and we went through what will happen on the day.',
  'Money is tight this month; we looked at the food bank voucher and the grant form together.',
  'The GP appointment went ahead and the new medication seems to be helping.',
  'They chose to walk to the park rather than sit inside, which felt easier for talking.',
  'We reviewed the plan and crossed off two things that are now done.',
  'Brief call to confirm the time for next week; all fine.',
];
const promiseTexts = [
  'Chase the housing officer about the repair',
  'Bring the bus pass form to the next visit',
  'Ask school about extra time in exams',
  'Phone the GP surgery to book the review',
  'Send the letter about the grant',
  'Go to the football trial on Saturday',
  'Look at the college open day dates',
  'Call Nan to arrange Sunday lunch',
  'Check the benefits claim has gone through',
  'Find out about the youth club times',
];
const sqlArray = (values: readonly string[]) =>
  `ARRAY[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')}]`;

async function timed(client: pg.Client, label: string, text: string, values: unknown[], log: (line: string) => void) {
  const began = performance.now();
  const result = await client.query(text, values);
  log(`    ${label}: ${result.rowCount ?? 0} rows in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  return result;
}

/** The organisation, its managers and administrator: once. */
export async function seedOrganisation(client: pg.Client, passwordHash: string): Promise<SeedState> {
  await client.query(helpers);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO organisations (id, name, time_zone) VALUES (pg_temp.u('org'), 'Bench organisation', 'Europe/London') RETURNING id`,
  );
  const organisationId = rows[0]!.id;
  await client.query(
    `INSERT INTO users (organisation_id, id, email, display_name, role, password_hash)
     SELECT $1::uuid, pg_temp.u('x' || i), r || '-' || i || '@${BENCH_EMAIL_DOMAIN}', initcap(r) || ' ' || i, r, $2
     FROM (VALUES (1, 'manager'), (2, 'manager'), (3, 'administrator')) v(i, r)`,
    [organisationId, passwordHash],
  );
  await client.query(
    `INSERT INTO sign_in_directory (email, organisation_id, user_id)
     SELECT email, organisation_id, id FROM users WHERE organisation_id = $1`,
    [organisationId],
  );
  return { organisationId, people: 0, practitioners: 0, teams: 0 };
}

/**
 * Grows the organisation to `target` people, with the practitioners, teams and supervisors their
 * caseloads need. Returns the new state.
 */
export async function growTo(
  client: pg.Client,
  helper: pg.Client,
  state: SeedState,
  target: number,
  passwordHash: string,
  log: (line: string) => void,
): Promise<SeedState> {
  const org = state.organisationId;
  const lo = state.people + 1;
  const hi = target;
  if (hi < lo) {
    return state;
  }
  const practitioners = Math.ceil(target / CASELOAD);
  const teams = Math.ceil(practitioners / PRACTITIONERS_PER_TEAM);
  for (const connection of [client, helper]) {
    await connection.query(helpers);
    await connection.query(`SET session_replication_role = replica`); // no FK triggers for the bulk rows
    await connection.query(`SET work_mem = '256MB'`);
  }

  // Staff: practitioners (s<i>), supervisors (v<t>), teams (t<t>), sign-in names, memberships.
  await client.query(
    `INSERT INTO teams (organisation_id, id, name)
     SELECT $1::uuid, pg_temp.u('t' || t), 'Team ' || t FROM generate_series($2::int, $3::int) t`,
    [org, state.teams + 1, teams],
  );
  await client.query(
    `INSERT INTO users (organisation_id, id, email, display_name, role, password_hash, created_at, working_days)
     SELECT $1::uuid, pg_temp.u('s' || i), 'practitioner-' || i || '@${BENCH_EMAIL_DOMAIN}',
            pg_temp.pick(${sqlArray(firstNames)}, pg_temp.r('sf' || i, 1)) || ' ' ||
            pg_temp.pick(${sqlArray(lastNames)}, pg_temp.r('sl' || i, 2)) || ' (' || i || ')',
            'practitioner', $4, now() - interval '3 years',
            CASE WHEN i % 7 = 0 THEN '{1,2,3}'::smallint[] ELSE '{1,2,3,4,5}'::smallint[] END
     FROM generate_series($2::int, $3::int) i`,
    [org, state.practitioners + 1, practitioners, passwordHash],
  );
  await client.query(
    `INSERT INTO users (organisation_id, id, email, display_name, role, password_hash, created_at)
     SELECT $1::uuid, pg_temp.u('v' || t), 'supervisor-' || t || '@${BENCH_EMAIL_DOMAIN}', 'Supervisor ' || t,
            'supervisor', $4, now() - interval '3 years'
     FROM generate_series($2::int, $3::int) t`,
    [org, state.teams + 1, teams, passwordHash],
  );
  await client.query(
    `INSERT INTO sign_in_directory (email, organisation_id, user_id)
     SELECT u.email, u.organisation_id, u.id FROM users u
     WHERE u.organisation_id = $1 AND NOT EXISTS (SELECT 1 FROM sign_in_directory d WHERE d.email = u.email)`,
    [org],
  );
  await client.query(
    `INSERT INTO team_members (organisation_id, team_id, user_id)
     SELECT $1::uuid, pg_temp.u('t' || ((i - 1) / ${PRACTITIONERS_PER_TEAM} + 1)), pg_temp.u('s' || i)
     FROM generate_series($2::int, $3::int) i
     UNION ALL
     SELECT $1::uuid, pg_temp.u('t' || t), pg_temp.u('v' || t) FROM generate_series($4::int, $5::int) t`,
    [org, state.practitioners + 1, practitioners, state.teams + 1, teams],
  );

  // People, allocated to practitioner (n - 1) / 25 + 1; 30% had someone else before.
  await timed(
    client,
    'people',
    `INSERT INTO people (organisation_id, id, full_name, address_as, pronouns, date_of_birth, preferred_language,
       interpreter_needed, interpreter_language, reading_preferences, preferred_channels, best_times,
       communication_to_avoid, accessibility_needs, culture_and_faith, address, phone, email,
       contact_details_restricted, restricted, created_by, created_at, updated_at)
     SELECT $1::uuid, pg_temp.u('p' || n),
            pg_temp.pick(${sqlArray(firstNames)}, pg_temp.r('pf' || n, 1)) || ' ' ||
              pg_temp.pick(${sqlArray(lastNames)}, pg_temp.r('pl' || n, 2)),
            CASE WHEN pg_temp.r('pa' || n, 3) < 0.3 THEN pg_temp.pick(${sqlArray(firstNames)}, pg_temp.r('pn' || n, 4)) END,
            pg_temp.pick(ARRAY['she/her', 'he/him', 'they/them', 'he/him', 'she/her'], pg_temp.r('pp' || n, 5)),
            date '2026-01-01' - (5000 + (pg_temp.r('pd' || n, 6) * 12000)::int),
            CASE WHEN pg_temp.r('pi' || n, 7) < 0.12 THEN pg_temp.pick(ARRAY['Polish', 'Urdu', 'Romanian', 'Arabic', 'Somali'], pg_temp.r('pj' || n, 8)) ELSE 'English' END,
            pg_temp.r('pi' || n, 7) < 0.08,
            CASE WHEN pg_temp.r('pi' || n, 7) < 0.08 THEN pg_temp.pick(ARRAY['Polish', 'Urdu', 'Romanian', 'Arabic', 'Somali'], pg_temp.r('pj' || n, 8)) END,
            CASE WHEN pg_temp.r('pr' || n, 9) < 0.2 THEN '{plain_language}'::text[] WHEN pg_temp.r('pr' || n, 9) < 0.25 THEN '{easy_read,large_print}'::text[] ELSE '{}'::text[] END,
            CASE WHEN pg_temp.r('pc' || n, 10) < 0.5 THEN '{in_person,text_message}'::text[] ELSE '{phone,in_person}'::text[] END,
            CASE WHEN pg_temp.r('pb' || n, 11) < 0.6 THEN 'Afternoons after school; not Monday mornings' END,
            CASE WHEN pg_temp.r('pv' || n, 12) < 0.3 THEN 'Please do not call the landline; text first' END,
            CASE WHEN pg_temp.r('pz' || n, 13) < 0.15 THEN 'Step-free access; meet on the ground floor' END,
            CASE WHEN pg_temp.r('pq' || n, 14) < 0.25 THEN 'Goes to the mosque on Fridays' END,
            n || ' Example Road, Leeds LS' || (n % 30 + 1) || ' 4AB',
            '07700 9' || lpad((n % 100000)::text, 5, '0'),
            CASE WHEN pg_temp.r('pe' || n, 15) < 0.5 THEN 'person' || n || '@example.org' END,
            pg_temp.r('pk' || n, 16) < 0.05,
            pg_temp.r('pk' || n, 17) < 0.02,
            pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1)),
            now() - interval '4 years' - make_interval(days => (pg_temp.r('pt' || n, 18) * 365)::int),
            now() - make_interval(days => (pg_temp.r('pu' || n, 19) * 300)::int)
     FROM generate_series($2::int, $3::int) n`,
    [org, lo, hi],
    log,
  );
  await timed(
    client,
    'allocations',
    `INSERT INTO allocations (organisation_id, id, person_id, user_id, allocated_by, started_at, ended_at, ended_by)
     SELECT $1::uuid, pg_temp.u('a' || n), pg_temp.u('p' || n), pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1)),
            pg_temp.u('x1'), now() - interval '2 years', NULL, NULL
     FROM generate_series($2::int, $3::int) n
     UNION ALL
     SELECT $1::uuid, pg_temp.u('b' || n), pg_temp.u('p' || n), pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1) % $4 + 1),
            pg_temp.u('x1'), now() - interval '4 years', now() - interval '2 years', pg_temp.u('x1')
     FROM generate_series($2::int, $3::int) n WHERE pg_temp.r('ab' || n, 1) < 0.3`,
    [org, lo, hi, practitioners],
    log,
  );

  // The bulk of the rows, with the tables' secondary indexes built afterwards.
  await withoutSecondaryIndexes(client, bulkTables, log, async () => {
    // Network: 8 members each; some changed in the last 30 days, some ended, a few a risk.
    await timed(
      client,
      'network members',
      `INSERT INTO network_members (organisation_id, id, person_id, name, relationship, sector, strength, support,
         contact_frequency, phone, is_risk, risk_note, started_on, ended_on, end_reason, created_by, created_at, updated_at)
       SELECT $1::uuid, pg_temp.u('m' || n || ':' || j), pg_temp.u('p' || n),
              pg_temp.pick(${sqlArray(firstNames)}, pg_temp.r('mf' || n || ':' || j, 1)) || ' ' ||
                pg_temp.pick(${sqlArray(lastNames)}, pg_temp.r('ml' || n || ':' || j, 2)),
              (ARRAY['my nan', 'my mum', 'best friend', 'Mr Patel at school', 'my GP', 'youth worker', 'next-door neighbour', 'my dad'])[j],
              (ARRAY['family', 'family', 'friends', 'education_work', 'health', 'social_care', 'neighbours', 'family'])[j],
              CASE WHEN j = 8 AND pg_temp.r('mr' || n, 3) < 0.05 THEN 'stressful'
                   ELSE pg_temp.pick(ARRAY['strong', 'strong', 'tenuous', 'stressful'], pg_temp.r('ms' || n || ':' || j, 4)) END,
              pg_temp.pick(ARRAY['to_person', 'both', 'from_person', 'neither'], pg_temp.r('mp' || n || ':' || j, 5)),
              pg_temp.pick(ARRAY['daily', 'weekly', 'monthly', 'less_often'], pg_temp.r('mq' || n || ':' || j, 6)),
              CASE WHEN j <= 4 THEN '07700 8' || lpad(((n * 8 + j) % 100000)::text, 5, '0') END,
              j = 8 AND pg_temp.r('mr' || n, 3) < 0.05,
              CASE WHEN j = 8 AND pg_temp.r('mr' || n, 3) < 0.05 THEN 'Must not learn where they live' END,
              date '2020-01-01' + (pg_temp.r('mo' || n || ':' || j, 7) * 1500)::int,
              CASE WHEN pg_temp.r('me' || n || ':' || j, 8) < 0.1 THEN current_date - (pg_temp.r('md' || n || ':' || j, 9) * 60)::int END,
              CASE WHEN pg_temp.r('me' || n || ':' || j, 8) < 0.1 THEN 'Moved away' END,
              pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1)),
              CASE WHEN pg_temp.r('mc' || n || ':' || j, 10) < 0.03 THEN now() - make_interval(days => (pg_temp.r('mt' || n || ':' || j, 11) * 25)::int)
                   ELSE now() - interval '3 years' END,
              CASE WHEN pg_temp.r('mc' || n || ':' || j, 10) < 0.03 THEN now() - make_interval(days => (pg_temp.r('mt' || n || ':' || j, 11) * 25)::int)
                   WHEN pg_temp.r('me' || n || ':' || j, 8) < 0.1 OR pg_temp.r('mu' || n || ':' || j, 12) < 0.08
                     THEN now() - make_interval(days => (pg_temp.r('mv' || n || ':' || j, 13) * 60)::int)
                   ELSE now() - interval '2 years' END
       FROM generate_series($2::int, $3::int) n CROSS JOIN generate_series(1, 8) j`,
      [org, lo, hi],
      log,
    );
    await timed(
      client,
      'profile items',
      `INSERT INTO profile_items (organisation_id, id, person_id, kind, text, said_by, said_on, on_date, every_year,
         recorded_by, recorded_at, archived_at, archived_by)
       SELECT $1::uuid, pg_temp.u('i' || n || ':' || i), pg_temp.u('p' || n), v.kind,
              v.text, CASE WHEN v.kind IN ('what_matters', 'strength') THEN 'in their own words' END,
              CASE WHEN v.kind IN ('what_matters', 'strength') THEN current_date - 200 - i * 20 END,
              CASE WHEN i = 6 THEN date '2010-01-01' + (pg_temp.r('ib' || n, 1) * 365)::int
                   WHEN i = 7 THEN current_date + (pg_temp.r('ic' || n, 2) * 120)::int - 20 END,
              i = 6,
              pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1)),
              now() - make_interval(days => 400 - i * 30),
              CASE WHEN i = 11 THEN now() - interval '100 days' END,
              CASE WHEN i = 11 THEN pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1)) END
       FROM generate_series($2::int, $3::int) n
       CROSS JOIN (VALUES
         (1, 'what_matters', 'Seeing my little brother every weekend'),
         (2, 'what_matters', 'Keeping my place at college'),
         (3, 'what_matters', 'Not having to tell my story again and again'),
         (4, 'strength', 'I never miss football training'),
         (5, 'strength', 'Good at looking after the dog'),
         (6, 'to_remember', 'Birthday'),
         (7, 'to_remember', 'Court hearing about contact'),
         (8, 'to_remember', 'Likes tea with two sugars'),
         (9, 'approach_with_care', 'Talk about dad only if they bring it up'),
         (10, 'approach_with_care', 'Loud rooms are hard; meet somewhere quiet'),
         (11, 'what_matters', 'Getting the flat sorted before winter')) v(i, kind, text)`,
      [org, lo, hi],
      log,
    );
    await timed(
      client,
      'check-in rhythms',
      `INSERT INTO checkin_cadences (organisation_id, id, person_id, network_member_id, every_days, agreed_on, set_by, set_at)
       SELECT $1::uuid, pg_temp.u('r' || n), pg_temp.u('p' || n), NULL, 14, current_date - 365,
              pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1)), now() - interval '1 year'
       FROM generate_series($2::int, $3::int) n
       UNION ALL
       SELECT $1::uuid, pg_temp.u('q' || n), pg_temp.u('p' || n), pg_temp.u('m' || n || ':1'), 28, current_date - 300,
              pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1)), now() - interval '300 days'
       FROM generate_series($2::int, $3::int) n WHERE pg_temp.r('rq' || n, 1) < 0.3`,
      [org, lo, hi],
      log,
    );

    // Contacts, fortnightly over four years, in time order across everyone: ten statements on each
    // of two connections (half the new people each).
    const contactsBegan = performance.now();
    const middle = Math.floor((lo + hi) / 2);
    const halves: [pg.Client, number, number][] = [
      [client, lo, middle],
      [helper, middle + 1, hi],
    ];
    const counts = await Promise.all(
      halves
        .filter(([, from, to]) => from <= to)
        .map(async ([connection, from, to]) => {
          let rows = 0;
          for (let first = 1; first <= CONTACTS_PER_PERSON; first += 10) {
            const result = await connection.query(contactsStatement(), [org, from, to, first, first + 9]);
            rows += result.rowCount ?? 0;
          }
          return rows;
        }),
    );
    log(
      `    contacts (with notes and participants): ${counts.reduce((a, b) => a + b, 0)} rows in ${((performance.now() - contactsBegan) / 1000).toFixed(1)} s`,
    );

    // Promises: 20 each, one made every fifth contact, with their events; the latest still open.
    const promisesBegan = performance.now();
    const promiseRows = await Promise.all(
      halves
        .filter(([, from, to]) => from <= to)
        .map(
          async ([connection, from, to]) =>
            (await connection.query(promisesStatement(), [org, from, to])).rowCount ?? 0,
        ),
    );
    log(
      `    promises (with their events): ${promiseRows.reduce((a, b) => a + b, 0)} rows in ${((performance.now() - promisesBegan) / 1000).toFixed(1)} s`,
    );
  });
  for (const connection of [client, helper]) {
    await connection.query(`SET session_replication_role = origin`);
    await connection.query(`RESET work_mem`);
  }
  return { organisationId: org, people: target, practitioners, teams };
}

/** Tables loaded in bulk: their secondary indexes are dropped first and built again afterwards. */
const bulkTables = [
  'network_members',
  'profile_items',
  'contacts',
  'contact_notes',
  'contact_participants',
  'commitments',
  'commitment_events',
];

/**
 * Runs `work` with the tables' secondary indexes (not those behind a primary key or unique
 * constraint) dropped, then creates them again from their exact definitions: one sorted build is
 * far quicker than millions of random inserts.
 */
async function withoutSecondaryIndexes(
  client: pg.Client,
  tables: string[],
  log: (line: string) => void,
  work: () => Promise<void>,
): Promise<void> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY ($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [tables],
  );
  for (const index of rows) {
    await client.query(`DROP INDEX ${index.name}`);
  }
  try {
    await work();
  } finally {
    const began = performance.now();
    await client.query(`SET maintenance_work_mem = '1GB'`);
    for (const index of rows) {
      await client.query(index.definition);
    }
    await client.query(`RESET maintenance_work_mem`);
    log(`    ${rows.length} secondary indexes built again in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }
}

/** Contacts `$4`..`$5` of people `$2`..`$3`, with their notes and the network members who were there. */
function contactsStatement(): string {
  const notes = sqlArray(noteSentences);
  const count = noteSentences.length;
  return `
WITH t AS MATERIALIZED (
  SELECT n, k, pg_temp.cid(n, k) AS id, pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1)) AS staff, pg_temp.u('p' || n) AS person,
         u1, u2, u3, u4, u5, status, at, by_person,
         CASE WHEN by_person THEN CASE WHEN u4 < 0.6 THEN 'phone' ELSE 'message' END
              ELSE (ARRAY['home_visit', 'home_visit', 'home_visit', 'home_visit', 'phone', 'phone', 'office', 'video', 'message', 'letter'])[1 + floor(u4 * 10)::int]
         END AS kind,
         at + make_interval(mins => (u5 * 25)::int - 5) AS started,
         CASE WHEN status = 'attempted' THEN interval '5 minutes' ELSE make_interval(mins => 30 + (u2 * 60)::int) END AS lasted
  FROM generate_series($4::int, $5::int) k
  CROSS JOIN LATERAL generate_series($2::int + 0 * k, $3::int) n
  CROSS JOIN LATERAL (SELECT hashtextextended(n || ':' || k, 0) AS h OFFSET 0) hashed
  CROSS JOIN LATERAL (SELECT (h & 1023)::float8 / 1024 AS u1, ((h >> 10) & 1023)::float8 / 1024 AS u2,
                             ((h >> 20) & 1023)::float8 / 1024 AS u3, ((h >> 30) & 1023)::float8 / 1024 AS u4,
                             ((h >> 40) & 1023)::float8 / 1024 AS u5) u
  CROSS JOIN LATERAL (SELECT
    CASE WHEN k > ${PAST_CONTACTS} THEN 'planned'
         WHEN k = ${PAST_CONTACTS} THEN CASE WHEN u1 < 0.9 THEN 'made' ELSE 'attempted' END
         WHEN n % 50 = 0 AND k = ${PAST_CONTACTS - 1} THEN 'draft'
         WHEN u1 < 0.82 THEN 'made' WHEN u1 < 0.90 THEN 'attempted' ELSE 'cancelled' END AS status,
    CASE WHEN k <= ${PAST_CONTACTS}
         THEN date_trunc('hour', now() - make_interval(days => (${PAST_CONTACTS} - k) * 14 + 1) - make_interval(mins => (u3 * 10 * 1440)::int))
         ELSE date_trunc('hour', now()) + make_interval(days => (k - ${PAST_CONTACTS}) * 5, hours => (u3 * 8)::int) END AS at
    OFFSET 0) s
  CROSS JOIN LATERAL (SELECT status = 'made' AND u2 < 0.12 AS by_person) b
), c AS (
  INSERT INTO contacts (organisation_id, id, person_id, practitioner_id, kind, status, initiated_by, planned_start,
    planned_end, actual_start, actual_end, received_at, answered_at, place, cancelled_reason, created_by, created_at, updated_at)
  SELECT $1::uuid, id, person, staff, kind, status, CASE WHEN by_person THEN 'person' ELSE 'practitioner' END,
         CASE WHEN NOT by_person AND status <> 'draft' THEN at END,
         CASE WHEN NOT by_person AND status <> 'draft' THEN at + interval '1 hour' END,
         CASE WHEN NOT by_person AND status IN ('made', 'attempted') THEN started END,
         CASE WHEN NOT by_person AND status IN ('made', 'attempted') THEN started + lasted END,
         CASE WHEN by_person THEN at END,
         CASE WHEN by_person THEN at + make_interval(mins => (u5 * 240)::int) END,
         CASE WHEN kind = 'home_visit' THEN 'Home' WHEN kind = 'office' THEN 'Leeds office' END,
         CASE WHEN status = 'cancelled' THEN 'They were unwell and asked to rearrange' END,
         staff, least(now(), at + interval '3 hours') - CASE WHEN status = 'planned' THEN interval '10 days' ELSE interval '0' END,
         least(now(), at + interval '3 hours')
  FROM t
  RETURNING 1
), notes AS (
  INSERT INTO contact_notes (organisation_id, contact_id, version, text, correction_reason, written_by, written_at,
    signed_off_at, signed_off_by)
  SELECT $1::uuid, id, 1,
         (${notes})[1 + floor(u3 * ${count})::int] || ' ' || (${notes})[1 + floor(u4 * ${count})::int] || ' ' ||
           (${notes})[1 + floor(u5 * ${count})::int],
         NULL, staff, least(now(), at + interval '3 hours'),
         CASE WHEN k < ${PAST_CONTACTS - 1} THEN at + interval '1 day' END,
         CASE WHEN k < ${PAST_CONTACTS - 1} THEN staff END
  FROM t WHERE status IN ('made', 'attempted', 'draft')
  UNION ALL
  SELECT $1::uuid, id, 2, 'Corrected: ' || (${notes})[1 + floor(u3 * ${count})::int],
         'The wrong day was written down', staff, at + interval '3 days', at + interval '3 days', staff
  FROM t WHERE status = 'made' AND k < ${PAST_CONTACTS - 1} AND u1 < 0.02
  RETURNING 1
), participants AS (
  INSERT INTO contact_participants (organisation_id, contact_id, network_member_id)
  SELECT $1::uuid, id, pg_temp.u('m' || n || ':' || (1 + floor(u5 * 8)::int)) FROM t
  WHERE status = 'made' AND kind = 'home_visit' AND u2 > 0.7
  RETURNING 1
)
SELECT 1 FROM c`;
}

/** 20 promises for each of people `$2`..`$3`, one made in every fifth contact, with their events. */
function promisesStatement(): string {
  return `
WITH w AS MATERIALIZED (
  SELECT n, c, pg_temp.u('k' || n || ':' || c) AS id, pg_temp.u('p' || n) AS person,
         pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1)) AS staff, pg_temp.cid(n, c * 5 - 3) AS contact,
         made, by, status,
         due + CASE WHEN status = 'renegotiated' THEN 60 ELSE 0 END AS due_on, due AS first_due,
         pg_temp.pick(${sqlArray(promiseTexts)}, ((h >> 20) & 1023)::float8 / 1024) AS what
  FROM generate_series(1, 20) c
  CROSS JOIN LATERAL generate_series($2::int + 0 * c, $3::int) n
  CROSS JOIN LATERAL (SELECT hashtextextended(n || ':' || c, 1) AS h OFFSET 0) hashed
  CROSS JOIN LATERAL (SELECT
    CASE WHEN (h & 1023) < 512 THEN 'practitioner' WHEN (h & 1023) < 820 THEN 'person'
         WHEN (h & 1023) < 973 THEN 'network_member' ELSE 'other_professional' END AS by,
    now() - make_interval(days => (${PAST_CONTACTS} - (c * 5 - 3)) * 14 + 3) AS made,
    (now() - make_interval(days => (${PAST_CONTACTS} - (c * 5 - 3)) * 14 + 3))::date + 7 + ((h >> 10) & 15)::int AS due,
    CASE WHEN c >= 19 THEN 'open'
         WHEN c = 18 THEN CASE WHEN ((h >> 30) & 1023) < 300 THEN 'renegotiated' ELSE 'open' END
         WHEN ((h >> 30) & 1023) < 717 THEN 'kept'
         WHEN ((h >> 30) & 1023) < 870 THEN 'kept_late'
         WHEN ((h >> 30) & 1023) < 993 THEN 'not_kept'
         ELSE 'open' END AS status
    OFFSET 0) x
), k AS (
  INSERT INTO commitments (organisation_id, id, person_id, promised_by, promised_by_user_id, promised_by_member_id,
    promised_to, promised_to_user_id, promised_to_member_id, other_party_name, what, due_on, status, kept_on,
    made_in_contact_id, created_by, created_at, updated_at)
  SELECT $1::uuid, id, person, by,
         CASE WHEN by = 'practitioner' THEN staff END,
         CASE WHEN by = 'network_member' THEN pg_temp.u('m' || n || ':' || (c % 8 + 1)) END,
         CASE WHEN by = 'person' THEN 'practitioner' ELSE 'person' END,
         CASE WHEN by = 'person' THEN staff END,
         NULL,
         CASE WHEN by = 'other_professional' THEN 'Dr Okafor at the surgery' END,
         what, due_on, status,
         CASE WHEN status = 'kept' THEN due_on - 2 WHEN status = 'kept_late' THEN due_on + 5 END,
         contact, staff, made, made
  FROM w
  RETURNING 1
)
INSERT INTO commitment_events (organisation_id, id, commitment_id, event, previous_due_on, new_due_on, reason,
  recorded_by, recorded_at)
SELECT $1::uuid, pg_temp.u('e' || id), id, 'made', NULL, first_due, NULL, staff, made FROM w
UNION ALL
SELECT $1::uuid, pg_temp.u('f' || id), id, status, first_due,
       CASE WHEN status = 'renegotiated' THEN due_on END,
       CASE WHEN status = 'renegotiated' THEN 'The appointment was moved' WHEN status = 'not_kept' THEN 'It did not happen' END,
       staff, made + interval '10 days'
FROM w WHERE status <> 'open'`;
}

/**
 * Audit history through the real trigger (so every chain verifies): a `person.create` row for each
 * new person, in transactions of a thousand rows.
 */
export async function seedAudit(client: pg.Client, state: SeedState, from: number, log: (line: string) => void) {
  await client.query(helpers);
  const began = performance.now();
  for (let lo = from; lo <= state.people; lo += 1000) {
    const hi = Math.min(state.people, lo + 999);
    await client.query(
      `INSERT INTO audit_events (organisation_id, actor_user_id, actor_role, action, record_type, record_id, person_id, outcome, details)
       SELECT $1::uuid, pg_temp.u('s' || ((n - 1) / ${CASELOAD} + 1)), 'practitioner', 'person.create', 'person',
              pg_temp.u('p' || n), pg_temp.u('p' || n), 'succeeded', '{}'::jsonb
       FROM generate_series($2::int, $3::int) n`,
      [state.organisationId, lo, hi],
    );
  }
  // A thousand rows a transaction update each chain head a thousand times before it can be pruned:
  // rewrite the small head table, so the run does not start with the seeding's bloat.
  await client.query('VACUUM FULL audit_chain_heads');
  log(
    `    audit rows: ${state.people - from + 1} through the chain trigger in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
}
