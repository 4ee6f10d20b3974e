import type { Selectable } from 'kysely';
import type { NetworkMember } from '../../domain/network.js';
import type { NetworkMemberTable } from '../db/schema.js';

export type MemberRow = Selectable<NetworkMemberTable> & { linked_full_name: string | null };

/** Field → column, for edits and their history. */
export const memberColumns = {
  name: 'name',
  relationship: 'relationship',
  sector: 'sector',
  strength: 'strength',
  support: 'support',
  contactFrequency: 'contact_frequency',
  phone: 'phone',
  email: 'email',
  address: 'address',
  contactRestricted: 'contact_restricted',
  isRisk: 'is_risk',
  riskNote: 'risk_note',
  linkedPersonId: 'linked_person_id',
  notes: 'notes',
  startedOn: 'started_on',
} as const satisfies Record<string, keyof NetworkMemberTable>;

export const memberContactFields = ['phone', 'email', 'address'] as const;

/**
 * A member as this reader may see them: restricted contact details are shown to the person's
 * allocated practitioners, or once revealed with a reason (SECURITY.md check 12).
 */
export function memberOf(row: MemberRow, readerIsAllocated: boolean, revealed = false): NetworkMember {
  const shown = !row.contact_restricted || readerIsAllocated || revealed;
  return {
    id: row.id,
    name: row.name,
    relationship: row.relationship,
    sector: row.sector as NetworkMember['sector'],
    strength: row.strength as NetworkMember['strength'],
    support: row.support as NetworkMember['support'],
    contactFrequency: row.contact_frequency as NetworkMember['contactFrequency'],
    contact: {
      restricted: row.contact_restricted,
      hidden: !shown,
      phone: shown ? row.phone : null,
      email: shown ? row.email : null,
      address: shown ? row.address : null,
    },
    isRisk: row.is_risk,
    riskNote: row.risk_note,
    linkedPerson:
      row.linked_person_id && row.linked_full_name
        ? { id: row.linked_person_id, fullName: row.linked_full_name }
        : null,
    notes: row.notes,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}
