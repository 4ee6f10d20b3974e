import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/cadence.js';
import { wrapPool, poolDefaults } from '../db/database.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { databaseOf } from '../testing/global-setup.js';
import { createTestOrganisation, type TestOrganisation, type TestStaff } from '../testing/organisation.js';
import { EMAIL_QUEUE, SCAN_QUEUE, sendReminderEmail, startJobs } from './jobs.js';
import { createMailer, reminderEmail } from './mail.js';
import { scanReminders } from './scan.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let org: TestOrganisation;
let sam: TestStaff;
let other: TestStaff;
let personId: string;
let testApp: TestApp;

// Noon in London on 10 March 2026: "today" is 2026-03-10 in the organisation's calendar.
const NOW = new Date('2026-03-10T12:00:00Z');
const TODAY = '2026-03-10';
const PERSON_NAME = 'Wilhelmina Okonkwo-Brightwater';

interface Received {
  to: string[];
  body: string;
}

/** An SMTP server in this process: reminder emails are sent over a real connection and read here. */
async function startSmtp(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function addPromise(values: {
  due_on: string;
  status?: 'open' | 'kept' | 'renegotiated';
  by?: 'practitioner' | 'person';
  what?: string;
}) {
  const id = randomUUID();
  await database.db
    .insertInto('commitments')
    .values({
      organisation_id: org.id,
      id,
      person_id: personId,
      promised_by: values.by ?? 'practitioner',
      promised_by_user_id: (values.by ?? 'practitioner') === 'practitioner' ? sam.id : null,
      promised_to: (values.by ?? 'practitioner') === 'practitioner' ? 'person' : 'practitioner',
      promised_to_user_id: (values.by ?? 'practitioner') === 'practitioner' ? null : sam.id,
      what: values.what ?? 'Ring the housing office',
      due_on: values.due_on,
      status: values.status ?? 'open',
      kept_on: values.status === 'kept' ? values.due_on : null,
      created_by: sam.id,
    })
    .execute();
  return id;
}

async function reminderRows(userId: string) {
  return database.db
    .selectFrom('notifications')
    .select(['kind', 'subject_id', 'due_on', 'reason_key', 'emailed_at'])
    .where('organisation_id', '=', org.id)
    .where('user_id', '=', userId)
    .where('reason_key', 'is not', null)
    .orderBy('reason_key')
    .execute();
}

let dueTomorrow: string;
let overdue: string;
let cadenceId: string;
let courtDate: string;
let birthday: string;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganisation(database.db);
  sam = await org.addStaff({ role: 'practitioner', name: 'Sam Reminder' });
  other = await org.addStaff({ role: 'practitioner', team: 'South' });
  personId = await org.addPerson({ fullName: PERSON_NAME, allocatedTo: [sam] });

  dueTomorrow = await addPromise({ due_on: addDays(TODAY, 1), what: 'Bring the bus pass form' });
  overdue = await addPromise({ due_on: addDays(TODAY, -3), what: 'Ring the housing office' });
  // Not reminders: due later, already kept, or promised by the person (not the practitioner's own).
  await addPromise({ due_on: addDays(TODAY, 5) });
  await addPromise({ due_on: addDays(TODAY, -3), status: 'kept' });
  await addPromise({ due_on: addDays(TODAY, -3), by: 'person' });

  cadenceId = randomUUID();
  await database.db
    .insertInto('checkin_cadences')
    .values({
      organisation_id: org.id,
      id: cadenceId,
      person_id: personId,
      every_days: 7,
      agreed_on: addDays(TODAY, -10),
      set_by: sam.id,
    })
    .execute();

  courtDate = randomUUID();
  birthday = randomUUID();
  await database.db
    .insertInto('profile_items')
    .values([
      {
        organisation_id: org.id,
        id: courtDate,
        person_id: personId,
        kind: 'to_remember',
        text: 'Family court hearing',
        on_date: addDays(TODAY, 2),
        recorded_by: sam.id,
      },
      // A birthday comes round every year: stored with the year of birth, reminded this year.
      {
        organisation_id: org.id,
        id: birthday,
        person_id: personId,
        kind: 'to_remember',
        text: 'Birthday',
        on_date: '2011-03-11',
        every_year: true,
        recorded_by: sam.id,
      },
      {
        organisation_id: org.id,
        id: randomUUID(),
        person_id: personId,
        kind: 'to_remember',
        text: 'Exam results',
        on_date: addDays(TODAY, 10),
        recorded_by: sam.id,
      },
    ])
    .execute();
  testApp = await createTestApp(database.db);
});

