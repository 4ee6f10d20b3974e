import { useTranslation } from 'react-i18next';

/**
 * The browser's own locale when it is a variant of the interface language (en-GB for English), so
 * dates read the way the user expects; otherwise the interface language.
 */
function formattingLocale(language: string): string {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.find((locale) => locale.split('-')[0] === language.split('-')[0]) ?? language;
}

/** Dates, times and lists in the reader's locale, through Intl. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language);
  return {
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
    time: (iso: string) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso)),
    /** Whole days from today, in words: "today", "tomorrow", "in 3 days", "2 days ago". */
    relativeDays: (days: number) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day'),
    list: (items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items),
    /** A calendar date (`YYYY-MM-DD`, no time zone): a birthday, a court date. */
    calendarDate: (isoDate: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${isoDate}T00:00:00Z`),
      ),
    /** A day and month only, for something that comes round every year. */
    dayAndMonth: (isoDate: string) =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(`${isoDate}T00:00:00Z`),
      ),
  };
}

/** Whole years from a date of birth (`YYYY-MM-DD`) to `today` (`YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [birthYear, birthRest] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(5)];
  return year - birthYear - (rest < birthRest ? 1 : 0);
}
