import { sql } from 'kysely';
import { nextOccurrence, type Brief } from '../../domain/brief.js';
import { localDate } from '../../domain/cadence.js';
import { outstanding } from '../../domain/commitments.js';
import type { ContactKind } from '../../domain/contacts.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { cadencesOf } from '../cadence/cadence.js';
import { selectCommitments } from '../commitments/commitments.js';
import type { Db } from '../db/database.js';
import { readFromPerson } from '../people/person-scope.js';

const day = 86_400_000;

/**
 * The pre-visit brief, in one request and one read transaction, audited as a read of the record.
 * Practitioners' promises and the person's (and family's, and other professionals') are kept apart,
 * overdue first; dated things to remember come soonest first.
 */
export async function getBrief(db: Db, actor: Actor, personId: string): Promise<Brief> {
  return readFromPerson(db, actor, personId, 'person.brief.read', async (tx) => {
    const core = await tx
      .selectFrom('people as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select([
        'p.id',
        'p.full_name',
        'p.address_as',
        'p.pronouns',
        'p.preferred_language',
        'p.interpreter_needed',
        'p.interpreter_language',
        'p.preferred_channels',
        'p.best_times',
        'p.communication_to_avoid',
        'p.accessibility_needs',
        'o.time_zone',
      ])
      .select(
        sql<
          {
            id: string;
            kind: string;
            text: string;
            saidBy: string | null;
            saidOn: string | null;
            onDate: string | null;
            everyYear: boolean;
          }[]
        >`(
          select coalesce(json_agg(json_build_object('id', i.id, 'kind', i.kind, 'text', i.text, 'saidBy', i.said_by,
                 'saidOn', i.said_on, 'onDate', i.on_date, 'everyYear', i.every_year) order by i.recorded_at desc), '[]'::json)
          from profile_items i
          where i.organisation_id = p.organisation_id and i.person_id = p.id and i.archived_at is null)`.as('items'),
      )
      .select(
        sql<{ id: string; kind: ContactKind; at: string; practitioner: string; note: string | null } | null>`(
          select json_build_object('id', c.id, 'kind', c.kind,
                 'at', to_char(coalesce(c.actual_start, c.received_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'practitioner', u.display_name,
                 'note', (select n.text from contact_notes n where n.organisation_id = c.organisation_id and n.contact_id = c.id order by n.version desc limit 1))
          from contacts c join users u on u.organisation_id = c.organisation_id and u.id = c.practitioner_id
          where c.organisation_id = p.organisation_id and c.person_id = p.id and c.status in ('made', 'attempted')
          order by coalesce(c.actual_start, c.received_at) desc limit 1)`.as('last_contact'),
      )
      .select(
        sql<{ name: string; change: 'added' | 'changed' | 'ended'; on: string }[]>`(
          select coalesce(json_agg(x order by x.on desc), '[]'::json) from (
            select m.name, case when m.ended_on is not null and m.updated_at > now() - interval '30 days' then 'ended'
                                when m.created_at > now() - interval '30 days' then 'added' else 'changed' end as change,
                   to_char(greatest(m.created_at, m.updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as on
            from network_members m
            where m.organisation_id = p.organisation_id and m.person_id = p.id and m.updated_at > now() - interval '30 days'
            order by m.updated_at desc limit 10) x)`.as('network_changes'),
      )
      .where('p.organisation_id', '=', actor.organisationId)
      .where('p.id', '=', personId)
      .executeTakeFirstOrThrow();

    const today = localDate(new Date(), core.time_zone);
    const promises = await selectCommitments(tx, actor, { personId, status: 'outstanding' });
    const agreed = core.last_contact
      ? await selectCommitments(tx, actor, { personId, madeInContactId: core.last_contact.id, status: 'all' })
      : [];
    const cadences = await cadencesOf(tx, actor, personId);

    const things = core.items
      .filter((item) => item.kind === 'to_remember')
      .map((item) => {
        const onDate = item.onDate ? nextOccurrence(item.onDate, item.everyYear, today) : null;
        return {
          id: item.id,
          text: item.text,
          onDate,
          everyYear: item.everyYear,
          daysAway: onDate ? Math.round((Date.parse(onDate) - Date.parse(today)) / day) : null,
        };
      })
      // Coming dates first (soonest first), then undated; past one-off dates last.
      .sort((a, b) => rank(a) - rank(b) || (a.onDate ?? '').localeCompare(b.onDate ?? ''));

    await recordAudit(tx, actor, { action: 'person.brief.read', recordType: 'person', recordId: personId, personId });
    return {
      person: {
        id: core.id,
        fullName: core.full_name,
        addressAs: core.address_as,
        pronouns: core.pronouns,
        preferredLanguage: core.preferred_language,
        interpreterNeeded: core.interpreter_needed,
        interpreterLanguage: core.interpreter_language,
        preferredChannels: core.preferred_channels,
        bestTimes: core.best_times,
        communicationToAvoid: core.communication_to_avoid,
        accessibilityNeeds: core.accessibility_needs,
      },
      thingsToRemember: things,
      approachWithCare: core.items
        .filter((item) => item.kind === 'approach_with_care')
        .map((item) => ({ id: item.id, text: item.text })),
      whatMatters: core.items
        .filter((item) => item.kind === 'what_matters')
        .map((item) => ({ text: item.text, saidBy: item.saidBy, saidOn: item.saidOn })),
      promises: {
        byUs: promises.filter((item) => item.by.kind === 'practitioner' && outstanding(item.status)),
        toUs: promises.filter((item) => item.by.kind !== 'practitioner' && outstanding(item.status)),
      },
      lastContact: core.last_contact
        ? {
            id: core.last_contact.id,
            kind: core.last_contact.kind,
            at: core.last_contact.at,
            practitioner: core.last_contact.practitioner,
            note: core.last_contact.note,
            agreed,
          }
        : null,
      cadences,
      networkChanges: core.network_changes,
      goals: null,
      latestCheckIn: null,
      workingAgreement: null,
    };
  });
}

function rank(thing: { onDate: string | null; daysAway: number | null }): number {
  if (thing.daysAway === null) {
    return 1;
  }
  return thing.daysAway >= 0 ? 0 : 2;
}
