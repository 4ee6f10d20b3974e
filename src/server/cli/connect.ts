import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { openDatabase, poolDefaults, wrapPool, type DatabaseHandle } from '../db/database.js';
import { socketFolderFor } from '../db/embedded-postgres.js';
import { isAlive, type ProcessIdentity } from '../db/instance-lock.js';

/**
 * For the command-line tools: the external server in DATABASE_URL; else, when a Rapport server is
 * running on DATA_DIR, its embedded PostgreSQL through its private socket (a second PostgreSQL on
 * the same folder would be refused); else an embedded server started just for the tool.
 */
export async function connectForTool(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  }
  const running = runningServerSocket(config.dataDir);
  if (running) {
    const password = readFileSync(path.join(config.dataDir, 'postgres-password'), 'utf8').trim();
    const pool = new pg.Pool({
      host: running,
      port: 5432,
      user: 'postgres',
      password,
      database: 'rapport',
      ...poolDefaults(2),
    });
    return wrapPool(pool, null);
  }
  return openDatabase({ databaseUrl: undefined, dataDir: config.dataDir, poolSize: 2 });
}

function runningServerSocket(dataDir: string): string | null {
  const lockFile = path.join(dataDir, 'rapport.lock');
  if (!existsSync(lockFile)) {
    return null;
  }
  try {
    const holder = JSON.parse(readFileSync(lockFile, 'utf8')) as ProcessIdentity;
    if (!isAlive(holder)) {
      return null;
    }
  } catch {
    return null;
  }
  const socketFolder = socketFolderFor(dataDir);
  return existsSync(path.join(socketFolder, '.s.PGSQL.5432')) ? socketFolder : null;
}
