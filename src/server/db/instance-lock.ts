import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/** A running process, told apart from a later one that reuses its pid by its start time. */
export interface ProcessIdentity {
  pid: number;
  startTime: string | null;
}

/** Start time of a process in clock ticks since boot (Linux), or null where /proc is absent. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may contain spaces and parentheses; the fields after the last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 overall: starttime
  } catch {
    return null;
  }
}

export function isAlive(identity: ProcessIdentity): boolean {
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    // EPERM means it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') {
      return false;
    }
  }
  if (identity.startTime === null) {
    return true;
  }
  return processStartTime(identity.pid) === identity.startTime;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: ProcessIdentity,
  ) {
    super(
      `Another Rapport server (pid ${holder.pid}) is already using the data folder ${folder}. ` +
        `Stop it first, or start this one with a different DATA_DIR.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

/**
 * Takes the data folder for this process. The lock file is created exclusively, so two servers
 * starting at once cannot both win; a lock left by a process that no longer runs is stale and
 * is replaced.
 */
export function acquireInstanceLock(lockFile: string, folder: string): () => void {
  const me: ProcessIdentity = { pid: process.pid, startTime: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      return () => releaseInstanceLock(lockFile, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    const holder = readHolder(lockFile);
    if (holder && isAlive(holder)) {
      throw new DataFolderInUseError(folder, holder);
    }
    // Stale: its owner is gone. Remove and try again (another starter may race us to it).
    try {
      unlinkSync(lockFile);
    } catch {
      // already gone
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

function readHolder(lockFile: string): ProcessIdentity | null {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<ProcessIdentity>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, startTime: parsed.startTime ?? null } : null;
  } catch {
    return null; // half-written by a process that died at once: treat as stale
  }
}

function releaseInstanceLock(lockFile: string, me: ProcessIdentity): void {
  const holder = readHolder(lockFile);
  if (holder && holder.pid === me.pid && holder.startTime === me.startTime) {
    try {
      unlinkSync(lockFile);
    } catch {
      // already gone
    }
  }
}