afterAll(async () => {
  await testApp?.close();
  await database?.close();
});

describe('the reminder scan', () => {
  it('finds promises due tomorrow or overdue, check-ins overdue and dates coming up, for the practitioner', async () => {
    // One row a page, so every query is read in several pages, each after the last key seen.
    const created = await scanReminders(database.db, NOW, undefined, 1);
    expect(created.get(sam.id)).toEqual({ organisationId: org.id, created: 5 });
    expect(created.has(other.id)).toBe(false);

    const rows = await reminderRows(sam.id);
    expect(rows.map((r) => [r.kind, r.subject_id, r.due_on])).toEqual(
      expect.arrayContaining([
        ['promise_due', dueTomorrow, addDays(TODAY, 1)],
        ['promise_overdue', overdue, addDays(TODAY, -3)],
        ['checkin_overdue', cadenceId, addDays(TODAY, -3)],
        ['date_coming_up', courtDate, addDays(TODAY, 2)],
        ['date_coming_up', birthday, '2026-03-11'],
      ]),
    );
    expect(rows).toHaveLength(5);
  });

  it('never fires twice for the same reason: a rerun, or a restarted server with its own connections, adds nothing', async () => {
    expect((await scanReminders(database.db, NOW)).size).toBe(0);

    // A "restart": a new pool to the same database, as a new server process would open.
    const restarted = wrapPool(
      new pg.Pool({ ...database.server, ...databaseOf(database.server, database.name), ...poolDefaults(2) }),
      null,
    );
    try {
      expect((await scanReminders(restarted.db, new Date(NOW.getTime() + 60 * 60 * 1000))).size).toBe(0);
    } finally {
      await restarted.close();
    }
    expect(await reminderRows(sam.id)).toHaveLength(5);
  });

  it('fires again only for a new reason: a promise due tomorrow becomes overdue two days later', async () => {
    // Tomorrow it is due today: nothing new. The day after, it is overdue: one new reminder.
    expect((await scanReminders(database.db, new Date('2026-03-11T12:00:00Z'))).get(sam.id)).toBeUndefined();
    const later = await scanReminders(database.db, new Date('2026-03-12T12:00:00Z'));
    const rows = await reminderRows(sam.id);
    expect(rows.filter((r) => r.subject_id === dueTomorrow).map((r) => r.kind)).toEqual([
      'promise_due',
      'promise_overdue',
    ]);
    // The check-in was already overdue (same due date): not repeated. The court date is still
    // within three days: not repeated either.
    expect(rows.filter((r) => r.subject_id === cadenceId)).toHaveLength(1);
    expect(rows.filter((r) => r.subject_id === courtDate)).toHaveLength(1);
    expect(later.get(sam.id)?.created).toBe(1);
  });

  it('works in the organisation’s own calendar: late evening in New York is still the day before', async () => {
    const zoned = await createTestOrganisation(database.db, 'New York office');
    await database.db
      .updateTable('organisations')
      .set({ time_zone: 'America/New_York' })
      .where('id', '=', zoned.id)
      .execute();
    const worker = await zoned.addStaff({ role: 'practitioner' });
    const person = await zoned.addPerson({ allocatedTo: [worker] });
    const id = randomUUID();
    await database.db
      .insertInto('commitments')
      .values({
        organisation_id: zoned.id,
        id,
        person_id: person,
        promised_by: 'practitioner',
        promised_by_user_id: worker.id,
        promised_to: 'person',
        what: 'Send the letter',
        due_on: '2026-03-10',
        created_by: worker.id,
      })
      .execute();
    // 02:30 UTC on 10 March is 22:30 on 9 March in New York: the promise is due tomorrow there.
    const created = await scanReminders(database.db, new Date('2026-03-10T02:30:00Z'));
    expect(created.get(worker.id)?.created).toBe(1);
    const row = await database.db
      .selectFrom('notifications')
      .select('kind')
      .where('organisation_id', '=', zoned.id)
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.kind).toBe('promise_due');
  });
});

