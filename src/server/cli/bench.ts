import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * `npm run bench`: measures, on this machine, what docs/performance.md records — the server's start
 * (first and warm), its memory with its embedded PostgreSQL while idle, and request latencies for a
 * trivial route, an audited read of a person and a recorded write. Numbers, not pass/fail: the
 * tests never time anything.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-bench-'));
const password = 'bench-password-2026';

function start(): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const began = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server', 'main.js')], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      RAPPORT_DEMO_PASSWORD: password,
      LOG_LEVEL: 'warn',
      NODE_ENV: '',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1'), ms: performance.now() - began });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Resident and proportional set sizes (kB) of a process, from /proc. */
function memoryOf(pid: number): { rss: number; pss: number } {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
    return { rss: field('Rss'), pss: field('Pss') };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) {
        found.push(Number(entry));
      }
    } catch {
      // gone
    }
  }
  return found;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(label: string, count: number, request: () => Promise<Response>): Promise<string> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const began = performance.now();
    const response = await request();
    await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(`${label}: ${response.status}`);
    }
    samples.push(performance.now() - began);
  }
  samples.sort((a, b) => a - b);
  return `${label.padEnd(44)} p50 ${percentile(samples, 50).toFixed(2)} ms   p95 ${percentile(samples, 95).toFixed(2)} ms   p99 ${percentile(samples, 99).toFixed(2)} ms   (${count} sequential)`;
}

const lines: string[] = [];
let running: ChildProcess | null = null;
try {
  const first = await start();
  lines.push(`first start (initdb, migrations, demo organisation): ${(first.ms / 1000).toFixed(2)} s`);
  await stop(first.child);
  const warm: number[] = [];
  let server = await start();
  running = server.child;
  warm.push(server.ms);
  for (let run = 0; run < 4; run += 1) {
    await stop(server.child);
    server = await start();
    running = server.child;
    warm.push(server.ms);
  }
  warm.sort((a, b) => a - b);
  lines.push(
    `warm start to ready (5 runs): median ${(percentile(warm, 50) / 1000).toFixed(2)} s, worst ${(warm[warm.length - 1]! / 1000).toFixed(2)} s`,
  );

  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sam@demo.rapport.test', password }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const caseload = (await (await fetch(`${server.url}/api/people?pageSize=5`, { headers: { cookie } })).json()) as {
    items: { id: string }[];
  };
  const personId = caseload.items[0]!.id;

  lines.push(await time('GET /api/health (trivial route)', 500, () => fetch(`${server.url}/api/health`)));
  lines.push(
    await time('GET /api/people/{id} (scope check + audited read)', 500, () =>
      fetch(`${server.url}/api/people/${personId}`, { headers: { cookie } }),
    ),
  );
  lines.push(
    await time('GET /api/people (caseload page, audited)', 300, () =>
      fetch(`${server.url}/api/people?pageSize=25`, { headers: { cookie } }),
    ),
  );
  let n = 0;
  lines.push(
    await time('POST /api/people (write + allocation + audit)', 200, () =>
      fetch(`${server.url}/api/people`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ fullName: `Bench Person ${(n += 1)}` }),
      }),
    ),
  );

  await new Promise((resolve) => setTimeout(resolve, 5_000)); // let it settle, then measure idle
  const node = memoryOf(server.child.pid!);
  const postmaster = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const postgresPids = [postmaster, ...childrenOf(postmaster)];
  const postgres = postgresPids
    .map(memoryOf)
    .reduce((sum, each) => ({ rss: sum.rss + each.rss, pss: sum.pss + each.pss }), { rss: 0, pss: 0 });
  const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
  lines.push(
    `idle memory: server ${mb(node.rss)} RSS; PostgreSQL (${postgresPids.length} processes) ${mb(postgres.rss)} RSS summed, ${mb(postgres.pss)} PSS`,
  );
  lines.push(
    `idle memory, together: ${mb(node.pss + postgres.pss)} PSS (shared pages counted once), ${mb(node.rss + postgres.rss)} RSS summed (shared pages counted per process)`,
  );
  await stop(server.child);
  running = null;
} finally {
  if (running) {
    await stop(running);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
for (const line of lines) {
  console.log(line);
}
