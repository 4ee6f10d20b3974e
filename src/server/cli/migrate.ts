import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { connectForTool } from './connect.js';

/** `npm run migrate`: applies pending migrations (the server also does this at start). */
const database = await connectForTool(loadConfig());
try {
  const applied = await migrateToLatest(database.db);
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await database.close();
}
