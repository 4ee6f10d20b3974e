import type { TFunction } from 'i18next';
import type { FieldChange } from '../../domain/profile.js';

type Formatter = { calendarDate: (isoDate: string) => string };

const enumFields: Record<string, string> = {
  readingPreferences: 'profile.reading',
  preferredChannels: 'profile.channels',
  sector: 'network.sectors',
  strength: 'network.strength',
  support: 'network.supportShort',
  contactFrequency: 'network.frequency',
};
const dateFields = new Set(['dateOfBirth', 'startedOn', 'endedOn']);

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A stored value in words: choices by their labels, dates in the reader's format, ticks as yes/no. */
export function describeValue(t: TFunction, format: Formatter, field: string, value: unknown): string {
  if (typeof value === 'boolean') {
    return value ? t('history.yes') : t('history.no');
  }
  if (field === 'linkedPersonId') {
    return t('history.anotherPerson');
  }
  const prefix = enumFields[field];
  if (Array.isArray(value)) {
    return value.map((item) => (prefix ? t(`${prefix}.${String(item)}` as never) : String(item))).join(', ');
  }
  if (typeof value === 'string' && dateFields.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return format.calendarDate(value);
  }
  if (typeof value === 'string' && prefix) {
    return t(`${prefix}.${value}` as never);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The field's name in words; a network member's field names the member too. */
export function describeField(t: TFunction, change: FieldChange): string {
  if (change.recordType === 'network_member') {
    const field = t(`network.fields.${change.field}` as never, { defaultValue: change.field });
    return t('history.memberField', {
      field,
      member: change.recordLabel ?? t('history.someoneInNetwork'),
    });
  }
  return t(`profile.fields.${change.field}` as never, { defaultValue: change.field });
}

/** "Sam Taylor changed Preferred language from ‘English’ to ‘Polish’", restricted values hidden. */
export function describeChange(t: TFunction, format: Formatter, change: FieldChange): string {
  const who = change.changedBy.displayName ?? t('history.someone');
  const field = describeField(t, change);
  if (change.hidden) {
    return t('history.changedHidden', { who, field });
  }
  if (change.field === 'endedOn' && change.recordType === 'network_member' && !isEmpty(change.newValue)) {
    return t('history.ended', {
      who,
      member: change.recordLabel ?? t('history.someoneInNetwork'),
      date: describeValue(t, format, 'endedOn', change.newValue),
    });
  }
  const from = describeValue(t, format, change.field, change.oldValue);
  const to = describeValue(t, format, change.field, change.newValue);
  if (isEmpty(change.oldValue) && typeof change.oldValue !== 'boolean') {
    return t('history.set', { who, field, to });
  }
  if (isEmpty(change.newValue) && typeof change.newValue !== 'boolean') {
    return t('history.cleared', { who, field, from });
  }
  return t('history.changed', { who, field, from, to });
}
