import type { Consistency, Figure } from '../../domain/consistency.js';

export const figureNames = ['promisesKeptOnTime', 'visitsStartedOnTime', 'checkinsOnRhythm'] as const;
export type FigureName = (typeof figureNames)[number];

/** The i18n group of each figure (consistency.promises, .visits, .checkins). */
export const figureText = {
  promisesKeptOnTime: 'promises',
  visitsStartedOnTime: 'visits',
  checkinsOnRhythm: 'checkins',
} as const satisfies Record<FigureName, string>;

export type Behind = Figure['behind'][number];

/**
 * The records behind a figure, those that did not count first (they are what is worth talking
 * about in supervision), otherwise in the server's order.
 */
export function recordsInOrder(behind: Behind[]): Behind[] {
  return [...behind].sort((a, b) => Number(a.counts) - Number(b.counts));
}

/**
 * Where a record behind a figure opens: promises and check-in rhythms on the person's Promises
 * tab; a visit on their Contacts tab when the page has one, else their record.
 */
export function recordLink(item: Pick<Behind, 'kind' | 'personId'>, hasSection: (name: string) => boolean): string {
  const record = `/people/${item.personId}`;
  switch (item.kind) {
    case 'commitment':
    case 'cadence':
      return `${record}/promises`;
    case 'contact':
      return hasSection('contacts') ? `${record}/contacts` : record;
  }
}

/** A whole percentage for a rate, or null when there was nothing to count. */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 100);
}

export function figuresOf(consistency: Consistency): { name: FigureName; figure: Figure }[] {
  return figureNames.map((name) => ({ name, figure: consistency[name] }));
}
