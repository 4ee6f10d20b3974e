import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The OS account PostgreSQL runs as; `null` means "as this process's own user". */
export interface PostgresAccount {
  name: string;
  uid: number;
  gid: number;
}

const ACCOUNT_NAME = 'rapport-postgres';

/**
 * PostgreSQL refuses to run as root. When Rapport is started as root (a container, a CI machine),
 * the server runs as a dedicated system account instead, created here when missing.
 */
export function ensurePostgresAccount(): PostgresAccount | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return null;
  }
  let ids = lookupAccount(ACCOUNT_NAME);
  if (!ids) {
    try {
      execFileSync(
        'useradd',
        ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', ACCOUNT_NAME],
        { stdio: 'pipe' },
      );
    } catch (error) {
      // Two processes may race to create it; only fail if it is still missing.
      if (!lookupAccount(ACCOUNT_NAME)) {
        throw new Error(`Could not create the OS user ${ACCOUNT_NAME} for PostgreSQL: ${String(error)}`);
      }
    }
    ids = lookupAccount(ACCOUNT_NAME);
  }
  if (!ids) {
    throw new Error(`The OS user ${ACCOUNT_NAME} for PostgreSQL is missing`);
  }
  return { name: ACCOUNT_NAME, ...ids };
}

function lookupAccount(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { stdio: 'pipe' }).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name], { stdio: 'pipe' }).toString().trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** Gives a folder (and, recursively, what it holds) to the PostgreSQL account. */
export function chownTree(target: string, account: PostgresAccount): void {
  chownSync(target, account.uid, account.gid);
  if (statSync(target).isDirectory()) {
    for (const entry of readdirSync(target)) {
      chownTree(path.join(target, entry), account);
    }
  }
}

/**
 * The PostgreSQL account must be able to walk into the data folder and to run the binaries.
 * Adds the search bit (not read) for others on each ancestor folder that lacks it — e.g. a
 * project under /root — and says so.
 */
export function ensureTraversable(folder: string, warn: (message: string) => void): void {
  let current = path.resolve(folder);
  const ancestors: string[] = [];
  while (current !== path.dirname(current)) {
    ancestors.push(current);
    current = path.dirname(current);
  }
  for (const ancestor of ancestors.reverse()) {
    const mode = statSync(ancestor).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(ancestor, (mode & 0o7777) | 0o001);
      warn(`made ${ancestor} searchable by other users so that PostgreSQL can reach its files`);
    }
  }
}
