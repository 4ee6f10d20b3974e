import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type RunningPostgres } from '../db/embedded-postgres.js';
import { migrateToLatest } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection to the server the tests use, on its maintenance database. */
    testServer: pg.ClientConfig;
    /** A migrated database each test file clones (CREATE DATABASE … TEMPLATE). */
    templateDatabase: string;
  }
}

/**
 * Once per run: a real PostgreSQL — the embedded one by default, or the server in
 * TEST_DATABASE_URL — and a migrated template database for each test file to clone.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: RunningPostgres | null = null;
  let dataDir: string | null = null;
  let server: pg.ClientConfig;
  if (process.env.TEST_DATABASE_URL) {
    server = { connectionString: process.env.TEST_DATABASE_URL };
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-test-'));
    // Tests trade durability for speed; the crash test runs its own server with fsync on.
    embedded = await startEmbeddedPostgres({
      dataDir,
      database: 'postgres',
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
    });
    server = { ...embedded.connection };
  }
  const templateDatabase = `rapport_template_${process.pid}`;
  const admin = new pg.Client(server);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  await admin.end();

  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ ...server, ...databaseOf(server, templateDatabase), max: 1 }) }),
  });
  await migrateToLatest(db);
  await db.destroy();

  project.provide('testServer', server);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const cleanup = new pg.Client(server);
    await cleanup.connect();
    const leftovers = await cleanup.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`${templateDatabase}_f%`, templateDatabase],
    );
    for (const { datname } of leftovers.rows) {
      await cleanup.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await cleanup.end();
    await embedded?.stop();
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

/** The same server, another database: for a URL, swap its path; for socket settings, the name. */
export function databaseOf(server: pg.ClientConfig, database: string): pg.ClientConfig {
  if (server.connectionString) {
    const url = new URL(server.connectionString);
    url.pathname = `/${database}`;
    return { connectionString: url.toString() };
  }
  return { ...server, database };
}
