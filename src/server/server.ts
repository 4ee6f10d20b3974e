import type pino from 'pino';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { SecretBox } from './crypto/secret-box.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureShippedInstruments } from './checkins/checkins.js';
import { ensureDemoOrganisation, type DemoSignIns } from './demo/demo.js';
import { startJobs } from './reminders/jobs.js';
import type { App } from './http/types.js';

export interface RunningServer {
  app: App;
  database: DatabaseHandle;
  url: string;
  demo: DemoSignIns | null;
  /** No one can sign in yet: the first administrator is still to be created. */
  needsAdministrator: boolean;
  /** Ordered shutdown: stop taking requests, drain, close the pool, stop PostgreSQL. */
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds the demo organisation outside production, and listens. */
export async function startServer(config: Config, logger: pino.Logger): Promise<RunningServer> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    log: (message) => logger.info(message),
  });
  try {
    const applied = await migrateToLatest(database.db);
    // A new Rapport version may ship a new version of its own instruments: every organisation gets it.
    await ensureShippedInstruments(database.db);
    if (applied.length > 0) {
      logger.info({ applied }, 'migrations applied');
    }
    const demo = config.production
      ? null
      : await ensureDemoOrganisation(database.db, { dataDir: config.dataDir, password: config.demoPassword });
    const needsAdministrator = !(await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
    const app = await buildApp(
      { db: database.db, config, secrets: SecretBox.load(config.dataDir) },
      { logger, serveWeb: true },
    );
    const jobs = await startJobs({
      db: database.db,
      pool: database.pool,
      cron: config.reminderCron,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      publicUrl: config.publicUrl,
      log: (message, detail) => logger.info(detail ?? {}, message),
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
    let closing: Promise<void> | null = null;
    return {
      app,
      database,
      url: `http://${shownHost}:${port}`,
      demo,
      needsAdministrator,
      close: () => {
        closing ??= (async () => {
          await app.close();
          await jobs.stop();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
