import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation } from '../testing/organisation.js';

/* The API's contract: OpenAPI 3.1 covering every route, and problem+json for every error. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let sam: TestClient;
const routes: { method: string; url: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(
    database.db,
    {},
    {
      onRoute: ({ method, url }) => {
        for (const each of [method].flat()) {
          routes.push({ method: each, url });
        }
      },
    },
  );
  const organisation = await createTestOrganisation(database.db);
  sam = await testApp.signIn(await organisation.addStaff({ role: 'practitioner' }), '10.3.0.1');
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

describe('OpenAPI', () => {
  it('is OpenAPI 3.1, with every operation answering errors as the Problem schema', async () => {
    const response = await testApp.anonymous().get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.schemas).toHaveProperty('Problem');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(25);
    for (const { path, method, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((status) => status.startsWith('2')),
        `${method} ${path} documents a success`,
      ).toBe(true);
      expect(
        statuses.some((status) => status.startsWith('4') || status.startsWith('5')),
        `${method} ${path} documents errors`,
      ).toBe(true);
    }
  });

  it('documents every route the server has', async () => {
    const document = (await testApp.anonymous().get('/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    // HEAD twins of GET routes are Fastify's own.
    const registered = routes
      .filter((route) => route.url.startsWith('/api/') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    const missing = registered.filter((route) => !documented.has(route) && route !== 'GET /api/openapi.json');
    expect(missing).toEqual([]);
    expect(registered.length).toBeGreaterThanOrEqual(25);
  });
});

describe('errors are problem details', () => {
  it('answers an unknown API path with a 404 problem', async () => {
    const response = await sam.get('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'not_found', type: 'urn:rapport:problem:not_found' });
  });

  it('answers malformed JSON with 400, a wrong type with 422 naming the field, and a huge body with 413', async () => {
    const malformed = await sam.request('POST', '/api/people', '{"fullName": ', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    const wrongType = await sam.post('/api/people', { fullName: 42 });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'fullName' }] });
    const tooLong = await sam.post('/api/people', { fullName: 'x'.repeat(201) });
    expect(tooLong.json()).toMatchObject({ errors: [{ field: 'fullName', message: 'Use at most 200 characters' }] });
    const huge = await sam.post('/api/people', { fullName: 'x'.repeat(70 * 1024) });
    expect(huge.statusCode).toBe(413);
    for (const response of [malformed, wrongType, tooLong, huge]) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toMatch(/at .*\.ts:\d+|SELECT|postgres/i);
    }
  });

  it('refuses hidden control characters (PostgreSQL cannot even store NUL) with 422 naming the field', async () => {
    const name = await sam.post('/api/people', { fullName: 'Amara\u0000Okonkwo' });
    expect(name.statusCode).toBe(422);
    expect(name.json()).toMatchObject({ errors: [{ field: 'fullName' }] });
    const search = await sam.get(`/api/people?q=${encodeURIComponent('Am\u0000')}`);
    expect(search.json()).toMatchObject({ errors: [{ field: 'q' }] });
    const login = await testApp
      .anonymous('10.3.0.9')
      .post('/api/auth/login', { email: 'sam\u0000@example.org', password: 'x' });
    expect(login.json()).toMatchObject({ errors: [{ field: 'email' }] });
    // A line break is fine in a reason, not in a name.
    const twoLines = await sam.post('/api/people', { fullName: 'Amara\nOkonkwo' });
    expect(twoLines.statusCode).toBe(422);
  });

  it('answers an invalid id in the path with 422 naming it, never a database error', async () => {
    const response = await sam.get("/api/people/not-a-uuid'--");
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ errors: [{ field: 'personId' }] });
  });

  it('answers a request without a session with 401', async () => {
    const response = await testApp.anonymous().get('/api/people');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('reports health and readiness', async () => {
    expect((await testApp.anonymous().get('/api/health')).json()).toEqual({ status: 'ok' });
    expect((await testApp.anonymous().get('/api/ready')).json()).toEqual({ status: 'ready' });
  });
});
