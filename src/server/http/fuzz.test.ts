import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { createTestOrganisation } from '../testing/organisation.js';

/*
 * SECURITY.md check 23: every operation in the OpenAPI document, called with generated parameters
 * and bodies, answers 4xx for bad input — never 5xx, never a stack trace. Signed in as each role in
 * turn, so the generated requests get past authentication and reach validation and the domain.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let testApp: TestApp;
let clients: TestClient[];
let operations: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string }[];
let knownIds: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  testApp = await createTestApp(database.db, { rateLimitPerMinute: 1_000_000 });
  const organisation = await createTestOrganisation(database.db);
  const practitioner = await organisation.addStaff({ role: 'practitioner' });
  const supervisor = await organisation.addStaff({ role: 'supervisor' });
  const manager = await organisation.addStaff({ role: 'manager', team: null });
  const administrator = await organisation.addStaff({ role: 'administrator', team: null });
  const person = await organisation.addPerson({ allocatedTo: [practitioner] });
  knownIds = [person, practitioner.id, supervisor.id, organisation.teams.North];
  clients = [];
  for (const [index, staff] of [practitioner, supervisor, manager, administrator].entries()) {
    clients.push(await testApp.signIn(staff, `10.9.0.${index + 1}`));
  }
  const document = (await clients[0]!.get('/api/openapi.json')).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  // Signing out or ending sessions would only stop the fuzzing; they take no input anyway.
  const skipped = ['/api/auth/logout', '/api/auth/sessions/end-others'];
  operations = Object.entries(document.paths)
    .filter(([path]) => !skipped.includes(path))
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase() as 'GET', path })),
    );
});

afterAll(async () => {
  await testApp.close();
  await database.close();
});

const pathValue = () =>
  fc.oneof(
    fc.uuid(),
    fc.constantFrom(...knownIds),
    text(40),
    fc.constantFrom("' or 1=1 --", '../../etc/passwd', '%00', '0', '-1', '1e309'),
  );

/** Text that has broken real systems: NUL (PostgreSQL cannot store it), bidi overrides, lone surrogates. */
const nasty = fc.constantFrom(
  '\u0000',
  'Amara\u0000Okonkwo',
  'x\u202Eevil',
  '\uD800',
  'é'.repeat(300),
  '😀'.repeat(70),
  '\r\n\t',
);
const text = (maxLength: number) =>
  fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength: 50 }), nasty);

const bodyValue = fc.oneof(
  fc.object({ maxDepth: 2 }),
  fc.record(
    {
      fullName: fc.oneof(text(300), fc.integer(), fc.constant(null)),
      userId: fc.oneof(fc.uuid(), fc.string()),
      reason: text(1200),
      restricted: fc.oneof(fc.boolean(), fc.string()),
      email: fc.oneof(fc.emailAddress(), text(300)),
      role: fc.string(),
      teamIds: fc.array(fc.oneof(fc.uuid(), fc.string())),
      disabled: fc.anything(),
      password: fc.string(),
      currentPassword: fc.string(),
      newPassword: fc.string({ maxLength: 300 }),
      code: fc.string({ maxLength: 10 }),
      name: text(200),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);

const queryValue = fc.dictionary(
  fc.constantFrom('q', 'page', 'pageSize', 'filter', 'days', 'sort', 'x'),
  fc.oneof(text(30), fc.integer().map(String)),
  { maxKeys: 4 },
);

/** Percent-encodes; a lone surrogate becomes the invalid UTF-8 bytes a hostile client could send. */
function encodePathValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

describe('fuzzing every operation (check 23)', () => {
  it('never answers 5xx or leaks internals', { timeout: 120_000 }, async () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        pathValue(),
        pathValue(),
        bodyValue,
        queryValue,
        async (operationIndex, clientIndex, first, second, body, query) => {
          const operation = operations[operationIndex % operations.length]!;
          const client = clients[clientIndex % clients.length]!;
          let filled = 0;
          const path = operation.path.replace(/\{\w+\}/g, () => encodePathValue(filled++ === 0 ? first : second));
          const search = new URLSearchParams(query).toString();
          const url = search ? `${path}?${search}` : path;
          const response = await client.request(
            operation.method,
            url,
            operation.method === 'GET' || operation.method === 'DELETE' ? undefined : body,
          );
          expect(response.statusCode, `${operation.method} ${url} → ${response.body.slice(0, 200)}`).toBeLessThan(500);
          expect(response.body).not.toMatch(/\bat \S+\.(ts|js):\d+|node_modules|syntax error at/);
        },
      ),
      { numRuns: 600 },
    );
  });
});
