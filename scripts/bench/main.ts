import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { verifyAuditChains } from '../../src/server/audit/verify.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import type { Db } from '../../src/server/db/database.js';
import { socketFolderFor, startEmbeddedPostgres } from '../../src/server/db/embedded-postgres.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { Database } from '../../src/server/db/schema.js';
import { BriefRecorder, DirectReplayer, type Statement } from './direct-sql.js';
import {
  HttpClient,
  MemorySampler,
  cpuMsBetween,
  cpuTicks,
  mergeRuns,
  processTree,
  run,
  summarise,
  type MemoryReading,
  type RunResult,
  type Sample,
  type Summary,
} from './measure.js';
import {
  CASELOAD,
  CONTACTS_PER_PERSON,
  growTo,
  practitionerEmail,
  seedAudit,
  seedOrganisation,
  type SeedState,
} from './seed.js';

/*
 * `npm run bench` — the scale bench (docs/performance.md, "Brief and recording at scale").
 *
 * One run: a synthetic organisation is seeded set-based into a throwaway data folder at each size
 * (default 1k, 10k, 100k people, ~100 contacts each), and at each size the real server (the build's
 * dist/server/main.js — startServer, buildApp — in its own process, on its embedded PostgreSQL) is
 * started and measured from this process:
 *
 *   GET /api/health                        a trivial route of the same server
 *   GET /api/people/{id}/brief             signed in as the person's allocated practitioner (audited)
 *   the brief's SQL, directly              the same statements, replayed through pg on one connection
 *   POST /api/people/{id}/contacts         recording a made visit with its note (CSRF, Idempotency-Key)
 *
 * with client and server time (the Server-Timing header), recording throughput at a few
 * concurrencies, and the resident memory (RSS, PSS) of the server and of its PostgreSQL processes.
 *
 * Settings (environment): BENCH_SIZES=1000,10000,100000  BENCH_DIR=<parent folder of the data folder>
 * BENCH_REQUESTS=3000 (brief and direct SQL, each)  BENCH_RECORDS=4000 (per concurrency)
 * BENCH_CONCURRENCY=8,32  BENCH_KEEP=1 (keep the data folder)  BENCH_REUSE=<a kept data folder: measure it
 * again, seeding only up to sizes it does not hold yet>  BENCH_JSON=<file for the raw figures>
 * BENCH_PROFILE=<folder for a V8 CPU profile of the server at each size>
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map((value) => Number(value.trim()));
const requests = Number(process.env.BENCH_REQUESTS ?? 3000);
const records = Number(process.env.BENCH_RECORDS ?? 4000);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? '8,32').split(',').map((value) => Number(value.trim()));
const ROUNDS = 5;
const SESSIONS = 40;
const password = 'bench-lantern-orchard-2026';
const limits = { idleMinutes: 30, absoluteHours: 12 };

/** Settings for seeding only: the server later starts PostgreSQL with its own (fsync on). */
const seedSettings: Record<string, string> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  shared_buffers: '1GB',
  max_wal_size: '20GB',
  checkpoint_timeout: '1h',
  autovacuum: 'off',
  wal_level: 'minimal',
  max_wal_senders: '0',
};

