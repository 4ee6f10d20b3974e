// Builds the server (tsc) and the web app (vite) when their output is missing or older than the
// sources, so that `npm start` and the npm CLIs always run what is in the tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(entries) {
  let latest = 0;
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (!existsSync(full)) {
      continue;
    }
    const stat = statSync(full);
    if (stat.isDirectory()) {
      latest = Math.max(latest, newest(readdirSync(full).map((child) => path.join(entry, child))));
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  }
  return latest;
}

function stampTime(stamp) {
  return existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
}

function run(command, args, what) {
  const started = Date.now();
  process.stdout.write(`Building ${what}… `);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write('failed\n');
    process.stderr.write(result.stdout + result.stderr);
    process.exit(1);
  }
  process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

export function buildServerIfStale() {
  const stamp = path.join(root, 'dist', 'server', '.build-stamp');
  const sources = newest([
    'src/server',
    'src/domain',
    'tsconfig.base.json',
    'tsconfig.build.json',
    'package-lock.json',
  ]);
  if (sources > stampTime(stamp)) {
    run(bin('tsc'), ['-p', 'tsconfig.build.json'], 'the server');
    writeFileSync(stamp, new Date().toISOString());
  }
}

export function buildWebIfStale() {
  const stamp = path.join(root, 'dist', 'web', '.build-stamp');
  const sources = newest(['src/web', 'src/domain', 'vite.config.ts', 'tsconfig.web.json', 'package-lock.json']);
  if (sources > stampTime(stamp)) {
    run(bin('vite'), ['build', '--logLevel', 'warn'], 'the web app');
    writeFileSync(stamp, new Date().toISOString());
  }
}
