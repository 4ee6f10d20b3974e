import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { poolDefaults, wrapPool, type DatabaseHandle } from '../db/database.js';
import { databaseOf } from './global-setup.js';

/**
 * A database of the test file's own, cloned from the migrated template: real PostgreSQL, real
 * migrations, no mocks. Close it in afterAll.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { name: string; server: pg.ClientConfig }> {
  const server = inject('testServer');
  const template = inject('templateDatabase');
  const name = `${template}_f${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(server);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const handle = wrapPool(new pg.Pool({ ...server, ...databaseOf(server, name), ...poolDefaults(8) }), null);
  return {
    ...handle,
    name,
    server,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client(server);
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
