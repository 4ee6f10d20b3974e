import { randomUUID } from 'node:crypto';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../access/actor.js';
import { hashPassword } from '../auth/passwords.js';
import type { Db } from '../db/database.js';
import { createOrganisation, insertStaff } from '../staff/staff.js';

export const TEST_PASSWORD = 'plum-orchard-lantern-42';
let sharedHash: Promise<string> | null = null;

export interface TestStaff {
  id: string;
  email: string;
  password: string;
  role: Role;
  actor: Actor;
}

export interface TestOrganisation {
  id: string;
  teams: { North: string; South: string };
  addStaff(options: { role: Role; team?: 'North' | 'South' | null; name?: string }): Promise<TestStaff>;
  addPerson(options?: { fullName?: string; allocatedTo?: TestStaff[]; restricted?: boolean }): Promise<string>;
}

let counter = 0;

/**
 * A fresh organisation with two teams, North and South (after medplum's createTestProject). Staff
 * and people are added with option-driven builders; writes here bypass the API on purpose, to set
 * the scene quickly — the behaviour under test always goes through the domain functions or routes.
 */
export async function createTestOrganisation(db: Db, name = 'Test organisation'): Promise<TestOrganisation> {
  const organisationId = await createOrganisation(db, name);
  const teams = { North: randomUUID(), South: randomUUID() };
  await db
    .insertInto('teams')
    .values([
      { organisation_id: organisationId, id: teams.North, name: 'North' },
      { organisation_id: organisationId, id: teams.South, name: 'South' },
    ])
    .execute();
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await sharedHash;

  return {
    id: organisationId,
    teams,
    async addStaff({ role, team = 'North', name: displayName }) {
      counter += 1;
      const email = `${role}-${counter}-${randomUUID().slice(0, 8)}@test.rapport.test`;
      const name = displayName ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${counter}`;
      const id = await db.transaction().execute((tx) =>
        insertStaff(tx, organisationId, {
          email,
          displayName: name,
          role,
          passwordHash,
          teamIds: team ? [teams[team]] : [],
        }),
      );
      return {
        id,
        email,
        password: TEST_PASSWORD,
        role,
        actor: { organisationId, userId: id, role, displayName: name, sessionId: null, sourceAddress: '127.0.0.1' },
      };
    },
    async addPerson({ fullName = `Person ${randomUUID().slice(0, 6)}`, allocatedTo = [], restricted = false } = {}) {
      const id = randomUUID();
      await db
        .insertInto('people')
        .values({ organisation_id: organisationId, id, full_name: fullName, restricted })
        .execute();
      for (const staff of allocatedTo) {
        await db
          .insertInto('allocations')
          .values({ organisation_id: organisationId, id: randomUUID(), person_id: id, user_id: staff.id })
          .execute();
      }
      return id;
    },
  };
}
