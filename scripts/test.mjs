// `npm test`: typecheck, lint, every Vitest suite (real PostgreSQL), then the browser journeys when a
// Chromium is found (required when CI is set or REQUIRE_BROWSER=1). Each stage writes its counts
// to test-results/, and the last line says how many passed and failed in all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, summarise } from './test-results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function stage(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A stage without its own test count (typecheck, lint) counts as one check. */
function recordCheck(name, ok) {
  writeFileSync(
    path.join(results, `check-${name}.json`),
    JSON.stringify({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 }),
  );
}

recordCheck('typecheck-server', stage('Typecheck (server, domain, tests)', bin('tsc'), ['-p', 'tsconfig.json']));
recordCheck('typecheck-web', stage('Typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json']));
recordCheck('eslint', stage('ESLint', bin('eslint'), ['.', '--max-warnings=0']));
recordCheck('prettier', stage('Prettier', bin('prettier'), ['--check', '.', '--log-level', 'warn']));

const unitReport = path.join(results, process.env.TEST_DATABASE_URL ? 'vitest-external.json' : 'vitest.json');
const unitOk = stage('Vitest (domain, API and database tests on real PostgreSQL)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
if (!existsSync(unitReport)) {
  recordCheck('vitest-did-not-run', unitOk);
}

const chromium = findChromium();
const browserRequired = process.env.CI === 'true' || process.env.REQUIRE_BROWSER === '1';
if (chromium) {
  const e2eOk = stage(`Browser journeys (Playwright in ${chromium})`, 'npm', ['run', '--silent', 'test:e2e'], {
    CHROMIUM_PATH: chromium,
  });
  if (!existsSync(path.join(results, 'e2e-results.json'))) {
    recordCheck('browser-journeys-did-not-run', e2eOk);
  }
} else {
  const message = 'SKIPPED: browser journeys — no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).';
  console.log(`\n▶ ${message}`);
  if (browserRequired) {
    console.log('  Browser tests are required here (CI or REQUIRE_BROWSER=1): counting this as a failure.');
    recordCheck('browser-journeys-missing-chromium', false);
  }
}

const { passed, failed, lines } = summarise(results);
console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
