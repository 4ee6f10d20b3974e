import path from 'node:path';
import { z } from 'zod';

/** Everything Rapport reads from its environment, with the defaults the README lists. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Unset: the embedded PostgreSQL in `<dataDir>/postgres`. */
  databaseUrl: string | undefined;
  production: boolean;
  /** When set, demo users get this password instead of a generated one. */
  demoPassword: string | undefined;
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies and real client addresses). */
  trustProxy: boolean;
  /** Session limits (SECURITY.md check 4); shortened only by tests. */
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** How long break-glass access lasts. */
  breakGlassMinutes: number;
  /** Requests a minute per client address across the API; search gets a fifth of it per session. */
  rateLimitPerMinute: number;
  /** Reminder emails: SMTP server (unset: in-app reminders only), sender, and the app's public address. */
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  /** When to look for new reminders (cron, UTC). */
  reminderCron: string;
  /**
   * Send `Server-Timing: app;dur=<ms>` (the time inside the server) on every answer: for `npm run
   * bench` and for diagnosis. Off by default: the sign-in answers are meant to be alike (check 1).
   */
  serverTiming: boolean;
}

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
  RAPPORT_DEMO_PASSWORD: z.string().min(1).optional(),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  BREAK_GLASS_MINUTES: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL starts with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Rapport <no-reply@localhost>'),
  PUBLIC_URL: z.url().optional(),
  REMINDER_CRON: z.string().min(9).default('*/15 * * * *'),
  SERVER_TIMING: z.enum(['true', 'false', '1', '0']).optional(),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    production: values.NODE_ENV === 'production',
    demoPassword: values.RAPPORT_DEMO_PASSWORD,
    trustProxy: values.TRUST_PROXY === 'true' || values.TRUST_PROXY === '1',
    sessionIdleMinutes: values.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: values.SESSION_ABSOLUTE_HOURS,
    breakGlassMinutes: values.BREAK_GLASS_MINUTES,
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    reminderCron: values.REMINDER_CRON,
    serverTiming: values.SERVER_TIMING === 'true' || values.SERVER_TIMING === '1',
  };
}
