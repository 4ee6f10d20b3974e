import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireInstanceLock, isAlive } from './instance-lock.js';
import { chownTree, ensurePostgresAccount, ensureTraversable, type PostgresAccount } from './os-user.js';
import { findPostgresBinaries, type PostgresBinaries } from './postgres-binaries.js';

export interface EmbeddedPostgresOptions {
  /** The app's data folder; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /** Database the app uses; created on first start. */
  database?: string;
  /** Extra `-c name=value` settings (tests use a few). */
  settings?: Record<string, string>;
  log?: (message: string) => void;
}

/** Connection settings for `pg`: a unix socket, a generated password. */
export interface EmbeddedConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export interface RunningPostgres {
  connection: EmbeddedConnection;
  pid: number;
  /** Fast shutdown (SIGINT) and wait; releases the data folder. */
  stop(): Promise<void>;
}

const PORT = 5432; // only names the socket file; nothing listens on TCP
const SUPERUSER = 'postgres';

/**
 * Starts a real PostgreSQL server from the binaries in node_modules, owned by this process.
 * See ../shared/STACK.md for why each step is here; every one was hit in a probe.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  const passwordFile = path.join(dataDir, 'postgres-password');
  const database = options.database ?? 'rapport';

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const releaseLock = acquireInstanceLock(path.join(dataDir, 'rapport.lock'), dataDir);
  try {
    const binaries = findPostgresBinaries();
    const account = ensurePostgresAccount();
    if (account) {
      // The server's account must reach its files and binaries, but never read the password file.
      chmodSync(dataDir, 0o711);
      ensureTraversable(dataDir, log);
      ensureTraversable(binaries.binDir, log);
    }
    await stopOrphan(clusterDir, log);
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      initialiseCluster({ binaries, account, dataDir, clusterDir, passwordFile, log });
    }
    if (!existsSync(passwordFile)) {
      throw new Error(
        `The database in ${clusterDir} exists but its password file ${passwordFile} is missing. ` +
          `Restore the file, or move the folder away to start afresh.`,
      );
    }
    const password = readFileSync(passwordFile, 'utf8').trim();
    const socketDir = prepareSocketDir(dataDir, account);
    const child = spawnPostgres({ binaries, account, dataDir, clusterDir, socketDir, settings: options.settings });
    await waitUntilReady(child, clusterDir, dataDir);
    const connection: EmbeddedConnection = { host: socketDir, port: PORT, user: SUPERUSER, password, database };
    await ensureDatabase(connection);
    log(`embedded PostgreSQL ready (pid ${child.pid}, socket in ${socketDir})`);
    let stopping: Promise<void> | null = null;
    return {
      connection,
      pid: child.pid ?? -1,
      stop: () => {
        stopping ??= stopChild(child).finally(releaseLock);
        return stopping;
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

interface InitOptions {
  binaries: PostgresBinaries;
  account: PostgresAccount | null;
  dataDir: string;
  clusterDir: string;
  passwordFile: string;
  log: (message: string) => void;
}

/** initdb into a temporary folder, renamed into place only once complete (a crash leaves no half-cluster). */
function initialiseCluster({ binaries, account, dataDir, clusterDir, passwordFile, log }: InitOptions): void {
  const temporary = path.join(dataDir, 'postgres.initdb-tmp');
  rmSync(temporary, { recursive: true, force: true });
  rmSync(clusterDir, { recursive: true, force: true }); // a folder without PG_VERSION is not a cluster
  mkdirSync(temporary, { mode: 0o700 });
  const password = randomBytes(32).toString('base64url');
  // initdb reads the password from a file the server's account can read; it is removed at once.
  const initdbPasswordFile = path.join(temporary, '.initdb-password');
  const clusterTemp = path.join(temporary, 'cluster');
  writeFileSync(initdbPasswordFile, password, { mode: 0o600 });
  if (account) {
    chownTree(temporary, account);
  }
  log('creating the embedded PostgreSQL cluster (first start)');
  const result = spawnSync(
    binaries.initdb,
    [
      '--pgdata',
      clusterTemp,
      '--username',
      SUPERUSER,
      '--pwfile',
      initdbPasswordFile,
      '--auth',
      'scram-sha-256',
      '--encoding',
      'UTF8',
      '--locale',
      'C',
      '--locale-provider',
      'builtin',
      '--builtin-locale',
      'C.UTF-8',
      '--no-instructions',
    ],
    { ...runAs(account), env: postgresEnv(binaries), encoding: 'utf8' },
  );
  if (result.status !== 0) {
    rmSync(temporary, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`);
  }
  // The password file must exist before the cluster does: a cluster without it is unusable.
  writeFileSync(`${passwordFile}.tmp`, password, { mode: 0o600 });
  renameSync(`${passwordFile}.tmp`, passwordFile);
  renameSync(clusterTemp, clusterDir);
  rmSync(temporary, { recursive: true, force: true });
}

/** Where the server's socket lives: `<dataDir>/run`, or a short /tmp path when that is too long. */
export function socketFolderFor(dataDir: string): string {
  const socketDir = path.join(dataDir, 'run');
  if (Buffer.byteLength(path.join(socketDir, `.s.PGSQL.${PORT}.lock`)) <= 100) {
    return socketDir;
  }
  // Unix socket paths are limited to ~107 bytes.
  return path.join(tmpdir(), `rapport-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
}

/** Unix socket only, in a private folder. */
function prepareSocketDir(dataDir: string, account: PostgresAccount | null): string {
  const socketDir = socketFolderFor(dataDir);
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  chmodSync(socketDir, 0o700);
  for (const stale of [`.s.PGSQL.${PORT}`, `.s.PGSQL.${PORT}.lock`]) {
    rmSync(path.join(socketDir, stale), { force: true });
  }
  if (account) {
    chownTree(socketDir, account);
  }
  return socketDir;
}

interface SpawnOptions {
  binaries: PostgresBinaries;
  account: PostgresAccount | null;
  dataDir: string;
  clusterDir: string;
  socketDir: string;
  settings: Record<string, string> | undefined;
}

function spawnPostgres({ binaries, account, dataDir, clusterDir, socketDir, settings }: SpawnOptions): ChildProcess {
  const config: Record<string, string> = {
    listen_addresses: '',
    port: String(PORT),
    unix_socket_directories: socketDir,
    unix_socket_permissions: '0700',
    // A small /dev/shm broke a parallel hash join in a probe; mmap keeps it in the data folder.
    dynamic_shared_memory_type: 'mmap',
    shared_buffers: '32MB',
    max_connections: '50',
    password_encryption: 'scram-sha-256',
    timezone: 'UTC',
    log_timezone: 'UTC',
    ...settings,
  };
  const args = ['-D', clusterDir];
  for (const [name, value] of Object.entries(config)) {
    args.push('-c', `${name}=${value}`);
  }
  const logFd = openSync(path.join(dataDir, 'postgres.log'), 'a', 0o600);
  try {
    const command = pdeathsigCommand(binaries.postgres, args);
    return spawn(command[0]!, command.slice(1), {
      ...runAs(account),
      env: postgresEnv(binaries),
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    closeSync(logFd);
  }
}

/**
 * `setpriv --pdeathsig INT` makes the kernel send SIGINT (fast shutdown) to PostgreSQL if Node
 * dies, however it dies. Node switches the user before setpriv runs, so the setting is not lost
 * to a later change of user, and setpriv execs PostgreSQL in place (same pid).
 */
function pdeathsigCommand(binary: string, args: string[]): string[] {
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((candidate) => existsSync(candidate));
  return setpriv && process.platform === 'linux'
    ? [setpriv, '--pdeathsig', 'INT', '--', binary, ...args]
    : [binary, ...args];
}

function runAs(account: PostgresAccount | null): { uid?: number; gid?: number } {
  return account ? { uid: account.uid, gid: account.gid } : {};
}

function postgresEnv(binaries: PostgresBinaries): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    LD_LIBRARY_PATH: binaries.libDir,
    DYLD_LIBRARY_PATH: binaries.libDir,
    LC_ALL: 'C',
    TZ: 'UTC',
  };
}

/** Reads `postmaster.pid`: line 1 pid, line 8 the server's status ("ready" once it accepts connections). */
function readPostmasterPid(clusterDir: string): { pid: number; status: string } | null {
  try {
    const lines = readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    return Number.isInteger(pid) && pid > 0 ? { pid, status: (lines[7] ?? '').trim() } : null;
  } catch {
    return null;
  }
}

/**
 * A PostgreSQL left running by an app that died without it (no pdeathsig, or a kill of the whole
 * group that missed it) still holds the folder. We hold the app lock, so no live app owns it:
 * stop it politely. A lock file whose process is gone is simply removed.
 */
async function stopOrphan(clusterDir: string, log: (message: string) => void): Promise<void> {
  const postmaster = readPostmasterPid(clusterDir);
  if (!postmaster) {
    return;
  }
  const identity = { pid: postmaster.pid, startTime: null };
  if (isAlive(identity) && isPostgresProcess(postmaster.pid)) {
    log(`stopping an orphaned PostgreSQL (pid ${postmaster.pid}) left by an earlier run`);
    process.kill(postmaster.pid, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while (isAlive(identity) && Date.now() < deadline) {
      await sleep(50);
    }
    if (isAlive(identity)) {
      process.kill(postmaster.pid, 'SIGQUIT');
      await sleep(500);
    }
  }
  if (!isAlive(identity) || !isPostgresProcess(postmaster.pid)) {
    try {
      unlinkSync(path.join(clusterDir, 'postmaster.pid'));
      log('removed a stale postmaster.pid');
    } catch {
      // PostgreSQL removed it itself on shutdown
    }
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return process.platform !== 'linux'; // cannot tell: assume it is
  }
}

async function waitUntilReady(child: ChildProcess, clusterDir: string, dataDir: string): Promise<void> {
  const state: { exited: number | string | null } = { exited: null };
  child.once('exit', (code, signal) => {
    state.exited = code ?? signal ?? 'unknown';
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (state.exited !== null) {
      throw new Error(`PostgreSQL stopped during start (${state.exited}): ${tailOfLog(dataDir)}`);
    }
    const postmaster = readPostmasterPid(clusterDir);
    if (postmaster && postmaster.status === 'ready' && postmaster.pid === child.pid) {
      return;
    }
    await sleep(15);
  }
  child.kill('SIGINT');
  throw new Error(`PostgreSQL did not become ready within 60 s: ${tailOfLog(dataDir)}`);
}

function tailOfLog(dataDir: string): string {
  try {
    return readFileSync(path.join(dataDir, 'postgres.log'), 'utf8').trim().split('\n').slice(-5).join(' | ');
  } catch {
    return '(no log)';
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  const cancel = new AbortController();
  const timedOut = await Promise.race([
    exited.then(() => false),
    sleep(30_000, true, { signal: cancel.signal }).catch(() => false),
  ]);
  cancel.abort(); // do not keep the process alive for the rest of the 30 s
  if (timedOut) {
    child.kill('SIGQUIT');
    await exited;
  }
}

async function ensureDatabase(connection: EmbeddedConnection): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ ...connection, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [connection.database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${connection.database.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
}
