import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';

/* Server-Timing (SERVER_TIMING=true): the time inside the server, for `npm run bench`; off by default. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let plain: TestApp;
let timed: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  plain = await createTestApp(database.db);
  timed = await createTestApp(database.db, { serverTiming: true });
});

afterAll(async () => {
  await plain.close();
  await timed.close();
  await database.close();
});

describe('Server-Timing', () => {
  it('is not sent unless asked for', async () => {
    const response = await plain.anonymous().get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it('gives the time inside the server in milliseconds, on answers and refusals alike', async () => {
    for (const [url, status] of [
      ['/api/health', 200],
      ['/api/people', 401],
    ] as const) {
      const response = await timed.anonymous().get(url);
      expect(response.statusCode, url).toBe(status);
      const header = String(response.headers['server-timing']);
      expect(header, url).toMatch(/^app;dur=\d+\.\d{2}$/);
      expect(Number(header.slice('app;dur='.length)), url).toBeGreaterThanOrEqual(0);
    }
  });
});
