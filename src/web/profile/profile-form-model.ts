import type { Person } from '../../domain/people.js';
import { profileUpdate, type ProfileUpdate } from '../../domain/profile.js';
import { changedKeys, fieldErrors } from '../ui/stale-edit';

/** The profile as the edit form holds it: text for text, ticks for yes/no, lists of choices. */
export interface ProfileFormValues {
  [key: string]: string | boolean | string[];
  fullName: string;
  legalName: string;
  addressAs: string;
  pronouns: string;
  dateOfBirth: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  readingPreferences: string[];
  preferredChannels: string[];
  bestTimes: string;
  communicationToAvoid: string;
  accessibilityNeeds: string;
  cultureAndFaith: string;
  address: string;
  phone: string;
  email: string;
}

export type ProfileField = keyof ProfileFormValues & string;
export const contactFields = ['address', 'phone', 'email'] as const;

export function toFormValues(person: Person): ProfileFormValues {
  return {
    fullName: person.fullName,
    legalName: person.legalName ?? '',
    addressAs: person.addressAs ?? '',
    pronouns: person.pronouns ?? '',
    dateOfBirth: person.dateOfBirth ?? '',
    preferredLanguage: person.preferredLanguage ?? '',
    interpreterNeeded: person.interpreterNeeded,
    interpreterLanguage: person.interpreterLanguage ?? '',
    readingPreferences: [...person.readingPreferences],
    preferredChannels: [...person.preferredChannels],
    bestTimes: person.bestTimes ?? '',
    communicationToAvoid: person.communicationToAvoid ?? '',
    accessibilityNeeds: person.accessibilityNeeds ?? '',
    cultureAndFaith: person.cultureAndFaith ?? '',
    address: person.contact.address ?? '',
    phone: person.contact.phone ?? '',
    email: person.contact.email ?? '',
  };
}

/**
 * What to send: only the fields the user changed ("" clears a field), checked with the server's
 * own schema. Contact details are left out when this reader may not change them.
 */
export function profileChanges(
  started: ProfileFormValues,
  values: ProfileFormValues,
  options: { contactEditable: boolean },
): { ok: true; changes: ProfileUpdate; count: number } | { ok: false; errors: Record<string, string> } {
  const changes: Record<string, unknown> = {};
  for (const key of changedKeys(started, values)) {
    if (!options.contactEditable && (contactFields as readonly string[]).includes(key)) {
      continue;
    }
    const value = values[key];
    changes[key] = key === 'dateOfBirth' && value === '' ? null : value;
  }
  // No interpreter, no interpreter language: the server clears it itself.
  if (!values.interpreterNeeded) {
    delete changes.interpreterLanguage;
  }
  const parsed = profileUpdate.safeParse(changes);
  if (!parsed.success) {
    return { ok: false, errors: fieldErrors(parsed.error) };
  }
  return { ok: true, changes: parsed.data, count: Object.keys(changes).length };
}
