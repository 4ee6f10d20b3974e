import { rmSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const dataDir = '.tmp/e2e-data';

// Each run starts from a fresh demo organisation. Workers load this file too: only the main
// process clears the folder, before the web server starts.
if (process.env.TEST_WORKER_INDEX === undefined) {
  rmSync(path.resolve(dataDir), { recursive: true, force: true });
}

export default defineConfig({
  testDir: 'tests/e2e',
  // Not the default test-results/: npm test keeps every suite's result files there, and Playwright empties its output folder.
  outputDir: 'test-results/e2e-artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e-results.json' }],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
  ],
  use: {
    baseURL: 'http://127.0.0.1:3100',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not available here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node scripts/start.mjs',
    url: 'http://127.0.0.1:3100/api/ready',
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATA_DIR: dataDir,
      PORT: '3100',
      HOST: '127.0.0.1',
      RAPPORT_DEMO_PASSWORD: 'rapport-demo-e2e',
      LOG_LEVEL: 'warn',
    },
  },
});
