import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Tx } from '../db/database.js';
import type { ConsentTable } from '../db/schema.js';
import { generator } from './random.js';
import {
  accessibilityNeeds,
  approachWithCare,
  bestTimes,
  communicationToAvoid,
  cultureAndFaith,
  languages,
  memberTemplates,
  pronouns,
  strengths,
  surnames,
  thingsToRemember,
  whatMatters,
} from './pools.js';

export interface SeededPerson {
  id: string;
  fullName: string;
  restricted: boolean;
  /** The practitioner who records the profile (the first allocated). */
  recordedBy: string;
}

const day = 86_400_000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Profiles, things in their own words, networks and consent for every demo person. */
export async function seedProfiles(tx: Tx, organisationId: string, people: readonly SeededPerson[]): Promise<void> {
  for (const [index, person] of people.entries()) {
    const random = generator(index * 7919 + 17);
    const firstName = person.fullName.split(' ')[0]!;
    await seedProfile(tx, organisationId, person, firstName, index, random);
    await seedItems(tx, organisationId, person, firstName, random);
    const memberIds = await seedNetwork(tx, organisationId, person, random);
    await seedConsents(tx, organisationId, person, memberIds, random);
  }
}

type Random = ReturnType<typeof generator>;

async function seedProfile(
  tx: Tx,
  organisationId: string,
  person: SeededPerson,
  firstName: string,
  index: number,
  random: Random,
): Promise<void> {
  const spoken = random.pick(languages);
  const age = random.between(14, 72);
  const refuge = person.restricted; // Leah: her address is a refuge's
  await tx
    .updateTable('people')
    .set({
      address_as: random.chance(0.2) ? `Ms ${person.fullName.split(' ').at(-1)}` : firstName,
      pronouns: random.pick(pronouns),
      date_of_birth: isoDate(Date.now() - age * 365.25 * day - random.between(0, 364) * day),
      preferred_language: spoken.language,
      interpreter_needed: spoken.interpreter !== null,
      interpreter_language: spoken.interpreter,
      reading_preferences: random.chance(0.3)
        ? [random.pick(['easy_read', 'large_print', 'plain_language', 'read_aloud'])]
        : [],
      preferred_channels: random.chance(0.5) ? ['text_message', 'in_person'] : ['phone'],
      best_times: random.pick(bestTimes),
      communication_to_avoid: random.chance(0.5) ? random.pick(communicationToAvoid) : null,
      accessibility_needs: random.chance(0.25) ? random.pick(accessibilityNeeds) : null,
      culture_and_faith: random.chance(0.5) ? random.pick(cultureAndFaith) : null,
      address: refuge
        ? 'Flat 3, The Haven, 1 Larch Close, Riverside RV9 9ZZ (refuge — do not disclose)'
        : `${random.between(1, 140)} ${random.pick(['Elm Road', 'Mill Lane', 'Station Street', 'Orchard Way', 'Canal Side'])}, Riverside RV${random.between(1, 8)} ${random.between(1, 9)}AB`,
      phone: `07700 900${String(100 + index).slice(-3)}`,
      email: random.chance(0.6) ? `${firstName.toLowerCase()}.${index}@example.org` : null,
      contact_details_restricted: refuge,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', person.id)
    .execute();
}

async function seedItems(
  tx: Tx,
  organisationId: string,
  person: SeededPerson,
  firstName: string,
  random: Random,
): Promise<void> {
  const rows: {
    kind: 'what_matters' | 'strength' | 'to_remember' | 'approach_with_care';
    text: string;
    said_by?: string;
    said_on?: string;
    on_date?: string | null;
    every_year?: boolean;
  }[] = [];
  const saidOn = () => isoDate(Date.now() - random.between(5, 120) * day);
  const [first, second] = random.sample(whatMatters, 2);
  rows.push({ kind: 'what_matters', text: first!, said_by: firstName, said_on: saidOn() });
  if (random.chance(0.5)) {
    rows.push({
      kind: 'what_matters',
      text: second!,
      said_by: random.chance(0.5) ? firstName : `${firstName}’s grandmother`,
      said_on: saidOn(),
    });
  }
  rows.push({ kind: 'strength', text: random.pick(strengths), said_by: firstName, said_on: saidOn() });
  for (const thing of random.sample(thingsToRemember, random.between(1, 3))) {
    rows.push({
      kind: 'to_remember',
      text: thing.text,
      on_date: thing.days === null ? null : isoDate(Date.now() + thing.days * day),
      every_year: thing.everyYear ?? false,
    });
  }
  if (person.restricted || random.chance(0.35)) {
    rows.push({
      kind: 'approach_with_care',
      text: person.restricted
        ? 'Never confirm to anyone where Leah is living. Check who is in the room before discussing her family.'
        : random.pick(approachWithCare),
    });
  }
  await tx
    .insertInto('profile_items')
    .values(
      rows.map((row) => ({
        organisation_id: organisationId,
        id: randomUUID(),
        person_id: person.id,
        kind: row.kind,
        text: row.text,
        said_by: row.said_by ?? null,
        said_on: row.said_on ?? null,
        on_date: row.on_date ?? null,
        every_year: row.every_year ?? false,
        recorded_by: person.recordedBy,
      })),
    )
    .execute();
}

async function seedNetwork(
  tx: Tx,
  organisationId: string,
  person: SeededPerson,
  random: Random,
): Promise<{ id: string; name: string; isRisk: boolean }[]> {
  const count = random.between(3, 15);
  const shuffled = random.sample(memberTemplates, count);
  const members = shuffled.map((template) => {
    const strength = random.pick(template.strengths);
    const ended = random.chance(0.12);
    return {
      organisation_id: organisationId,
      id: randomUUID(),
      person_id: person.id,
      name:
        template.sector === 'family' && random.chance(0.5)
          ? `${template.name.split(' ')[0]} ${random.pick(surnames)}`
          : template.name,
      relationship: template.relationship,
      sector: template.sector,
      strength,
      // Sometimes the person is the one giving support (to their nan, say).
      support:
        template.support === 'to_person' && template.sector === 'family' && random.chance(0.3)
          ? 'both'
          : template.support,
      contact_frequency: template.frequency,
      phone: random.chance(0.7) ? `07700 900${random.between(200, 999)}` : null,
      address:
        template.sector === 'family' && random.chance(0.5) ? `${random.between(1, 90)} Park Road, Riverside` : null,
      is_risk: false,
      risk_note: null as string | null,
      contact_restricted: false,
      started_on: isoDate(Date.now() - random.between(200, 4000) * day),
      ended_on: ended ? isoDate(Date.now() - random.between(10, 150) * day) : null,
      end_reason: ended ? 'Moved away' : null,
      created_by: person.recordedBy,
    };
  });
  if (person.restricted) {
    // Leah's ex-partner: a risk to her, who must never learn where she lives.
    members.push({
      organisation_id: organisationId,
      id: randomUUID(),
      person_id: person.id,
      name: 'Craig Fraser',
      relationship: 'my ex — I left because of him',
      sector: 'family',
      strength: 'stressful',
      support: 'neither',
      contact_frequency: 'no_contact',
      phone: '07700 900999',
      address: '22 Foundry Street, Riverside RV2 4CD',
      is_risk: true,
      risk_note: 'Non-molestation order in place. Never share Leah’s whereabouts or contact details.',
      contact_restricted: false,
      started_on: isoDate(Date.now() - 2600 * day),
      ended_on: null,
      end_reason: null,
      created_by: person.recordedBy,
    });
  }
  await tx.insertInto('network_members').values(members).execute();
  return members
    .filter((member) => !member.ended_on)
    .map((member) => ({ id: member.id, name: member.name, isRisk: member.is_risk }));
}

async function seedConsents(
  tx: Tx,
  organisationId: string,
  person: SeededPerson,
  members: { id: string; isRisk: boolean }[],
  random: Random,
): Promise<void> {
  const candidates = members.filter((member) => !member.isRisk).slice(0, random.between(0, 2));
  const rows: Insertable<ConsentTable>[] = candidates.map((member, position) => {
    const decidedDaysAgo = random.between(20, 400);
    const expired = position === 1 && random.chance(0.5);
    return {
      organisation_id: organisationId,
      id: randomUUID(),
      person_id: person.id,
      network_member_id: member.id,
      recipient_organisation: null,
      purpose: 'share_updates',
      decision: random.chance(0.8) ? 'granted' : 'refused',
      decided_on: isoDate(Date.now() - decidedDaysAgo * day),
      expires_on: expired ? isoDate(Date.now() - random.between(1, 15) * day) : isoDate(Date.now() + 365 * day),
      how_given: random.pick(['in_person', 'in_writing', 'through_interpreter']),
      recorded_by: person.recordedBy,
    };
  });
  if (random.chance(0.3)) {
    rows.push({
      organisation_id: organisationId,
      id: randomUUID(),
      person_id: person.id,
      network_member_id: null,
      recipient_organisation: 'Riverside Primary School',
      purpose: 'share_concerns',
      decision: 'granted',
      decided_on: isoDate(Date.now() - 60 * day),
      expires_on: isoDate(Date.now() + 300 * day),
      how_given: 'in_person',
      recorded_by: person.recordedBy,
    });
  }
  if (rows.length > 0) {
    await tx.insertInto('consents').values(rows).execute();
  }
}
