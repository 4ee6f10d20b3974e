import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { socketFolderFor } from '../../src/server/db/embedded-postgres.js';

/*
 * SECURITY.md check 29: a server recording writes is killed with SIGKILL at random moments; after
 * each restart every write it acknowledged is there, whole. Odd rounds also SIGKILL PostgreSQL at
 * the same instant (a machine-level crash), even rounds leave it to the parent-death signal. A
 * second server on the same data folder is refused with a clear message.
 */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const PASSWORD = 'crash-test-password-77';
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-crash-'));
let server: { child: ChildProcess; url: string } | null = null;

afterAll(async () => {
  if (server) {
    server.child.kill('SIGTERM');
    await exitOf(server.child);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      RAPPORT_DEMO_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready: ${output}`)));
  });
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sam@demo.rapport.test', password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/** Reads the database directly through the running server's socket, as `npm run` tools do. */
async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    host: socketFolderFor(dataDir),
    port: 5432,
    user: 'postgres',
    database: 'rapport',
    password: readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim(),
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('crash safety (check 29)', () => {
  it(
    `keeps every acknowledged write through ${ROUNDS} SIGKILLs, and refuses a second server`,
    { timeout: 60_000 + ROUNDS * 15_000 },
    async () => {
      const acknowledged: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        server = await startServer();
        // Whatever was acknowledged before the last kill must be there, with its allocation and audit row.
        const { missing, partial } = await withDatabase(async (client) => {
          const found = await client.query<{ full_name: string; allocations: string; audits: string }>(
            `select p.full_name,
                  (select count(*) from allocations a where a.organisation_id = p.organisation_id and a.person_id = p.id) as allocations,
                  (select count(*) from audit_events e where e.organisation_id = p.organisation_id and e.person_id = p.id and e.action = 'person.create') as audits
           from people p where p.full_name like 'Crash %'`,
          );
          const names = new Set(found.rows.map((row) => row.full_name));
          return {
            missing: acknowledged.filter((name) => !names.has(name)),
            partial: found.rows
              .filter((row) => row.allocations !== '1' || row.audits !== '1')
              .map((row) => row.full_name),
          };
        });
        expect(missing).toEqual([]);
        expect(partial).toEqual([]);

        if (round === 0) {
          // A second server on the same folder is refused, clearly, and the first keeps running.
          const second = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
            cwd: root,
            env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let said = '';
          second.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
          second.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
          await exitOf(second);
          expect(second.exitCode).toBe(2);
          expect(said).toContain('already using the data folder');
          expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
        }

        const session = await signIn(server.url);
        let stop = false;
        const writer = async (lane: number) => {
          for (let n = 0; !stop; n += 1) {
            const name = `Crash ${round}-${lane}-${n}`;
            try {
              const response = await fetch(`${server!.url}/api/people`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
                body: JSON.stringify({ fullName: name }),
              });
              if (response.status === 201) {
                acknowledged.push(name);
              }
            } catch {
              return; // the server is gone
            }
          }
        };
        const lanes = [0, 1, 2, 3].map(writer);
        await sleep(150 + Math.floor(Math.random() * 400));
        const postgresPid = Number(
          readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
        );
        server.child.kill('SIGKILL');
        if (round % 2 === 1) {
          process.kill(postgresPid, 'SIGKILL');
        }
        stop = true;
        await Promise.all(lanes);
        await exitOf(server.child);
        server = null;
      }
      server = await startServer();
      const stored = await withDatabase(
        async (client) =>
          (await client.query<{ n: string }>(`select count(*) as n from people where full_name like 'Crash %'`))
            .rows[0]!.n,
      );
      expect(acknowledged.length).toBeGreaterThan(ROUNDS * 5);
      expect(Number(stored)).toBeGreaterThanOrEqual(acknowledged.length);
      console.log(`crash test: ${ROUNDS} rounds, ${acknowledged.length} acknowledged writes, ${stored} stored, 0 lost`);
    },
  );
});
