import { sql } from 'kysely';
import { contactMeasures, type Contact, type NoteVersion } from '../../domain/contacts.js';
import type { Actor } from '../access/actor.js';
import { allocatedToActor } from '../access/scope.js';
import { prepared, type Queryable } from '../db/database.js';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Contacts with their participants and every note version, newest first — one query. */
export async function selectContacts(
  tx: Queryable,
  actor: Actor,
  personId: string,
  options: { contactId?: string; limit?: number; offset?: number; includeDrafts?: boolean } = {},
): Promise<Contact[]> {
  let query = tx
    .selectFrom('contacts as c')
    .modifyFront(prepared) // planning it costs more than running it
    .innerJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'c.organisation_id').onRef('u.id', '=', 'c.practitioner_id'),
    )
    .innerJoin('people as p', (join) =>
      join.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.person_id'),
    )
    .selectAll('c')
    .select('u.display_name as practitioner_name')
    // Where a contact happened can be the person's restricted address (a refuge): it follows the
    // same rule as their contact details (check 12) — shown to their allocated practitioners only.
    .select(sql<boolean>`(not p.contact_details_restricted or ${allocatedToActor(actor)})`.as('place_shown'))
    .select(
      sql<{ memberId: string; name: string }[]>`(
        select coalesce(json_agg(json_build_object('memberId', m.id, 'name', m.name) order by m.name), '[]'::json)
        from contact_participants cp
        join network_members m on m.organisation_id = cp.organisation_id and m.id = cp.network_member_id
        where cp.organisation_id = c.organisation_id and cp.contact_id = c.id)`.as('participants'),
    )
    .select(
      sql<NoteVersion[]>`(
        select coalesce(json_agg(json_build_object(
          'version', n.version, 'text', n.text, 'correctionReason', n.correction_reason,
          'writtenBy', json_build_object('id', n.written_by, 'displayName', w.display_name),
          'writtenAt', to_char(n.written_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'signedOffAt', to_char(n.signed_off_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'signedOffBy', case when n.signed_off_by is null then null else json_build_object('id', n.signed_off_by, 'displayName', s.display_name) end
        ) order by n.version), '[]'::json)
        from contact_notes n
        left join users w on w.organisation_id = n.organisation_id and w.id = n.written_by
        left join users s on s.organisation_id = n.organisation_id and s.id = n.signed_off_by
        where n.organisation_id = c.organisation_id and n.contact_id = c.id)`.as('notes'),
    )
    .where('c.organisation_id', '=', actor.organisationId)
    .where('c.person_id', '=', personId);
  if (options.contactId) {
    query = query.where('c.id', '=', options.contactId);
  } else if (!options.includeDrafts) {
    // A draft belongs to whoever is writing it until it is recorded.
    query = query.where((eb) => eb.or([eb('c.status', '<>', 'draft'), eb('c.created_by', '=', actor.userId)]));
  }
  const rows = await query
    .orderBy(sql`coalesce(c.actual_start, c.received_at, c.planned_start, c.created_at)`, 'desc')
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map(contactFromRow);
}

/** A contact row as selectContacts and recording it read it: its columns and what is joined to them. */
export interface ContactRow {
  id: string;
  person_id: string;
  practitioner_id: string;
  practitioner_name: string;
  kind: Contact['kind'];
  status: Contact['status'];
  initiated_by: Contact['initiatedBy'];
  planned_start: Date | null;
  planned_end: Date | null;
  actual_start: Date | null;
  actual_end: Date | null;
  received_at: Date | null;
  answered_at: Date | null;
  place: string | null;
  place_shown: boolean;
  cancelled_reason: string | null;
  participants: { memberId: string; name: string }[];
  notes: NoteVersion[];
  version: number;
  created_at: Date;
}

export function contactFromRow(row: ContactRow): Contact {
  const times = {
    plannedStart: iso(row.planned_start),
    plannedEnd: iso(row.planned_end),
    actualStart: iso(row.actual_start),
    actualEnd: iso(row.actual_end),
    receivedAt: iso(row.received_at),
    answeredAt: iso(row.answered_at),
  };
  return {
    id: row.id,
    personId: row.person_id,
    practitioner: { id: row.practitioner_id, displayName: row.practitioner_name },
    kind: row.kind,
    status: row.status,
    initiatedBy: row.initiated_by,
    ...times,
    place: row.place_shown ? row.place : null,
    placeHidden: !row.place_shown && row.place !== null,
    cancelledReason: row.cancelled_reason,
    participants: row.participants,
    notes: row.notes,
    measures: contactMeasures(times),
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
