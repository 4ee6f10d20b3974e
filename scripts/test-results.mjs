// Reads the result files in test-results/ (Vitest JSON, Playwright JSON, and our own checks) and
// counts passed and failed tests across all of them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  for (const candidate of candidates) {
    if (existsSync(candidate)) {
      return candidate;
    }
  }
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

function countPlaywright(report) {
  let passed = 0;
  let failed = 0;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        // expected/flaky pass; unexpected fails; skipped tests are neither.
        if (test.status === 'expected' || test.status === 'flaky') {
          passed += 1;
        } else if (test.status === 'unexpected') {
          failed += 1;
        }
      }
    }
    for (const child of suite.suites ?? []) {
      walk(child);
    }
  };
  for (const suite of report.suites ?? []) {
    walk(suite);
  }
  // A crash before any test ran (e.g. the web server did not start) is a failure, not zero tests.
  if (passed + failed === 0 && (report.errors ?? []).length > 0) {
    failed += 1;
  }
  return { passed, failed };
}

function countVitest(report) {
  let passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  // Files that failed to load (syntax, setup) have no tests but must not pass silently.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      failed += 1;
    }
  }
  return { passed, failed };
}

export function summarise(folder) {
  let passed = 0;
  let failed = 0;
  const lines = [];
  if (!existsSync(folder)) {
    return { passed, failed: 1, lines: ['no test results were written'] };
  }
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    let counts;
    try {
      const report = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
      counts = file.startsWith('check-')
        ? { passed: report.passed, failed: report.failed }
        : 'numTotalTests' in report
          ? countVitest(report)
          : countPlaywright(report);
    } catch {
      counts = { passed: 0, failed: 1 };
    }
    passed += counts.passed;
    failed += counts.failed;
    lines.push(`  ${file.replace(/\.json$/, '').padEnd(40)} ${counts.passed} passed, ${counts.failed} failed`);
  }
  return { passed, failed, lines };
}
