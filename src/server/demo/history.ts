import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Tx } from '../db/database.js';
import type { CommitmentEventTable, CommitmentTable, ContactNoteTable, ContactTable } from '../db/schema.js';
import type { SeededPerson } from './profiles.js';
import { generator } from './random.js';

/** A few months of contacts, promises and check-in rhythms for each demo person (issue 4). */

const minute = 60_000;
const day = 86_400_000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

const visitNotes = [
  'Talked through the week. Things at home are calmer; school is still hard on Mondays.',
  'We went through the letter from housing together and made a list of questions.',
  'Quiet visit — tired after a bad night. Agreed to keep the next one short.',
  'Good news: the interview went well. We practised what to say about the gap in work.',
  'Went over the budget sheet. Money is tight until the benefit change comes through.',
  'Talked about what they want from the next few months, in their own words.',
];
const callNotes = [
  'Rang worried about a letter; read it together over the phone.',
  'Called to say the appointment clashed with school pick-up; moved it.',
];

const practitionerPromises = [
  'Ring the housing officer about the repair',
  'Bring the bus pass form',
  'Find out the youth club times',
  'Chase the school about the uniform grant',
  'Send the easy-read leaflet about the benefit change',
];
const personPromises = [
  'Ask mum about Saturdays',
  'Fill in the bus pass form',
  'Go to the drop-in on Thursday',
  'Keep the food diary for a week',
];
const renegotiationReasons = [
  'The housing office was closed all week; told them on the phone and agreed a new date.',
  'I was off sick; apologised and rebooked.',
];

