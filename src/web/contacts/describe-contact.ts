import type { TFunction } from 'i18next';
import { ON_TIME_MINUTES, type Contact } from '../../domain/contacts.js';

/** A length of time in words: "45 minutes", "1 hour 20 minutes", "2 days 3 hours". */
export function describeDuration(t: TFunction, totalMinutes: number): string {
  const minutes = Math.abs(Math.round(totalMinutes));
  if (minutes < 60) {
    return t('contacts.duration.minutes', { count: minutes });
  }
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    const first = t('contacts.duration.hours', { count: hours });
    return rest === 0
      ? first
      : t('contacts.duration.join', { first, second: t('contacts.duration.minutes', { count: rest }) });
  }
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const first = t('contacts.duration.days', { count: days });
  return hours === 0
    ? first
    : t('contacts.duration.join', { first, second: t('contacts.duration.hours', { count: hours }) });
}

/**
 * What the times say, in words a practitioner reads at a glance: punctuality against the plan,
 * the length against what was agreed, and — for contacts the person started — how long they waited.
 */
export function describeMeasures(t: TFunction, contact: Pick<Contact, 'measures' | 'initiatedBy' | 'receivedAt'>) {
  const { minutesLate, overrunMinutes, responseMinutes } = contact.measures;
  const lines: string[] = [];
  if (minutesLate !== null) {
    if (minutesLate <= 0) {
      lines.push(
        minutesLate < -5
          ? t('contacts.measures.early', { duration: describeDuration(t, minutesLate) })
          : t('contacts.measures.onTime'),
      );
    } else if (minutesLate <= ON_TIME_MINUTES) {
      lines.push(t('contacts.measures.onTimeLate', { count: minutesLate }));
    } else {
      lines.push(t('contacts.measures.late', { duration: describeDuration(t, minutesLate) }));
    }
  }
  if (overrunMinutes !== null) {
    lines.push(
      overrunMinutes > 0
        ? t('contacts.measures.overrun', { duration: describeDuration(t, overrunMinutes) })
        : overrunMinutes < 0
          ? t('contacts.measures.short', { duration: describeDuration(t, overrunMinutes) })
          : t('contacts.measures.asAgreed'),
    );
  }
  if (contact.initiatedBy === 'person' && contact.receivedAt) {
    lines.push(
      responseMinutes === null
        ? t('contacts.measures.notAnswered')
        : responseMinutes < 1
          ? t('contacts.measures.answeredAtOnce')
          : t('contacts.measures.answered', { duration: describeDuration(t, responseMinutes) }),
    );
  }
  return lines;
}

/** When the contact happened (or is planned, or came in): the time to show it by. */
export function contactTime(contact: Pick<Contact, 'actualStart' | 'plannedStart' | 'receivedAt' | 'createdAt'>) {
  return contact.actualStart ?? contact.receivedAt ?? contact.plannedStart ?? contact.createdAt;
}

/**
 * Where the note stands: none yet; written but not signed off (it can still change); or signed off.
 * A correction is a new version, itself signed off in its turn.
 */
export function noteState(contact: Pick<Contact, 'notes'>): 'none' | 'open' | 'signed' {
  const latest = contact.notes.at(-1);
  if (!latest) {
    return 'none';
  }
  return latest.signedOffAt ? 'signed' : 'open';
}
