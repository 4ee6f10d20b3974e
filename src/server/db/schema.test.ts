import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/database.js';

/*
 * Multi-tenancy from the first table (docs/scaling.md): every tenant table has organisation_id
 * first in its primary key and in every foreign key, so the schema distributes by organisation on
 * Citus with all of an organisation's rows co-located. The few global tables are named here, each
 * with the reason it is global; a new table that is neither fails this test.
 */
const globalTables: Record<string, string> = {
  organisations: 'the tenants themselves (a Citus reference table)',
  sign_in_directory: 'maps a sign-in address to its organisation before anyone is signed in (reference table)',
  sign_in_attempts: 'throttles and records sign-in attempts for addresses that may match no organisation',
  kysely_migration: 'the migrator’s own bookkeeping',
  kysely_migration_lock: 'the migrator’s own lock',
};

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the schema distributes by organisation', () => {
  it('has organisation_id first in the primary key of every tenant table', async () => {
    const keys = await sql<{ table_name: string; first_column: string | null }>`
      select t.table_name,
             (select a.attname from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
               where i.indrelid = (quote_ident(t.table_name))::regclass and i.indisprimary) as first_column
      from information_schema.tables t
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by t.table_name`.execute(database.db);
    const tenantTables = keys.rows.filter((row) => !(row.table_name in globalTables));
    expect(tenantTables.length).toBeGreaterThan(5);
    const offenders = tenantTables
      .filter((row) => row.first_column !== 'organisation_id')
      .map((row) => `${row.table_name} (${row.first_column ?? 'no primary key'})`);
    expect(offenders).toEqual([]);
  });

  it('has organisation_id first in every foreign key between tenant tables', async () => {
    const foreignKeys = await sql<{
      table_name: string;
      constraint_name: string;
      columns: string[];
      referenced: string;
    }>`
      select c.conrelid::regclass::text as table_name, c.conname as constraint_name,
             array(select a.attname from unnest(c.conkey) with ordinality k(attnum, n)
                   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n)::text[] as columns,
             c.confrelid::regclass::text as referenced
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace`.execute(database.db);
    const offenders = foreignKeys.rows
      .filter((fk) => !(fk.table_name in globalTables))
      .filter((fk) => fk.columns[0] !== 'organisation_id')
      .map((fk) => `${fk.table_name}.${fk.constraint_name} (${fk.columns.join(', ')}) → ${fk.referenced}`);
    expect(offenders).toEqual([]);
  });

  it('names a reason for every global table that exists', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
      database.db,
    );
    const names = new Set(tables.rows.map((row) => row.table_name));
    for (const name of Object.keys(globalTables)) {
      expect(names.has(name), `${name} is listed as global but does not exist`).toBe(true);
    }
  });

  it('keeps the cluster in UTF-8', async () => {
    const encoding = await sql<{
      server_encoding: string;
    }>`select current_setting('server_encoding') as server_encoding`.execute(database.db);
    expect(encoding.rows[0]!.server_encoding).toBe('UTF8');
  });
});
