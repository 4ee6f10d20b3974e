import { sql } from 'kysely';
import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { ensureDemoOrganisation } from '../demo/demo.js';
import { connectForTool } from './connect.js';

/**
 * `npm run demo:reset`: empties the database and creates the demo organisation afresh. Refused in
 * production and whenever the database holds a real (non-demo) organisation.
 */
const config = loadConfig();
if (config.production) {
  console.error('demo:reset is not available when NODE_ENV=production.');
  process.exit(2);
}
const database = await connectForTool(config);
try {
  await migrateToLatest(database.db);
  const real = await database.db.selectFrom('organisations').select('name').where('is_demo', '=', false).execute();
  if (real.length > 0) {
    console.error(`Refusing to reset: this database holds ${real.length} real organisation(s).`);
    process.exitCode = 2;
  } else {
    // The audit trail cannot be deleted row by row (it is append-only); the demo database is dropped whole.
    await sql`drop schema public cascade`.execute(database.db);
    await sql`create schema public`.execute(database.db);
    await migrateToLatest(database.db);
    const demo = await ensureDemoOrganisation(database.db, { dataDir: config.dataDir, password: config.demoPassword });
    console.log(`The demo organisation was created afresh. Sign in with any of:`);
    for (const user of demo?.users ?? []) {
      console.log(`  ${user.email.padEnd(28)} ${user.description}`);
    }
    console.log(`Password: ${demo?.password ?? '(unknown)'}`);
    console.log('Anyone signed in to a running server must sign in again.');
  }
} finally {
  await database.close();
}
