import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or an open transaction: domain functions that only read accept both. */
export type Queryable = Db | Tx;

// bigint (int8) columns come back as strings; counts are small enough for numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);
// Calendar dates (a birthday) have no time zone: keep them as 'YYYY-MM-DD', never a shifted Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  /** The embedded server, when one was started. */
  embedded: RunningPostgres | null;
  /** Ordered shutdown: pool first, then the embedded server. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize?: number;
  log?: (message: string) => void;
}

/** Opens the external server named by DATABASE_URL, or starts the embedded one in DATA_DIR. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const embedded = options.databaseUrl
    ? null
    : await startEmbeddedPostgres({ dataDir: options.dataDir, log: options.log });
  const poolConfig: pg.PoolConfig = embedded ? { ...embedded.connection } : { connectionString: options.databaseUrl };
  try {
    return wrapPool(new pg.Pool({ ...poolConfig, ...poolDefaults(options.poolSize) }), embedded);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export function poolDefaults(size = 10): pg.PoolConfig {
  return {
    max: size,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    // A statement that runs away must not hold a connection (and an audit chain) for ever.
    statement_timeout: 30_000,
    application_name: 'rapport',
  };
}

export function wrapPool(pool: pg.Pool, embedded: RunningPostgres | null): DatabaseHandle {
  // An idle client losing its server (a restart) must not crash the process; the next query fails
  // and is answered 503, and the pool reconnects when the server returns.
  pool.on('error', () => undefined);
  // A client whose server connection dies while checked out emits 'error' on itself; unheard, that
  // would crash the process. The query in flight fails on its own and is answered 503.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | null = null;
  return {
    db,
    pool,
    embedded,
    close: () => {
      closing ??= (async () => {
        await db.destroy(); // ends the pool
        await embedded?.stop();
      })();
      return closing;
    },
  };
}
