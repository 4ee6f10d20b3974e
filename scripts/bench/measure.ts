import type http from 'node:http';
import { Pool } from 'undici';
import { readFileSync, readdirSync } from 'node:fs';

/** One request or query as the bench saw it: client time, and the server's own when it said. */
export interface Sample {
  ms: number;
  serverMs: number | null;
}

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
  serverMs: number | null;
}

/**
 * A keep-alive HTTP/1.1 client over undici's Pool. The bench runs on the same two cores as the
 * server and its database, so the client's own CPU time per request is taken from theirs: undici's
 * costs about a third of what node:http's did (docs/performance.md).
 */
export class HttpClient {
  private readonly pool: Pool;

  constructor(base: URL, sockets = 64) {
    this.pool = new Pool(base.origin, { connections: sockets, pipelining: 1, keepAliveTimeout: 60_000 });
  }

  async send(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Response> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const allHeaders: Record<string, string> = payload ? { ...headers, 'content-type': 'application/json' } : headers;
    const began = performance.now();
    const response = await this.pool.request({
      path,
      method: method,
      headers: allHeaders,
      body: payload,
    });
    const text = await response.body.text();
    const ms = performance.now() - began;
    const timing = /app;dur=([\d.]+)/.exec(String(response.headers['server-timing'] ?? ''));
    return {
      status: response.statusCode,
      headers: response.headers,
      body: text,
      ms,
      serverMs: timing ? Number(timing[1]) : null,
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

export interface RunResult {
  samples: Sample[];
  seconds: number;
  concurrency: number;
  /** CPU time used meanwhile, ms: by the server process, by PostgreSQL's processes, by this client. */
  cpu?: { server: number; database: number; client: number };
}

/** Runs `count` operations, `concurrency` at a time; each resolves to its sample (or throws). */
export async function run(
  count: number,
  concurrency: number,
  operation: (index: number) => Promise<Sample>,
): Promise<RunResult> {
  const samples: Sample[] = [];
  let next = 0;
  const began = performance.now();
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      samples.push(await operation(index));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { samples, seconds: (performance.now() - began) / 1000, concurrency };
}

/** Nearest-rank percentile of the values (sorted here). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: percentile(values, 100),
  };
}

export interface Summary {
  client: Percentiles;
  server: Percentiles | null;
  perSecond: number;
  concurrency: number;
  /** CPU time per operation, ms. */
  cpu: { server: number; database: number; client: number } | null;
}

export function summarise(result: RunResult): Summary {
  const server = result.samples.map((sample) => sample.serverMs).filter((value): value is number => value !== null);
  const count = Math.max(1, result.samples.length);
  return {
    client: percentiles(result.samples.map((sample) => sample.ms)),
    server: server.length > 0 ? percentiles(server) : null,
    perSecond: result.samples.length / result.seconds,
    concurrency: result.concurrency,
    cpu: result.cpu
      ? { server: result.cpu.server / count, database: result.cpu.database / count, client: result.cpu.client / count }
      : null,
  };
}

/** Merges several runs of the same operation (the interleaved rounds). */
export function mergeRuns(runs: readonly RunResult[]): RunResult {
  const cpu = runs.every((each) => each.cpu)
    ? {
        server: runs.reduce((sum, each) => sum + each.cpu!.server, 0),
        database: runs.reduce((sum, each) => sum + each.cpu!.database, 0),
        client: runs.reduce((sum, each) => sum + each.cpu!.client, 0),
      }
    : undefined;
  return {
    samples: runs.flatMap((each) => each.samples),
    seconds: runs.reduce((sum, each) => sum + each.seconds, 0),
    concurrency: runs[0]?.concurrency ?? 1,
    ...(cpu ? { cpu } : {}),
  };
}

// ---------------------------------------------------------------- memory, from /proc

export interface Memory {
  /** kB */
  rss: number;
  /** kB: proportional set size, shared pages divided among the processes sharing them. */
  pss: number;
  processes: number;
}

const none: Memory = { rss: 0, pss: 0, processes: 0 };

export function memoryOf(pid: number): Memory {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
    return { rss: field('Rss'), pss: field('Pss'), processes: 1 };
  } catch {
    return none;
  }
}

export function add(a: Memory, b: Memory): Memory {
  return { rss: a.rss + b.rss, pss: a.pss + b.pss, processes: a.processes + b.processes };
}

/** The process and every descendant (PostgreSQL's backends, workers, checkpointer …). */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    found.push(pid);
    for (const child of children.get(pid) ?? []) {
      walk(child);
    }
  };
  walk(rootPid);
  return found;
}

// ---------------------------------------------------------------- CPU time, from /proc

const ticksPerSecond = 100; // USER_HZ on Linux

/** User + system CPU time of each process, in clock ticks. */
export function cpuTicks(pids: readonly number[]): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone
    }
  }
  return ticks;
}

/**
 * CPU time (ms) the processes used between two readings: on a busy machine, wall-clock latency
 * includes waiting for a core, CPU time does not. Processes that ended in between are not counted.
 */
export function cpuMsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ticks] of after) {
    total += ticks - (before.get(pid) ?? 0);
  }
  return (total * 1000) / ticksPerSecond;
}

export interface MemoryReading {
  server: Memory;
  database: Memory;
}

/** Samples the server and its database every `everyMs` while serving; keeps the peak of each. */
export class MemorySampler {
  private timer: NodeJS.Timeout | null = null;
  peak: MemoryReading = { server: none, database: none };
  last: MemoryReading = { server: none, database: none };

  constructor(
    private readonly serverPid: number,
    private readonly databasePid: number | null,
  ) {}

  read(): MemoryReading {
    const server = memoryOf(this.serverPid);
    const database = this.databasePid ? processTree(this.databasePid).map(memoryOf).reduce(add, none) : none;
    this.last = { server, database };
    const larger = (a: Memory, b: Memory) => (b.pss > a.pss ? b : a);
    this.peak = { server: larger(this.peak.server, server), database: larger(this.peak.database, database) };
    return this.last;
  }

  start(everyMs = 500): void {
    this.read();
    this.timer = setInterval(() => this.read(), everyMs);
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
    this.read();
  }
}