export async function seedHistory(tx: Tx, organisationId: string, people: readonly SeededPerson[]): Promise<void> {
  const contacts: Insertable<ContactTable>[] = [];
  const notes: Insertable<ContactNoteTable>[] = [];
  const commitments: Insertable<CommitmentTable>[] = [];
  const events: Insertable<CommitmentEventTable>[] = [];
  const cadences: {
    organisation_id: string;
    id: string;
    person_id: string;
    every_days: number;
    agreed_on: string;
    set_by: string;
  }[] = [];
  const now = Date.now();

  for (const [index, person] of people.entries()) {
    const random = generator(index * 104_729 + 3);
    const worker = person.recordedBy;
    const everyDays = random.pick([7, 14, 14, 21, 28]);
    cadences.push({
      organisation_id: organisationId,
      id: randomUUID(),
      person_id: person.id,
      every_days: everyDays,
      agreed_on: isoDate(now - 130 * day),
      set_by: worker,
    });

    // Visits roughly on rhythm over four months; the last one sometimes a little overdue.
    const visitIds: { id: string; at: number }[] = [];
    for (
      let daysAgo = 120 - random.between(0, 6);
      daysAgo > 2;
      daysAgo -= everyDays + random.between(-2, index % 4 === 0 ? 9 : 3)
    ) {
      // A daytime slot (UTC) on that day.
      const planned = now - (now % day) - daysAgo * day + (random.between(9, 16) * 60 + random.pick([0, 30])) * minute;
      const late = random.chance(0.75) ? random.between(-5, 9) : random.between(12, 35);
      const length = random.pick([45, 60, 60, 90]);
      const over = random.chance(0.7) ? random.between(-10, 5) : random.between(10, 40);
      const attempted = random.chance(0.07);
      const id = randomUUID();
      const start = planned + late * minute;
      contacts.push({
        organisation_id: organisationId,
        id,
        person_id: person.id,
        practitioner_id: worker,
        kind: random.chance(0.75) ? 'home_visit' : 'office',
        status: attempted ? 'attempted' : 'made',
        planned_start: new Date(planned),
        planned_end: new Date(planned + length * minute),
        actual_start: new Date(start),
        actual_end: attempted ? null : new Date(start + (length + over) * minute),
        place: null,
        created_by: worker,
        created_at: new Date(planned - 7 * day),
      });
      if (!attempted) {
        notes.push({
          organisation_id: organisationId,
          contact_id: id,
          version: 1,
          text: random.pick(visitNotes),
          written_by: worker,
          written_at: new Date(start + 2 * 3_600_000),
          signed_off_at: daysAgo > 7 ? new Date(start + 3 * 3_600_000) : null,
          signed_off_by: daysAgo > 7 ? worker : null,
        });
        visitIds.push({ id, at: start });
      } else {
        notes.push({
          organisation_id: organisationId,
          contact_id: id,
          version: 1,
          text: 'No answer at the door; left a card and texted.',
          written_by: worker,
          written_at: new Date(start + 3_600_000),
          signed_off_at: new Date(start + 2 * 3_600_000),
          signed_off_by: worker,
        });
      }
    }
    // Calls the person started, and how long they waited.
    for (let call = random.between(1, 2); call > 0; call -= 1) {
      const received = now - random.between(5, 100) * day + random.between(8, 17) * 3_600_000 - (now % day);
      const id = randomUUID();
      contacts.push({
        organisation_id: organisationId,
        id,
        person_id: person.id,
        practitioner_id: worker,
        kind: random.pick(['phone', 'message'] as const),
        status: 'made',
        initiated_by: 'person',
        received_at: new Date(received),
        answered_at: new Date(received + random.pick([15, 40, 120, 300, 1500]) * minute),
        created_by: worker,
        created_at: new Date(received),
      });
      notes.push({
        organisation_id: organisationId,
        contact_id: id,
        version: 1,
        text: random.pick(callNotes),
        written_by: worker,
        written_at: new Date(received + 6 * 3_600_000),
        signed_off_at: new Date(received + 7 * 3_600_000),
        signed_off_by: worker,
      });
    }
    // The next visit, booked.
    const next = now + random.between(1, 9) * day - (now % day) + random.between(9, 16) * 3_600_000;
    contacts.push({
      organisation_id: organisationId,
      id: randomUUID(),
      person_id: person.id,
      practitioner_id: worker,
      kind: 'home_visit',
      status: 'planned',
      planned_start: new Date(next),
      planned_end: new Date(next + 3_600_000),
      created_by: worker,
      created_at: new Date(now - 2 * day),
    });

    // Promises made at some of those visits, both ways, with every kind of ending.
    for (const [position, visit] of visitIds.slice(-4).entries()) {
      const byPractitioner = position % 2 === 0 || random.chance(0.3);
      const dueOn = isoDate(visit.at + random.between(3, 10) * day);
      const id = randomUUID();
      const today = isoDate(now);
      const outcome = random.pick([
        'kept',
        'kept',
        'kept',
        'kept',
        'kept',
        'kept_late',
        'renegotiated',
        'not_kept',
        'open',
      ] as const);
      // A promise not yet due is still open (or was moved on); one already due has its ending.
      const status = dueOn >= today ? (outcome === 'renegotiated' ? 'renegotiated' : 'open') : outcome;
      const keptOn =
        status === 'kept'
          ? isoDate(Math.max(visit.at, Date.parse(dueOn) - random.between(0, 2) * day))
          : status === 'kept_late'
            ? isoDate(Math.min(now, Date.parse(dueOn) + random.between(1, 6) * day))
            : null;
      const renegotiatedTo =
        status === 'renegotiated' ? isoDate(Math.max(Date.parse(dueOn), now) + random.between(2, 10) * day) : null;
      commitments.push({
        organisation_id: organisationId,
        id,
        person_id: person.id,
        promised_by: byPractitioner ? 'practitioner' : 'person',
        promised_by_user_id: byPractitioner ? worker : null,
        promised_to: byPractitioner ? 'person' : 'practitioner',
        promised_to_user_id: byPractitioner ? null : worker,
        what: byPractitioner ? random.pick(practitionerPromises) : random.pick(personPromises),
        due_on: renegotiatedTo ?? dueOn,
        status,
        kept_on: keptOn,
        made_in_contact_id: visit.id,
        created_by: worker,
        created_at: new Date(visit.at),
      });
      events.push({
        organisation_id: organisationId,
        id: randomUUID(),
        commitment_id: id,
        event: 'made',
        new_due_on: dueOn,
        contact_id: visit.id,
        recorded_by: worker,
        recorded_at: new Date(visit.at),
      });
      if (renegotiatedTo) {
        events.push({
          organisation_id: organisationId,
          id: randomUUID(),
          commitment_id: id,
          event: 'renegotiated',
          previous_due_on: dueOn,
          new_due_on: renegotiatedTo,
          reason: random.pick(renegotiationReasons),
          recorded_by: worker,
          recorded_at: new Date(Math.min(now, Date.parse(dueOn) - day)),
        });
      }
      if (status === 'kept' || status === 'kept_late' || status === 'not_kept') {
        events.push({
          organisation_id: organisationId,
          id: randomUUID(),
          commitment_id: id,
          event: status,
          reason:
            status === 'not_kept' ? 'Did not happen in the end; talked about it honestly at the next visit.' : null,
          recorded_by: worker,
          recorded_at: new Date(Math.min(now, Date.parse(keptOn ?? dueOn) + 12 * 3_600_000)),
        });
      }
    }
  }
  const chunks = <T>(rows: T[], size = 500) =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));
  for (const rows of chunks(contacts)) {
    await tx.insertInto('contacts').values(rows).execute();
  }
  for (const rows of chunks(notes)) {
    await tx.insertInto('contact_notes').values(rows).execute();
  }
  for (const rows of chunks(commitments)) {
    await tx.insertInto('commitments').values(rows).execute();
  }
  for (const rows of chunks(events)) {
    await tx.insertInto('commitment_events').values(rows).execute();
  }
  await tx.insertInto('checkin_cadences').values(cadences).execute();
}
