import { createHash } from 'node:crypto';
import {
  CompiledQuery,
  DummyDriver,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  Kysely,
  PostgresDialect,
  sql,
  type PostgresPool,
  type PostgresPoolClient,
  type Transaction,
} from 'kysely';
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparing(pool) }) });
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

/**
 * Marks a statement to be planned once per connection — run as a named prepared statement, whose
 * plan PostgreSQL keeps for the life of the connection — instead of on every run: for the hot
 * statements whose planning costs more than their execution (the brief's one statement plans in
 * about four times the time it runs; the session lookup and the scope check in two to six times).
 * Only for statements whose text does not vary with the data (values are parameters; no `in` lists
 * of varying length): each distinct text is prepared once on each connection and kept.
 *
 * In a query builder, `.modifyFront(prepared)` puts the mark right after `select`; in raw SQL,
 * start the text with it: sql`${prepared} with …`.
 */
export const PREPARED = '/* prepared */';
export const prepared = sql.raw(PREPARED);

const preparedNames = new Map<string, string>();

/** The prepared statement's name for a marked SQL text (marked within its first words), or null. */
export function preparedName(text: string): string | null {
  const start = text.trimStart();
  if (!start.startsWith(PREPARED) && !start.slice(0, 16).includes(` ${PREPARED}`)) {
    return null;
  }
  let name = preparedNames.get(text);
  if (!name) {
    name = `rapport_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    preparedNames.set(text, name);
  }
  return name;
}

/** The pool as Kysely sees it, running marked statements as named prepared statements. */
function preparing(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrapped.get(client);
      if (!wrapper) {
        wrapper = {
          query: ((text: unknown, parameters?: readonly unknown[]) => {
            const name = typeof text === 'string' ? preparedName(text) : null;
            return name
              ? client.query({ name, text: text as string, values: parameters as unknown[] })
              : client.query(text as string, parameters as unknown[]);
          }) as unknown as PostgresPoolClient['query'],
          release: (destroy?: boolean) => client.release(destroy),
        };
        wrapped.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

/** Anything Kysely can compile: a query builder or a raw `sql` template. */
interface Compilable {
  compile(executorProvider: Kysely<Database>): CompiledQuery;
}

const HOLE = '\u0000rapport-hole:';

/**
 * A hot statement built and compiled by Kysely once per shape, then run with each call's values.
 * Building and compiling the brief's statement cost about 1 ms of the server's CPU on every request
 * — more than running it — though its text changes only with the actor's role.
 *
 * `build` receives placeholders for the values (`holes`) and must use each only as a whole
 * parameter (sql`${holes.personId}` or `.where('id', '=', holes.personId)`), never to decide the
 * statement's shape and never inside a longer string: whatever decides the shape (a role, whether
 * a list is empty) goes in `shape` instead. Compiling refuses a placeholder found inside a longer
 * parameter, and the tests compare a template's result with a fresh compile.
 */
export class StatementTemplate<Holes extends Record<string, unknown>> {
  private readonly compiled = new Map<string, { sql: string; parameters: readonly unknown[] }>();

  constructor(
    private readonly names: readonly (keyof Holes & string)[],
    private readonly build: (holes: Holes, shape: string) => Compilable,
  ) {}

  /** The statement for this shape, with these values as its parameters. */
  compile(shape: string, values: Holes): CompiledQuery {
    let template = this.compiled.get(shape);
    if (!template) {
      const holes = Object.fromEntries(this.names.map((name) => [name, `${HOLE}${name}`])) as unknown as Holes;
      const query = this.build(holes, shape).compile(queryBuilder);
      if (query.sql.includes(HOLE)) {
        throw new Error('A placeholder was written into the statement’s text: use it as a parameter');
      }
      for (const parameter of query.parameters) {
        if (typeof parameter === 'string' && parameter.includes(HOLE) && !this.isHole(parameter)) {
          throw new Error(`A placeholder was used inside a longer value: ${parameter.replaceAll('\u0000', '')}`);
        }
      }
      template = { sql: query.sql, parameters: query.parameters };
      this.compiled.set(shape, template);
    }
    const parameters = template.parameters.map((parameter) =>
      typeof parameter === 'string' && this.isHole(parameter)
        ? values[parameter.slice(HOLE.length) as keyof Holes]
        : parameter,
    );
    return CompiledQuery.raw(template.sql, parameters);
  }

  /** The same statement built and compiled afresh with these values (what the tests compare with). */
  fresh(shape: string, values: Holes): CompiledQuery {
    return this.build(values, shape).compile(queryBuilder);
  }

  private isHole(value: string): boolean {
    return value.startsWith(HOLE) && this.names.includes(value.slice(HOLE.length));
  }
}

/** A Kysely that only builds and compiles (StatementTemplate's builds): it has no connection. */
export const queryBuilder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
