import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../access/actor.js';
import { breakGlass } from '../access/break-glass.js';
import { recordAudit } from '../audit/audit.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import type { Db, Tx } from '../db/database.js';
import { createOrganisation, insertStaff } from '../staff/staff.js';
import { demoPeople, demoRestrictedPerson } from './names.js';
import { seedHistory } from './history.js';
import { seedVoice } from './voice.js';
import { seedProfiles, type SeededPerson } from './profiles.js';

export const DEMO_ORGANISATION = 'Riverside Family Support (demo)';

interface DemoUser {
  key: string;
  email: string;
  displayName: string;
  role: Role;
  team: 'North' | 'South' | null;
  description: string;
}

/** The fixed demo sign-ins the README lists. */
export const demoUsers: readonly DemoUser[] = [
  {
    key: 'sam',
    email: 'sam@demo.rapport.test',
    displayName: 'Sam Taylor',
    role: 'practitioner',
    team: 'North',
    description: 'practitioner, North team',
  },
  {
    key: 'alex',
    email: 'alex@demo.rapport.test',
    displayName: 'Alex Kowalski',
    role: 'practitioner',
    team: 'South',
    description: 'practitioner, South team',
  },
  {
    key: 'jo',
    email: 'jo@demo.rapport.test',
    displayName: 'Jo Bennett',
    role: 'supervisor',
    team: 'North',
    description: 'supervisor, North team',
  },
  {
    key: 'morgan',
    email: 'morgan@demo.rapport.test',
    displayName: 'Morgan Ellis',
    role: 'manager',
    team: null,
    description: 'manager',
  },
  {
    key: 'admin',
    email: 'admin@demo.rapport.test',
    displayName: 'Robin Clarke',
    role: 'administrator',
    team: null,
    description: 'administrator',
  },
  {
    key: 'priya',
    email: 'priya@demo.rapport.test',
    displayName: 'Priya Shah',
    role: 'practitioner',
    team: 'North',
    description: 'practitioner, North team',
  },
  {
    key: 'tom',
    email: 'tom@demo.rapport.test',
    displayName: 'Tom Murphy',
    role: 'practitioner',
    team: 'North',
    description: 'practitioner, North team',
  },
  {
    key: 'fatima',
    email: 'fatima@demo.rapport.test',
    displayName: 'Fatima Begum',
    role: 'practitioner',
    team: 'South',
    description: 'practitioner, South team',
  },
  {
    key: 'daniel',
    email: 'daniel@demo.rapport.test',
    displayName: 'Daniel Reid',
    role: 'practitioner',
    team: 'South',
    description: 'practitioner, South team',
  },
  {
    key: 'chris',
    email: 'chris@demo.rapport.test',
    displayName: 'Chris Adeyemi',
    role: 'supervisor',
    team: 'South',
    description: 'supervisor, South team',
  },
];

export interface DemoSignIns {
  organisationId: string;
  organisationName: string;
  password: string;
  users: { email: string; description: string }[];
}

/** Practitioners in the order people are dealt to them: Sam's caseload is the fullest. */
const caseloadOrder = ['sam', 'alex', 'priya', 'fatima', 'tom', 'daniel', 'sam', 'alex'] as const;

/**
 * Creates the demo organisation on a fresh database (never beside a real organisation), or finds
 * it again; applies RAPPORT_DEMO_PASSWORD when given, else a generated password kept in DATA_DIR.
 */
export async function ensureDemoOrganisation(
  db: Db,
  options: { dataDir: string; password: string | undefined },
): Promise<DemoSignIns | null> {
  const organisations = await db.selectFrom('organisations').select(['id', 'name', 'is_demo']).execute();
  if (organisations.some((organisation) => !organisation.is_demo)) {
    return null;
  }
  const passwordFile = path.join(options.dataDir, 'demo-password');
  const password =
    options.password ?? (existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : generatePassword());
  if (!options.password) {
    writeFileSync(passwordFile, password, { mode: 0o600 });
  }
  const existing = organisations.find((organisation) => organisation.is_demo);
  const organisationId = existing ? existing.id : await seedDemoOrganisation(db, password);
  if (existing) {
    await applyDemoPassword(db, organisationId, password);
  }
  return {
    organisationId,
    organisationName: DEMO_ORGANISATION,
    password,
    users: demoUsers.slice(0, 5).map((user) => ({ email: user.email, description: user.description })),
  };
}

function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  const characters = [...bytes].map((byte) => alphabet[byte % alphabet.length]);
  return `demo-${characters.slice(0, 4).join('')}-${characters.slice(4, 8).join('')}-${characters.slice(8).join('')}`;
}