const began = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(5)} s] ${line}`);
const load = () => loadavg()[0]!.toFixed(2);

interface SizeResult {
  people: number;
  contacts: number;
  databaseMb: number;
  seedSeconds: number;
  health: Summary;
  brief: Summary;
  direct: Summary;
  recordSequential: Summary;
  recordConcurrent: Summary[];
  memoryPeak: MemoryReading;
  memoryAfterBrief: MemoryReading;
  statementsPerBrief: number;
  startScanSeconds: number;
  loadAverage: { start: string; end: string };
}

// ------------------------------------------------------------------ the server, in its own process

interface ServerProcess {
  child: ChildProcess;
  url: URL;
  postmasterPid: number | null;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function startServerProcess(dataDir: string): Promise<ServerProcess> {
  const port = await freePort();
  const logFd = openSync(path.join(dataDir, 'server.log'), 'a');
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    // The bench is one client address sending thousands of requests a minute.
    RATE_LIMIT_PER_MINUTE: '100000000',
    // The scheduled reminder scan would land at a random moment of a measurement; the scan every
    // start makes is waited for (and its duration reported) before measuring.
    REMINDER_CRON: '0 3 1 1 *',
    // Time inside the server, on every answer.
    SERVER_TIMING: 'true',
  };
  delete environment.DATABASE_URL;
  // BENCH_PROFILE=<folder>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, 'dist', 'server', 'main.js')], {
    env: environment,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  const url = new URL(`http://127.0.0.1:${port}`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (ended) {
      throw new Error(`the server exited during start; see ${path.join(dataDir, 'server.log')}`);
    }
    try {
      const response = await fetch(new URL('/api/ready', url));
      if (response.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the server did not become ready within 3 minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let postmasterPid: number | null = null;
  try {
    postmasterPid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    postmasterPid = null;
  }
  return {
    child,
    url,
    postmasterPid,
    stop: async () => {
      if (!ended) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/**
 * The server scans for reminders once at every start (pg-boss job `reminders-scan`); at 100k people
 * that takes a while. Measurements start once it is done, so they see the steady state.
 */
async function waitForStartScan(connection: pg.ClientConfig): Promise<number> {
  const scanBegan = performance.now();
  const client = new pg.Client(connection);
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ pending: number }>(
        `SELECT count(*)::int AS pending FROM pgboss.job
         WHERE name = 'reminders-scan' AND state IN ('created', 'retry', 'active')`,
      );
      if (rows[0]!.pending === 0) {
        return (performance.now() - scanBegan) / 1000;
      }
      if (performance.now() - scanBegan > 30 * 60_000) {
        throw new Error('the reminder scan at start did not finish within 30 minutes');
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === '42P01') {
      return 0; // no job queue in this version
    }
    throw error;
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------ sessions and the sample of people

interface Session {
  email: string;
  cookie: string;
  cookieValue: string;
  csrfToken: string;
}

async function signIn(client: HttpClient, email: string): Promise<Session> {
  const response = await client.send('POST', '/api/auth/login', {}, { email, password });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${email} failed: ${response.status} ${response.body}`);
  }
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const pair = setCookie.map((value) => value.split(';')[0]!).find((value) => value.includes('rapport_session='));
  if (!pair) {
    throw new Error('no session cookie');
  }
  const { csrfToken } = JSON.parse(response.body) as { csrfToken: string };
  return { email, cookie: pair, cookieValue: pair.slice(pair.indexOf('=') + 1), csrfToken };
}

interface Visit {
  personId: string;
  session: Session;
}

/** A fixed-seed shuffle, so every size and every route walks the sample in the same kind of order. */
function shuffle<T>(items: T[], seed = 42): T[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

// ------------------------------------------------------------------ one size

async function measureSize(
  dataDir: string,
  state: SeedState,
  seedSeconds: number,
  databaseMb: number,
  connection: pg.ClientConfig,
): Promise<SizeResult> {
  const loadAtStart = load();
  const server = await startServerProcess(dataDir);
  const client = new HttpClient(server.url, Math.max(...concurrencies, 1));
  const sampler = new MemorySampler(server.child.pid!, server.postmasterPid);
  const recorder = new BriefRecorder(connection);
  const replayer = new DirectReplayer(connection);
  try {
    log(`server ready at ${server.url.origin} (pid ${server.child.pid}, PostgreSQL pid ${server.postmasterPid})`);
    const startScanSeconds = await waitForStartScan(connection);
    log(`the reminder scan at start was done ${startScanSeconds.toFixed(1)} s after the server was ready`);
    // Sessions for up to 40 practitioners spread over the organisation; their caseloads are the sample.
    const practitionerIndexes = [
      ...new Set(
        Array.from(
          { length: Math.min(SESSIONS, state.practitioners) },
          (_, index) => Math.floor((index * state.practitioners) / Math.min(SESSIONS, state.practitioners)) + 1,
        ),
      ),
    ];
    const sessions: Session[] = [];
    for (const index of practitionerIndexes) {
      sessions.push(await signIn(client, practitionerEmail(index)));
    }
    const direct = new pg.Client(connection);
    await direct.connect();
    const { rows } = await direct.query<{ email: string; person_id: string }>(
      `SELECT u.email::text AS email, a.person_id FROM allocations a
       JOIN users u ON u.organisation_id = a.organisation_id AND u.id = a.user_id
       WHERE a.organisation_id = $1 AND a.ended_at IS NULL AND u.email = ANY ($2::citext[])`,
      [state.organisationId, sessions.map((session) => session.email)],
    );
    await direct.end();
    const byEmail = new Map(sessions.map((session) => [session.email, session]));
    const visits = shuffle(rows.map((row): Visit => ({ personId: row.person_id, session: byEmail.get(row.email)! })));
    log(`${sessions.length} practitioners signed in; ${visits.length} people in the sample`);

    // Every measured run also notes the CPU time the server, PostgreSQL and this client used.
    const postgresPids = () => (server.postmasterPid ? processTree(server.postmasterPid) : []);
    const timed = async (count: number, concurrency: number, operation: (index: number) => Promise<Sample>) => {
      const before = {
        server: cpuTicks([server.child.pid!]),
        database: cpuTicks(postgresPids()),
        client: process.cpuUsage(),
      };
      const result = await run(count, concurrency, operation);
      const client = process.cpuUsage(before.client);
      result.cpu = {
        server: cpuMsBetween(before.server, cpuTicks([server.child.pid!])),
        database: cpuMsBetween(before.database, cpuTicks(postgresPids())),
        client: (client.user + client.system) / 1000,
      };
      return result;
    };

    const brief = async (index: number): Promise<Sample> => {
      const visit = visits[index % visits.length]!;
      const response = await client.send('GET', `/api/people/${visit.personId}/brief`, {
        cookie: visit.session.cookie,
      });
      if (response.status !== 200) {
        throw new Error(`brief: ${response.status} ${response.body.slice(0, 300)}`);
      }
      return response;
    };
    const health = async (): Promise<Sample> => {
      const response = await client.send('GET', '/api/health');
      if (response.status !== 200) {
        throw new Error(`health: ${response.status}`);
      }
      return response;
    };
    const record = async (index: number): Promise<Sample> => {
      const visit = visits[(index * 7) % visits.length]!;
      const start = new Date(Date.now() - 2 * 3_600_000);
      const response = await client.send(
        'POST',
        `/api/people/${visit.personId}/contacts`,
        {
          cookie: visit.session.cookie,
          'x-csrf-token': visit.session.csrfToken,
          'idempotency-key': randomUUID(),
        },
        {
          kind: 'home_visit',
          status: 'made',
          plannedStart: start.toISOString(),
          plannedEnd: new Date(start.getTime() + 3_600_000).toISOString(),
          actualStart: new Date(start.getTime() + 4 * 60_000).toISOString(),
          actualEnd: new Date(start.getTime() + 55 * 60_000).toISOString(),
          place: 'Home',
          note:
            'Met at home; the kitchen was tidy and the heating was on again. We talked about school and the new ' +
            'timetable, which feels more manageable now. Nan was there for the first half and spoke warmly ' +
            'about the weekend together. Next visit in a fortnight.',
        },
      );
      if (response.status !== 201) {
        throw new Error(`record: ${response.status} ${response.body.slice(0, 300)}`);
      }
      return response;
    };

    // The brief's statements, recorded once per person of the sample by running the server's code.
    const statements = new Map<string, Statement[]>();
    for (const visit of visits) {
      statements.set(visit.personId, await recorder.record(visit.session.cookieValue, limits, visit.personId));
    }
    const statementsPerBrief =
      [...statements.values()].reduce((sum, each) => sum + each.length, 0) / Math.max(1, statements.size);
    await replayer.connect();
    const replay = (index: number) => replayer.replay(statements.get(visits[index % visits.length]!.personId)!);

    sampler.start();
    log(`warming up (load average ${load()})`);
    await run(300, 1, brief);
    await run(300, 1, replay);
    await run(300, 1, health);
    await run(100, 1, record);

    // Interleaved rounds, so drift (autovacuum, checkpoints, other load) falls on every route alike.
    const perRound = Math.ceil(requests / ROUNDS);
    const healthRuns: RunResult[] = [];
    const briefRuns: RunResult[] = [];
    const directRuns: RunResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      healthRuns.push(await timed(perRound, 1, health));
      briefRuns.push(await timed(perRound, 1, (index) => brief(round * perRound + index)));
      directRuns.push(await timed(perRound, 1, (index) => replay(round * perRound + index)));
    }
    const memoryAfterBrief = sampler.read();
    const summaries = {
      health: summarise(mergeRuns(healthRuns)),
      brief: summarise(mergeRuns(briefRuns)),
      direct: summarise(mergeRuns(directRuns)),
    };
    log(
      `brief p95 ${summaries.brief.client.p95.toFixed(2)} ms (server ${summaries.brief.server?.p95.toFixed(2)} ms); ` +
        `direct SQL p95 ${summaries.direct.client.p95.toFixed(2)} ms; health p95 ${summaries.health.client.p95.toFixed(2)} ms`,
    );

    const recordSequential = summarise(await timed(Math.min(records, 600), 1, record));
    log(
      `recording, one at a time: p50 ${recordSequential.client.p50.toFixed(2)} ms, p99 ${recordSequential.client.p99.toFixed(2)} ms`,
    );
    const recordConcurrent: Summary[] = [];
    for (const concurrency of concurrencies) {
      const result = summarise(await timed(records, concurrency, record));
      recordConcurrent.push(result);
      log(
        `recording, ${concurrency} at a time: ${result.perSecond.toFixed(0)}/s, p99 ${result.client.p99.toFixed(2)} ms`,
      );
    }
    sampler.stop();
    return {
      people: state.people,
      contacts: state.people * CONTACTS_PER_PERSON,
      databaseMb,
      seedSeconds,
      ...summaries,
      recordSequential,
      recordConcurrent,
      memoryPeak: sampler.peak,
      memoryAfterBrief,
      statementsPerBrief,
      startScanSeconds,
      loadAverage: { start: loadAtStart, end: load() },
    };
  } finally {
    sampler.stop();
    await client.close();
    await recorder.close().catch(() => undefined);
    await replayer.close().catch(() => undefined);
    await server.stop();
  }
}

// ------------------------------------------------------------------ the report

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : value.toFixed(2));
const mb = (kb: number) => `${(kb / 1024).toFixed(0)}`;
const people = (count: number) => (count >= 1000 ? `${count / 1000}k` : String(count));

function report(results: SizeResult[], machine: string, audit: string): string {
  const lines: string[] = [];
  lines.push(machine, '');
  lines.push(
    '| people | contacts | database | seeded in | reminder scan at start | load average (start → end) | statements per brief |',
  );
  lines.push('| ---: | ---: | ---: | ---: | ---: | --- | ---: |');
  for (const each of results) {
    lines.push(
      `| ${people(each.people)} | ${(each.contacts / 1e6).toFixed(1)} M | ${(each.databaseMb / 1024).toFixed(1)} GB | ${each.seedSeconds.toFixed(0)} s | ${each.startScanSeconds.toFixed(1)} s | ${each.loadAverage.start} → ${each.loadAverage.end} | ${each.statementsPerBrief.toFixed(1)} |`,
    );
  }
  lines.push('', 'Latency in ms, one request at a time (client-side; server = the Server-Timing header):', '');
  lines.push('| people | what | p50 | p95 | p99 | server p50 | server p95 | server p99 |');
  lines.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const each of results) {
    const row = (what: string, summary: Summary) =>
      lines.push(
        `| ${people(each.people)} | ${what} | ${ms(summary.client.p50)} | ${ms(summary.client.p95)} | ${ms(summary.client.p99)} | ${ms(summary.server?.p50)} | ${ms(summary.server?.p95)} | ${ms(summary.server?.p99)} |`,
      );
    row('`GET /api/health`', each.health);
    row('`GET /api/people/{id}/brief`', each.brief);
    row('brief SQL, direct', each.direct);
    row('`POST …/contacts`', each.recordSequential);
  }
  lines.push(
    '',
    'CPU time per request, ms (what each costs whatever the machine’s load; the client is this bench):',
    '',
  );
  lines.push('| people | what | server process | PostgreSQL | client |');
  lines.push('| ---: | --- | ---: | ---: | ---: |');
  for (const each of results) {
    const row = (what: string, summary: Summary) =>
      lines.push(
        `| ${people(each.people)} | ${what} | ${ms(summary.cpu?.server)} | ${ms(summary.cpu?.database)} | ${ms(summary.cpu?.client)} |`,
      );
    row('`GET /api/health`', each.health);
    row('`GET /api/people/{id}/brief`', each.brief);
    row('brief SQL, direct', each.direct);
    row('`POST …/contacts`, one at a time', each.recordSequential);
    for (const summary of each.recordConcurrent) {
      row(`\`POST …/contacts\`, ${summary.concurrency} in flight`, summary);
    }
  }
  lines.push('', 'Recording a contact with several requests in flight:', '');
  lines.push('| people | in flight | requests/s | p50 | p95 | p99 | server p99 |');
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const each of results) {
    for (const summary of [each.recordSequential, ...each.recordConcurrent]) {
      lines.push(
        `| ${people(each.people)} | ${summary.concurrency} | ${summary.perSecond.toFixed(0)} | ${ms(summary.client.p50)} | ${ms(summary.client.p95)} | ${ms(summary.client.p99)} | ${ms(summary.server?.p99)} |`,
      );
    }
  }
  lines.push(
    '',
    'Memory while serving, MB: the peak of readings every half second from the first measured request to the last,',
    'and the reading after the brief requests (before the recordings); PSS counts shared pages once:',
    '',
  );
  lines.push(
    '| people | reading | server RSS | server PSS | PostgreSQL RSS (summed) | PostgreSQL PSS | processes | total PSS |',
  );
  lines.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const each of results) {
    for (const [label, reading] of [
      ['peak', each.memoryPeak],
      ['after the briefs', each.memoryAfterBrief],
    ] as const) {
      lines.push(
        `| ${people(each.people)} | ${label} | ${mb(reading.server.rss)} | ${mb(reading.server.pss)} | ${mb(reading.database.rss)} | ${mb(reading.database.pss)} | ${reading.database.processes} | **${mb(reading.server.pss + reading.database.pss)}** |`,
      );
    }
  }
  const smallest = results[0]!;
  const largest = results[results.length - 1]!;
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? a / b : Number.NaN);
  const best = largest.recordConcurrent.reduce<Summary | null>(
    (chosen, each) => (each.client.p99 <= 25 && (!chosen || each.perSecond > chosen.perSecond) ? each : chosen),
    null,
  );
  const fastest = largest.recordConcurrent.reduce<Summary | null>(
    (chosen, each) => (!chosen || each.perSecond > chosen.perSecond ? each : chosen),
    null,
  );
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const serverP95 = largest.brief.server?.p95 ?? Number.NaN;
  const overDirect = ratio(largest.brief.server?.p95, largest.direct.client.p95);
  const overDirectClient = ratio(largest.brief.client.p95, largest.direct.client.p95);
  const flat = ratio(largest.brief.server?.p95, smallest.brief.server?.p95);
  const flatClient = ratio(largest.brief.client.p95, smallest.brief.client.p95);
  const memory = (largest.memoryPeak.server.pss + largest.memoryPeak.database.pss) / 1024;
  lines.push('', `Targets, at ${people(largest.people)} people (against ${people(smallest.people)}):`, '');
  lines.push('| target | measured | |');
  lines.push('| --- | --- | --- |');
  lines.push(`| brief p95 ≤ 5 ms server time | ${ms(serverP95)} ms | ${verdict(serverP95 <= 5)} |`);
  lines.push(
    `| brief ≤ 1.5 × the direct SQL (p95) | server ${overDirect.toFixed(2)} ×, client ${overDirectClient.toFixed(2)} × | ${verdict(overDirect <= 1.5)} (server), ${verdict(overDirectClient <= 1.5)} (client) |`,
  );
  lines.push(
    `| brief flat with size: p95 ${people(largest.people)} ÷ p95 ${people(smallest.people)} ≤ 1.3 | server ${flat.toFixed(2)}, client ${flatClient.toFixed(2)} | ${verdict(flat <= 1.3)} (server), ${verdict(flatClient <= 1.3)} (client) |`,
  );
  lines.push(
    `| recording ≥ 1,500/s with p99 ≤ 25 ms | ${
      best
        ? `${best.perSecond.toFixed(0)}/s at p99 ${ms(best.client.p99)} ms (${best.concurrency} in flight)`
        : 'no concurrency kept p99 ≤ 25 ms'
    }; most: ${fastest ? `${fastest.perSecond.toFixed(0)}/s at p99 ${ms(fastest.client.p99)} ms (${fastest.concurrency} in flight)` : '—'} | ${verdict(Boolean(best && best.perSecond >= 1500))} |`,
  );
  lines.push(
    `| memory < 600 MB while serving (PSS, server + PostgreSQL) | ${memory.toFixed(0)} MB | ${verdict(memory < 600)} |`,
  );
  lines.push('', audit);
  return lines.join('\n');
}

