import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { SecretBox } from '../crypto/secret-box.js';
import type { App } from './types.js';
import { createTestDatabase } from '../testing/database.js';

/* Serving the built web app: files, the single-page fallback, and 404s where they belong. */
const folder = mkdtempSync(path.join(tmpdir(), 'rapport-web-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: App;

beforeAll(async () => {
  mkdirSync(path.join(folder, 'assets'));
  writeFileSync(
    path.join(folder, 'index.html'),
    '<!doctype html><title>Rapport</title><script type="module" src="/assets/app-1.js"></script>',
  );
  writeFileSync(path.join(folder, 'assets', 'app-1.js'), 'console.log(1)');
  database = await createTestDatabase();
  app = await buildApp(
    { db: database.db, config: loadConfig({ DATA_DIR: '/nonexistent' }), secrets: SecretBox.forTests() },
    { serveWeb: folder },
  );
});

afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the web app', () => {
  it('serves index.html for the app’s own addresses, with the CSP and no caching', async () => {
    for (const url of ['/', '/people/7a0c0b6e-3c1f-4b53-9a44-5b8f3f6c2d11', '/account']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>Rapport</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves hashed assets for a year, and a file added after start at once', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    writeFileSync(path.join(folder, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await app.inject({ method: 'GET', url: '/assets/app-2.js' })).statusCode).toBe(200);
  });

  it('answers a missing asset or API address with 404, not the page', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(asset.statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/missing' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});
