import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { email as emailSchema } from '../../domain/auth.js';
import { recordAudit } from '../audit/audit.js';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../http/errors.js';
import { createOrganisation, insertStaff } from '../staff/staff.js';
import { connectForTool } from './connect.js';

/**
 * `npm run admin:create -- --email you@example.org --name "Your Name" [--organisation "Name"]`
 * Creates an administrator (and, on an empty database, the organisation). The password is read
 * from RAPPORT_ADMIN_PASSWORD, or asked for at the terminal; it is never a command-line argument.
 */
const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' } },
});
const usage =
  'usage: npm run admin:create -- --email you@example.org --name "Your Name" [--organisation "Organisation name"]';
const parsedEmail = emailSchema.safeParse(values.email ?? '');
const name = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .safeParse(values.name ?? '');
if (!parsedEmail.success || !name.success) {
  console.error(usage);
  process.exit(64);
}

async function readPassword(): Promise<string> {
  if (process.env.RAPPORT_ADMIN_PASSWORD) {
    return process.env.RAPPORT_ADMIN_PASSWORD;
  }
  if (!process.stdin.isTTY) {
    throw new Error('Set RAPPORT_ADMIN_PASSWORD, or run this in a terminal to type the password.');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const password = await prompt.question('Password for the new administrator (8+ characters, not a common one): ');
  prompt.close();
  return password;
}

const database = await connectForTool(loadConfig());
try {
  await migrateToLatest(database.db);
  const password = await readPassword();
  checkPasswordPolicy(password, 'password', { email: parsedEmail.data });
  const passwordHash = await hashPassword(password);
  const organisations = await database.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('is_demo', '=', false)
    .execute();
  const userId = await database.db.transaction().execute(async (tx) => {
    let organisationId = organisations[0]?.id;
    if (organisations.length > 1) {
      const chosen = organisations.find((organisation) => organisation.name === values.organisation);
      if (!chosen) {
        throw new Error(
          `Several organisations exist; name one with --organisation: ${organisations.map((o) => o.name).join(', ')}`,
        );
      }
      organisationId = chosen.id;
    }
    if (!organisationId) {
      if (!values.organisation) {
        throw new Error('No organisation exists yet: name it with --organisation "…"');
      }
      organisationId = await createOrganisation(tx, values.organisation);
    }
    const id = await insertStaff(tx, organisationId, {
      email: parsedEmail.data,
      displayName: name.data,
      role: 'administrator',
      passwordHash,
    });
    await recordAudit(
      tx,
      null,
      {
        action: 'staff.create',
        kind: 'security',
        recordType: 'user',
        recordId: id,
        details: { role: 'administrator', via: 'admin:create' },
      },
      organisationId,
    );
    return id;
  });
  console.log(
    `Administrator ${parsedEmail.data} created (${userId}). Sign in and add your colleagues under Staff and teams.`,
  );
} catch (error) {
  const message =
    error instanceof AppError
      ? (error.errors?.map((e) => e.message).join('; ') ?? error.message)
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(message);
  process.exitCode = 1;
} finally {
  await database.close();
}