// ------------------------------------------------------------------ main

/** What a kept folder (BENCH_REUSE) already holds. */
async function existingState(client: pg.Client): Promise<SeedState | null> {
  const { rows } = await client.query<{ id: string; people: number; practitioners: number; teams: number }>(
    `SELECT o.id,
            (SELECT count(*)::int FROM people p WHERE p.organisation_id = o.id) AS people,
            (SELECT count(*)::int FROM users u WHERE u.organisation_id = o.id AND u.role = 'practitioner') AS practitioners,
            (SELECT count(*)::int FROM teams t WHERE t.organisation_id = o.id) AS teams
     FROM organisations o WHERE o.name = 'Bench organisation'`,
  );
  const row = rows[0];
  return row
    ? { organisationId: row.id, people: row.people, practitioners: row.practitioners, teams: row.teams }
    : null;
}

async function main(): Promise<void> {
  const { buildServerIfStale } = (await import(
    pathToFileURL(path.join(root, 'scripts', 'build-if-stale.mjs')).href
  )) as {
    buildServerIfStale: () => void;
  };
  buildServerIfStale();
  const reuse = process.env.BENCH_REUSE ? path.resolve(process.env.BENCH_REUSE) : null;
  const dataDir = reuse ?? mkdtempSync(path.join(process.env.BENCH_DIR ?? tmpdir(), 'rapport-bench-'));
  log(`data folder ${dataDir}; sizes ${sizes.join(', ')}; load average ${load()}`);
  const passwordHash = await hashPassword(password);
  const results: SizeResult[] = [];
  let state: SeedState | null = null;
  let postgresVersion = '';
  let audit = '';
  let running: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  const cleanup = () => {
    if (process.env.BENCH_KEEP !== '1' && !reuse) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  process.once('SIGINT', () => {
    void running?.stop().finally(() => {
      cleanup();
      process.exit(130);
    });
  });
  try {
    for (const size of sizes) {
      // Seed (the bench's own PostgreSQL on the folder, with durability off), then hand it over.
      const seedBegan = performance.now();
      running = await startEmbeddedPostgres({ dataDir, settings: seedSettings });
      const connection = running.connection;
      const migrator = new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ ...connection, max: 1 }) }),
      });
      await migrateToLatest(migrator);
      await migrator.destroy();
      const client = new pg.Client(connection);
      const helper = new pg.Client(connection);
      await client.connect();
      await helper.connect();
      try {
        postgresVersion = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!
          .server_version;
        state ??= (await existingState(client)) ?? (await seedOrganisation(client, passwordHash));
        if (state.people < size) {
          const from = state.people + 1;
          log(`seeding ${state.people} → ${size} people (load average ${load()})`);
          state = await growTo(client, helper, state, size, passwordHash, log);
          await seedAudit(client, state, from, log);
          const vacuumBegan = performance.now();
          await client.query('VACUUM (ANALYZE)');
          await client.query('CHECKPOINT');
          log(`    vacuum, analyse and checkpoint in ${((performance.now() - vacuumBegan) / 1000).toFixed(1)} s`);
        } else {
          log(`the folder already holds ${state.people} people: measuring them as they are`);
        }
      } finally {
        await client.end();
        await helper.end();
      }
      const sizeClient = new pg.Client(connection);
      await sizeClient.connect();
      const databaseMb =
        Number(
          (await sizeClient.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes')).rows[0]!
            .bytes,
        ) /
        2 ** 20;
      await sizeClient.end();
      await running.stop();
      running = null;
      const seedSeconds = (performance.now() - seedBegan) / 1000;
      log(`${size} people seeded in ${seedSeconds.toFixed(0)} s; database ${(databaseMb / 1024).toFixed(2)} GB`);

      const serving: pg.ClientConfig = {
        host: socketFolderFor(dataDir),
        port: 5432,
        user: 'postgres',
        password: readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim(),
        database: 'rapport',
      };
      results.push(await measureSize(dataDir, state, seedSeconds, databaseMb, serving));
    }

    // The chains written by the seeding, the recorder and every audited request must still verify.
    running = await startEmbeddedPostgres({ dataDir });
    const db: Db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ ...running.connection, max: 2 }) }),
    });
    const verification = await verifyAuditChains(db);
    await db.destroy();
    await running.stop();
    running = null;
    audit = `Audit chains verified after the run: ${verification.rowsChecked} rows in ${verification.chainsChecked} chains, ${verification.problems.length} problems.`;
  } finally {
    await running?.stop();
    cleanup();
  }

  const machine =
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `Node ${process.version}, PostgreSQL ${postgresVersion} (embedded), fsync on while serving; ` +
    `caseload ${CASELOAD}, ${SESSIONS} practitioners signed in, ${requests} brief requests and as many direct replays ` +
    `per size, ${records} recordings per concurrency; ${new Date().toISOString().slice(0, 10)}; ` +
    `total ${((performance.now() - began) / 60_000).toFixed(1)} min.`;
  const text = report(results, machine, audit);
  console.log(`\n${text}\n`);
  if (process.env.BENCH_JSON) {
    writeFileSync(process.env.BENCH_JSON, JSON.stringify({ machine, results }, null, 2));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