describe('one organisation’s bad row', () => {
  it('does not stop the others’ reminders, and is reported', async () => {
    const broken = await createTestOrganisation(database.db, 'Broken');
    const worker = await broken.addStaff({ role: 'practitioner' });
    const person = await broken.addPerson({ allocatedTo: [worker] });
    // A date the API refuses, written straight into the table: the scan cannot work with it.
    await database.db
      .insertInto('checkin_cadences')
      .values({
        organisation_id: broken.id,
        id: randomUUID(),
        person_id: person,
        every_days: 366,
        agreed_on: '9999-12-31',
        set_by: worker.id,
      })
      .execute();
    const healthy = await createTestOrganisation(database.db, 'Healthy');
    const other = await healthy.addStaff({ role: 'practitioner' });
    const someone = await healthy.addPerson({ allocatedTo: [other] });
    await database.db
      .insertInto('checkin_cadences')
      .values({
        organisation_id: healthy.id,
        id: randomUUID(),
        person_id: someone,
        every_days: 7,
        agreed_on: '2026-01-01',
        set_by: other.id,
      })
      .execute();

    const failed: string[] = [];
    const created = await scanReminders(database.db, NOW, (organisationId) => failed.push(organisationId));
    expect(failed).toEqual([broken.id]);
    expect(created.get(other.id)?.created).toBe(1);
  });
});

describe('reminders in the app', () => {
  it('show in the practitioner’s notifications with what they are about and when', async () => {
    const client = await testApp.signIn(sam);
    const response = await client.get('/api/notifications');
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      items: { kind: string; about: string | null; dueOn: string | null; person: { id: string } | null }[];
    }>();
    const overdueItem = body.items.find((n) => n.kind === 'promise_overdue' && n.about === 'Ring the housing office');
    expect(overdueItem).toMatchObject({ dueOn: addDays(TODAY, -3), person: { id: personId } });
    expect(body.items.some((n) => n.kind === 'date_coming_up' && n.about === 'Family court hearing')).toBe(true);
  });

  it('are nobody else’s: another practitioner sees none of them', async () => {
    const client = await testApp.signIn(other);
    const body = (await client.get('/api/notifications')).json<{ items: unknown[] }>();
    expect(body.items).toHaveLength(0);
  });

  it('hide what they are about once the record is out of reach', async () => {
    const leaver = await org.addStaff({ role: 'practitioner' });
    const someone = await org.addPerson({ allocatedTo: [leaver] });
    await database.db
      .insertInto('notifications')
      .values({
        organisation_id: org.id,
        id: randomUUID(),
        user_id: leaver.id,
        kind: 'date_coming_up',
        person_id: someone,
        subject_id: courtDate,
        due_on: TODAY,
        reason_key: `test:${randomUUID()}`,
      })
      .execute();
    await database.db
      .updateTable('allocations')
      .set({ ended_at: new Date() })
      .where('organisation_id', '=', org.id)
      .where('person_id', '=', someone)
      .execute();
    const client = await testApp.signIn(leaver);
    const body = (await client.get('/api/notifications')).json<{
      items: { person: unknown; about: unknown; kind: string }[];
    }>();
    expect(body.items).toEqual([
      expect.objectContaining({ kind: 'date_coming_up', person: null, about: null, dueOn: null }),
    ]);
  });
});

