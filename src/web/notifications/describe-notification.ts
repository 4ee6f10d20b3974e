import type { Notification } from '../../domain/notifications.js';
import { daysBetween } from '../ui/local-time';

/** The sentence keys of notifications.kinds (i18n); `Outside` when the record is out of reach. */
type KindKey =
  | 'breakGlass'
  | 'breakGlassOutsideTeams'
  | 'promiseDue'
  | 'promiseDueOutside'
  | 'promiseOverdue'
  | 'promiseOverdueOutside'
  | 'checkinOverdue'
  | 'checkinOverdueOutside'
  | 'dateComingUp'
  | 'dateComingUpOutside'
  | 'checkinPrompt'
  | 'checkinPromptOutside'
  | 'checkinSignal'
  | 'checkinSignalOutside';

export interface NotificationView {
  key: KindKey;
  /** Days from today to the date it is about (negative: past); null when there is none. */
  daysFromToday: number | null;
  /** What it is about, in words (the promise, the thing to remember, the rhythm). */
  about: string | null;
  /** Where "Open" goes: the part of the record it is about, or null when the reader may not open it. */
  link: string | null;
  /** True for reminders (as opposed to an alert about someone else's access). */
  reminder: boolean;
}

/**
 * How one notification reads: which sentence, about what, and where it leads. A reminder names
 * the person and what it is about only when the reader may open the record (the server sends
 * neither otherwise), so the sentence never guesses.
 */
export function describeNotification(notification: Notification, today: string): NotificationView {
  const person = notification.person;
  const daysFromToday = notification.dueOn ? daysBetween(today, notification.dueOn) : null;
  const base = { daysFromToday, about: person ? notification.about : null };
  switch (notification.kind) {
    case 'break_glass':
      return {
        key: person ? 'breakGlass' : 'breakGlassOutsideTeams',
        daysFromToday: null,
        about: null,
        link: person ? `/people/${person.id}` : null,
        reminder: false,
      };
    case 'promise_due':
      return {
        ...base,
        key: person ? 'promiseDue' : 'promiseDueOutside',
        link: person ? `/people/${person.id}/promises` : null,
        reminder: true,
      };
    case 'promise_overdue':
      return {
        ...base,
        key: person ? 'promiseOverdue' : 'promiseOverdueOutside',
        link: person ? `/people/${person.id}/promises` : null,
        reminder: true,
      };
    case 'checkin_overdue':
      return {
        ...base,
        key: person ? 'checkinOverdue' : 'checkinOverdueOutside',
        link: person ? `/people/${person.id}/promises` : null,
        reminder: true,
      };
    case 'date_coming_up':
      return {
        ...base,
        key: person ? 'dateComingUp' : 'dateComingUpOutside',
        link: person ? `/people/${person.id}/what-matters` : null,
        reminder: true,
      };
    // The person's own check-in raised something: a prompt to the practitioner, a signal to the
    // supervisor. Never a judgement; no date to count from.
    case 'checkin_prompt':
      return {
        daysFromToday: null,
        about: person ? notification.about : null,
        key: person ? 'checkinPrompt' : 'checkinPromptOutside',
        link: person ? `/people/${person.id}` : null,
        reminder: false,
      };
    case 'checkin_signal':
      return {
        daysFromToday: null,
        about: person ? notification.about : null,
        key: person ? 'checkinSignal' : 'checkinSignalOutside',
        link: person ? `/people/${person.id}` : null,
        reminder: false,
      };
  }
}