async function applyDemoPassword(db: Db, organisationId: string, password: string): Promise<void> {
  const sample = await db
    .selectFrom('users')
    .select('password_hash')
    .where('organisation_id', '=', organisationId)
    .where('email', '=', demoUsers[0]!.email)
    .executeTakeFirst();
  if (sample && (await verifyPassword(sample.password_hash, password))) {
    return;
  }
  const passwordHash = await hashPassword(password);
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('organisation_id', '=', organisationId)
    .where(
      'email',
      'in',
      demoUsers.map((user) => user.email),
    )
    .execute();
}

async function seedDemoOrganisation(db: Db, password: string): Promise<string> {
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(password)));
  const { organisationId, ids } = await db.transaction().execute(async (tx) => {
    const organisation = await createOrganisation(tx, DEMO_ORGANISATION, true);
    const teams = { North: randomUUID(), South: randomUUID() };
    await tx
      .insertInto('teams')
      .values([
        { organisation_id: organisation, id: teams.North, name: 'North' },
        { organisation_id: organisation, id: teams.South, name: 'South' },
      ])
      .execute();
    const userIds = new Map<string, string>();
    for (const [index, user] of demoUsers.entries()) {
      const id = await insertStaff(tx, organisation, {
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        passwordHash: hashes[index]!,
        teamIds: user.team ? [teams[user.team]] : [],
      });
      userIds.set(user.key, id);
    }
    await seedPeople(tx, organisation, userIds);
    await recordAudit(
      tx,
      null,
      { action: 'demo.seed', kind: 'security', details: { people: demoPeople.length + 1 } },
      organisation,
    );
    return { organisationId: organisation, ids: userIds };
  });
  await seedBreakGlassExample(db, organisationId, ids);
  return organisationId;
}

async function seedPeople(tx: Tx, organisationId: string, userIds: Map<string, string>): Promise<void> {
  const started = new Date(Date.now() - 200 * 86_400_000);
  const people = demoPeople.map((fullName, index) => ({ fullName, index, restricted: false }));
  people.push({ fullName: demoRestrictedPerson, index: 0, restricted: true }); // Sam's
  const seeded: SeededPerson[] = [];
  for (const [position, person] of people.entries()) {
    const id = randomUUID();
    const since = new Date(started.getTime() + position * 3 * 86_400_000);
    await tx
      .insertInto('people')
      .values({
        organisation_id: organisationId,
        id,
        full_name: person.fullName,
        restricted: person.restricted,
        created_at: since,
        updated_at: since,
      })
      .execute();
    const practitioners = [caseloadOrder[person.index % caseloadOrder.length]!];
    if (person.index % 9 === 4) {
      practitioners.push(practitioners[0] === 'sam' ? 'priya' : 'sam'); // some people have two workers
    }
    // The record's history starts with its creation and allocation, as if recorded through the app.
    await recordAudit(
      tx,
      null,
      { action: 'person.create', recordType: 'person', recordId: id, personId: id, details: { via: 'demo' } },
      organisationId,
    );
    seeded.push({
      id,
      fullName: person.fullName,
      restricted: person.restricted,
      recordedBy: userIds.get(practitioners[0]!)!,
    });
    for (const key of practitioners) {
      const allocationId = randomUUID();
      await recordAudit(
        tx,
        null,
        {
          action: 'allocation.create',
          recordType: 'allocation',
          recordId: allocationId,
          personId: id,
          details: { userId: userIds.get(key)!, via: 'demo' },
        },
        organisationId,
      );
      await tx
        .insertInto('allocations')
        .values({
          organisation_id: organisationId,
          id: allocationId,
          person_id: id,
          user_id: userIds.get(key)!,
          started_at: since,
        })
        .execute();
    }
  }
  await seedProfiles(tx, organisationId, seeded);
  await seedHistory(tx, organisationId, seeded);
  await seedVoice(tx, organisationId, seeded);
}

/**
 * One break-glass use to review: Alex (South) opened a North person's record out of hours, so Jo
 * has a notification and the access review shows something real on first start.
 */
async function seedBreakGlassExample(db: Db, organisationId: string, userIds: Map<string, string>): Promise<void> {
  const person = await db
    .selectFrom('people as p')
    .innerJoin('allocations as a', (join) =>
      join.onRef('a.organisation_id', '=', 'p.organisation_id').onRef('a.person_id', '=', 'p.id'),
    )
    .select('p.id')
    .where('p.organisation_id', '=', organisationId)
    .where('a.user_id', '=', userIds.get('priya')!)
    .where('p.restricted', '=', false)
    .orderBy('p.full_name')
    .executeTakeFirstOrThrow();
  const alex: Actor = {
    organisationId,
    userId: userIds.get('alex')!,
    role: 'practitioner',
    displayName: 'Alex Kowalski',
    sessionId: null,
    sourceAddress: null,
  };
  await breakGlass(
    db,
    alex,
    person.id,
    'Out-of-hours call from the police about a safeguarding concern; Priya was not on shift.',
    60,
  );
}