describe('reminder email', () => {
  it('says how many reminders wait and where, never a name or a detail', () => {
    const { subject, text } = reminderEmail(3, 'https://rapport.example.org');
    expect(subject).toBe('Rapport: 3 new reminders');
    expect(text).toContain('https://rapport.example.org/notifications');
  });

  it('is sent once through SMTP, and carries no personal data', async () => {
    const smtp = await startSmtp();
    try {
      const mailer = createMailer(smtp.url, 'Rapport <rapport@test.rapport.test>');
      expect(await sendReminderEmail(database.db, mailer, 'https://rapport.example.org', org.id, sam.id)).toBe(6);
      expect(smtp.received).toHaveLength(1);
      const [message] = smtp.received;
      expect(message!.to).toEqual([sam.email]);
      expect(message!.body).toContain('6 new reminders');
      for (const secret of [PERSON_NAME, 'Wilhelmina', 'housing office', 'bus pass', 'court', 'Birthday', personId]) {
        expect(message!.body).not.toContain(secret);
      }
      // Everything waiting is marked as emailed: a second run sends nothing.
      expect(await sendReminderEmail(database.db, mailer, 'https://rapport.example.org', org.id, sam.id)).toBe(0);
      expect(smtp.received).toHaveLength(1);
      expect((await reminderRows(sam.id)).every((r) => r.emailed_at !== null)).toBe(true);
    } finally {
      await smtp.close();
    }
  });

  it('without SMTP configured, sends nothing and marks nothing', async () => {
    expect(createMailer(undefined, 'x <x@y.z>')).toBeNull();
    expect(await sendReminderEmail(database.db, null, 'https://rapport.example.org', org.id, other.id)).toBe(0);
  });
});

describe('background jobs on pg-boss', () => {
  it('survive a restart: a scan queued while no server works is done by the next one, and its email sent once', async () => {
    const jobOrg = await createTestOrganisation(database.db, 'Jobs');
    const worker = await jobOrg.addStaff({ role: 'practitioner' });
    const person = await jobOrg.addPerson({ allocatedTo: [worker] });
    await database.db
      .insertInto('commitments')
      .values({
        organisation_id: jobOrg.id,
        id: randomUUID(),
        person_id: person,
        promised_by: 'practitioner',
        promised_by_user_id: worker.id,
        promised_to: 'person',
        what: 'Call back about the school place',
        due_on: '2020-01-01',
        created_by: worker.id,
      })
      .execute();

    const smtp = await startSmtp();
    const log = () => undefined;
    const common = {
      db: database.db,
      pool: database.pool,
      cron: '0 3 * * *',
      mailFrom: 'Rapport <r@test.rapport.test>',
      publicUrl: 'https://rapport.example.org',
      log,
    };
    try {
      // First server: queues a scan but takes no work, then stops.
      const first = await startJobs({ ...common, smtpUrl: smtp.url, work: false });
      await first.boss.send(SCAN_QUEUE, {});
      await first.stop();

      // Second server: picks the waiting scan up, which queues and sends one email.
      const second = await startJobs({ ...common, smtpUrl: smtp.url, pollingIntervalSeconds: 0.5 });
      try {
        const deadline = Date.now() + 20_000;
        while (!smtp.received.some((m) => m.to.includes(worker.email)) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const mine = smtp.received.filter((m) => m.to.includes(worker.email));
        expect(mine).toHaveLength(1);
        expect(mine[0]!.body).not.toContain('school place');

        // Another email job for the same user finds nothing new to send.
        await second.boss.send(EMAIL_QUEUE, { organisationId: jobOrg.id, userId: worker.id });
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        expect(smtp.received.filter((m) => m.to.includes(worker.email))).toHaveLength(1);
      } finally {
        await second.stop();
      }
    } finally {
      await smtp.close();
    }
  }, 40_000);
});
