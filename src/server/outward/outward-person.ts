import type { Selectable } from 'kysely';
import type { PersonTable } from '../db/schema.js';

/** Who an outward-facing view (a letter, later a portal page, an export, a notification) is for. */
export type Audience =
  { kind: 'network_member'; memberId: string; isRisk: boolean } | { kind: 'organisation'; name: string };

/** What any outward-facing view may say about the person. */
export interface OutwardPerson {
  name: string;
  addressAs: string | null;
  /** Null whenever the details must not leave: restricted, or the audience is a risk to the person. */
  contact: { address: string | null; phone: string | null; email: string | null } | null;
}

/**
 * The one door through which the person's details reach anything Rapport sends or shows outside the
 * staff app. Organisations have sent a victim's new address to the abuser in letters, portals and
 * notes (SECURITY.md check 13): so restricted contact details never pass here, and nothing passes
 * to someone flagged as a risk to the person — whatever the builder asks for.
 */
export function outwardPerson(
  person: Pick<
    Selectable<PersonTable>,
    'full_name' | 'address_as' | 'address' | 'phone' | 'email' | 'contact_details_restricted'
  >,
  audience: Audience,
): OutwardPerson {
  const audienceIsRisk = audience.kind === 'network_member' && audience.isRisk;
  const mayCarryContact = !person.contact_details_restricted && !audienceIsRisk;
  return {
    name: person.full_name,
    addressAs: person.address_as,
    contact: mayCarryContact ? { address: person.address, phone: person.phone, email: person.email } : null,
  };
}
