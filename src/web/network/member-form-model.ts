import {
  networkMemberUpdate,
  newNetworkMember,
  type NetworkMember,
  type NetworkMemberUpdate,
  type NewNetworkMember,
} from '../../domain/network.js';
import { changedKeys, fieldErrors } from '../ui/stale-edit';

/** A tie as the add/edit dialog holds it. */
export interface MemberFormValues {
  [key: string]: string | boolean;
  name: string;
  relationship: string;
  sector: string;
  strength: string;
  support: string;
  contactFrequency: string;
  phone: string;
  email: string;
  address: string;
  contactRestricted: boolean;
  isRisk: boolean;
  riskNote: string;
  linkedPersonId: string;
  notes: string;
  startedOn: string;
}

export type MemberField = keyof MemberFormValues & string;
const contactKeys = ['phone', 'email', 'address', 'contactRestricted'];
/** Choices and dates that are cleared with null rather than empty text. */
const nullWhenEmpty = ['contactFrequency', 'linkedPersonId', 'startedOn'];

export function toMemberValues(member: NetworkMember | null): MemberFormValues {
  return {
    name: member?.name ?? '',
    relationship: member?.relationship ?? '',
    sector: member?.sector ?? '',
    strength: member?.strength ?? '',
    support: member?.support ?? '',
    contactFrequency: member?.contactFrequency ?? '',
    phone: member?.contact.phone ?? '',
    email: member?.contact.email ?? '',
    address: member?.contact.address ?? '',
    contactRestricted: member?.contact.restricted ?? false,
    isRisk: member?.isRisk ?? false,
    riskNote: member?.riskNote ?? '',
    linkedPersonId: member?.linkedPerson?.id ?? '',
    notes: member?.notes ?? '',
    startedOn: member?.startedOn ?? '',
  };
}

type Result<T> = { ok: true; value: T; count: number } | { ok: false; errors: Record<string, string> };

/** A new tie: blank optional fields are left out; checked with the server's schema. */
export function newMemberFrom(values: MemberFormValues): Result<NewNetworkMember> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.trim() === '') {
      continue;
    }
    if (key === 'riskNote' && !values.isRisk) {
      continue;
    }
    body[key] = value;
  }
  const parsed = newNetworkMember.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data, count: Object.keys(body).length }
    : { ok: false, errors: fieldErrors(parsed.error) };
}

/**
 * An edit: only what changed. Contact details the reader may not change are left out, and so is a
 * risk note once the risk flag is lifted (the server clears it).
 */
export function memberChanges(
  started: MemberFormValues,
  values: MemberFormValues,
  options: { contactEditable: boolean },
): Result<NetworkMemberUpdate> {
  const changes: Record<string, unknown> = {};
  for (const key of changedKeys(started, values)) {
    if (!options.contactEditable && contactKeys.includes(key)) {
      continue;
    }
    const value = values[key];
    changes[key] = nullWhenEmpty.includes(key) && value === '' ? null : value;
  }
  if (!values.isRisk) {
    delete changes.riskNote;
  }
  const parsed = networkMemberUpdate.safeParse(changes);
  return parsed.success
    ? { ok: true, value: parsed.data, count: Object.keys(changes).length }
    : { ok: false, errors: fieldErrors(parsed.error) };
}
