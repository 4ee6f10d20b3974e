// Regenerates the README's screenshots from a fresh demo organisation:
//   node scripts/screenshots.mjs   (needs Chromium; builds what is stale first)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { buildServerIfStale, buildWebIfStale, root } from './build-if-stale.mjs';
import { findChromium } from './test-results.mjs';

const password = 'screenshot-demo-2026';
const port = 3200;
const base = `http://127.0.0.1:${port}`;
const out = path.join(root, 'docs', 'screenshots');

buildServerIfStale();
buildWebIfStale();
const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-shots-'));
const server = spawn(process.execPath, [path.join(root, 'dist', 'server', 'main.js')], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), RAPPORT_DEMO_PASSWORD: password, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('running at') && resolve());
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

async function signedIn(email, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ state: 'detached' });
  return { context, page };
}

try {
  const sam = await signedIn('sam@demo.rapport.test');
  await sam.page.getByRole('link', { name: 'Amara Okonkwo' }).waitFor();
  await sam.page.screenshot({ path: path.join(out, 'caseload.png') });
  await sam.page.getByRole('link', { name: 'Amara Okonkwo' }).click();
  await sam.page.getByRole('heading', { name: 'Amara Okonkwo' }).waitFor();
  const amara = sam.page.url();
  await sam.page.waitForLoadState('networkidle');
  await sam.page.screenshot({ path: path.join(out, 'profile.png'), fullPage: true });
  await sam.page.goto(`${amara}/network`);
  await sam.page.locator('svg[role="img"]').first().waitFor();
  await sam.page.waitForLoadState('networkidle');
  await sam.page.screenshot({ path: path.join(out, 'network-ecomap.png'), fullPage: true });
  await sam.page.goto(`${amara}/what-matters`);
  await sam.page.waitForLoadState('networkidle');
  await sam.page.screenshot({ path: path.join(out, 'what-matters.png'), fullPage: true });
  await sam.page.goto(`${amara}/brief`);
  await sam.page.getByRole('heading', { level: 1 }).waitFor();
  await sam.page.waitForLoadState('networkidle');
  await sam.page.screenshot({ path: path.join(out, 'brief.png'), fullPage: true });
  await sam.page.goto(`${amara}/promises`);
  await sam.page.waitForLoadState('networkidle');
  await sam.page.screenshot({ path: path.join(out, 'promises.png'), fullPage: true });
  await sam.page.goto(`${base}/consistency`);
  await sam.page.waitForLoadState('networkidle');
  await sam.page.screenshot({ path: path.join(out, 'consistency.png'), fullPage: true });
  await sam.context.close();

  const samPhone = await signedIn('sam@demo.rapport.test', { width: 360, height: 740 });
  await samPhone.page.goto(`${amara}/contacts/new`);
  await samPhone.page.getByRole('heading', { level: 1 }).waitFor();
  await samPhone.page.waitForLoadState('networkidle');
  await samPhone.page.screenshot({ path: path.join(out, 'record-visit-360.png'), fullPage: true });
  await samPhone.context.close();

  const jo = await signedIn('jo@demo.rapport.test');
  await jo.page.goto(amara);
  await jo.page.getByRole('heading', { name: 'Who has opened this record' }).waitFor();
  await jo.page.getByText('Sam Taylor', { exact: false }).first().waitFor();
  await jo.page.screenshot({ path: path.join(out, 'person-supervisor.png'), fullPage: true });
  await jo.context.close();

  const alex = await signedIn('alex@demo.rapport.test', { width: 360, height: 740 });
  await alex.page.goto(amara);
  await alex.page.getByRole('heading', { level: 1 }).waitFor();
  await alex.page.screenshot({ path: path.join(out, 'not-found-break-glass-360.png'), fullPage: true });
  await alex.context.close();
  console.log(`Screenshots written to ${path.relative(root, out)}/`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
