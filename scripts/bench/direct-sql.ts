import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Actor } from '../../src/server/access/actor.js';
import { resolveSession, type SessionLimits } from '../../src/server/auth/sessions.js';
import { getBrief } from '../../src/server/brief/brief.js';
// Also for its pg type parsers (dates as text, bigints as strings): the server's code expects them.
import { preparedName } from '../../src/server/db/database.js';
import type { Database } from '../../src/server/db/schema.js';
import type { Sample } from './measure.js';

/** One statement as the server's code sends it through `pg`: the text and its parameters. */
export interface Statement {
  sql: string;
  parameters: unknown[];
}

/**
 * Records the statements one brief request makes — the session lookup of the authentication hook,
 * then the brief's transaction (begin, settings, scope check, reads, audit row, commit) — by running
 * the server's own code (resolveSession, getBrief) over a pool whose Kysely logs every query. The
 * same code, so the same SQL and parameters, in the same order.
 */
export class BriefRecorder {
  private readonly recorded: Statement[] = [];
  private readonly db: Kysely<Database>;

  constructor(connection: pg.PoolConfig) {
    this.db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ ...connection, max: 1, application_name: 'rapport-bench' }) }),
      log: (event) => {
        if (event.level === 'query') {
          this.recorded.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
        }
      },
    });
  }

  async record(cookieValue: string, limits: SessionLimits, personId: string): Promise<Statement[]> {
    this.recorded.length = 0;
    const session = await resolveSession(this.db, cookieValue, limits, '127.0.0.1');
    if (!session) {
      throw new Error('the bench session was not found');
    }
    const actor: Actor = session.actor;
    await getBrief(this.db, actor, personId);
    return [...this.recorded];
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

/** Replays recorded statements one after another on one connection, as the server's pool would. */
export class DirectReplayer {
  private readonly client: pg.Client;

  constructor(connection: pg.ClientConfig) {
    this.client = new pg.Client({ ...connection, application_name: 'rapport-bench' });
  }

  connect(): Promise<void> {
    return this.client.connect();
  }

  async replay(statements: readonly Statement[]): Promise<Sample> {
    const began = performance.now();
    for (const statement of statements) {
      // As the server's pool runs it: a statement marked PREPARED is planned once per connection.
      const name = preparedName(statement.sql);
      await (name
        ? this.client.query({ name, text: statement.sql, values: statement.parameters })
        : this.client.query(statement.sql, statement.parameters));
    }
    return { ms: performance.now() - began, serverMs: null };
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
