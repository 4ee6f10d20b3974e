import PgBoss from 'pg-boss';
import type pg from 'pg';
import { forgetOldIdempotencyKeys } from '../contacts/idempotency.js';
import type { Db } from '../db/database.js';
import { createMailer, reminderEmail, type Mailer } from './mail.js';
import { scanReminders } from './scan.js';

export const SCAN_QUEUE = 'reminders-scan';
export const EMAIL_QUEUE = 'reminder-email';
export const HOUSEKEEPING_QUEUE = 'housekeeping';

export interface JobOptions {
  db: Db;
  pool: pg.Pool;
  /** When to look for new reminders (cron, UTC). */
  cron: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  log: (message: string, detail?: object) => void;
  /** Tests start a queue without taking work, to show that jobs wait across a restart. */
  work?: boolean;
  /** How often an idle worker looks for jobs (pg-boss's default is 2 s). */
  pollingIntervalSeconds?: number;
}

export interface RunningJobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * Background work on pg-boss, a maintained PostgreSQL job queue in the same database (schema
 * `pgboss`). Jobs are rows: they survive a restart, and a job sent while no server was working is
 * done by the next one. The scan runs on a schedule; each user with new reminders gets one email
 * job, which sends only when SMTP is configured and marks what it sent, so nothing goes twice.
 */
export async function startJobs(options: JobOptions): Promise<RunningJobs> {
  const boss = new PgBoss({
    db: { executeSql: async (text, values) => options.pool.query(text, values) },
    schema: 'pgboss',
    // The organisation's own data is kept elsewhere; finished jobs need not be kept long.
    deleteAfterDays: 7,
  });
  boss.on('error', (error: Error) => options.log('job queue error', { type: error.name }));
  await boss.start();
  await boss.createQueue(SCAN_QUEUE);
  await boss.createQueue(EMAIL_QUEUE);
  await boss.createQueue(HOUSEKEEPING_QUEUE);
  const mailer = createMailer(options.smtpUrl, options.mailFrom);
  if (options.work !== false) {
    await boss.schedule(SCAN_QUEUE, options.cron);
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    await boss.work(SCAN_QUEUE, polling, async () => {
      const created = await scanReminders(options.db, new Date(), (organisationId, error) =>
        options.log('reminder scan failed for one organisation', {
          organisationId,
          type: error instanceof Error ? error.name : typeof error,
        }),
      );
      for (const [userId, { organisationId, created: count }] of created) {
        await boss.send(EMAIL_QUEUE, { organisationId, userId }, { retryLimit: 5, retryBackoff: true });
        options.log('reminders created', { count });
      }
    });
    await boss.work<{ organisationId: string; userId: string }>(EMAIL_QUEUE, polling, async ([job]) => {
      if (job) {
        await sendReminderEmail(options.db, mailer, options.publicUrl, job.data.organisationId, job.data.userId);
      }
    });
    // Hourly: forget Idempotency-Keys after a day (they hold only record ids, but need not pile up).
    await boss.schedule(HOUSEKEEPING_QUEUE, '17 * * * *');
    await boss.work(HOUSEKEEPING_QUEUE, polling, async () => {
      const forgotten = await forgetOldIdempotencyKeys(options.db);
      options.log('housekeeping', { forgottenIdempotencyKeys: forgotten });
    });
    // One scan at start, so reminders are up to date without waiting for the schedule (harmless:
    // a reminder already made is not made again).
    await boss.send(SCAN_QUEUE, {});
  }
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}

/** Emails a user how many reminders wait, once: what is sent is marked. Without SMTP, nothing is sent. */
export async function sendReminderEmail(
  db: Db,
  mailer: Mailer | null,
  publicUrl: string,
  organisationId: string,
  userId: string,
): Promise<number> {
  if (!mailer) {
    return 0;
  }
  return db.transaction().execute(async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select(['email', 'disabled_at'])
      .where('organisation_id', '=', organisationId)
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user || user.disabled_at) {
      return 0;
    }
    const waiting = await tx
      .updateTable('notifications')
      .set({ emailed_at: new Date() })
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .where('emailed_at', 'is', null)
      .where('reason_key', 'is not', null)
      .where('read_at', 'is', null)
      .returning('id')
      .execute();
    if (waiting.length > 0) {
      const { subject, text } = reminderEmail(waiting.length, publicUrl);
      // If sending fails, the transaction rolls back and the job is retried: nothing is lost. The
      // notification rows stay locked meanwhile (never the user's row), and the SMTP timeouts are
      // short (mail.ts), so a stuck mail server holds nothing for long.
      await mailer.send(user.email, subject, text);
    }
    return waiting.length;
  });
}
