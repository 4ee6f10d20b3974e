import { outstanding, type Commitment } from '../../domain/commitments.js';
import { daysBetween } from '../ui/local-time';

/**
 * The order a tired practitioner needs: what is overdue first (longest overdue at the top), then
 * what is still owed (soonest first), then what is finished (most recent first).
 */
export function ledgerOrder<Item extends Pick<Commitment, 'status' | 'dueOn' | 'overdue'>>(items: Item[]): Item[] {
  const rank = (item: Item) => (item.overdue ? 0 : outstanding(item.status) ? 1 : 2);
  return [...items].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) {
      return byRank;
    }
    const byDate = a.dueOn.localeCompare(b.dueOn);
    return rank(a) === 2 ? -byDate : byDate;
  });
}

/**
 * Both ways: what we (practitioners) promised, and what the person, their family or other
 * professionals promised — each in ledger order.
 */
export function splitLedger<Item extends Pick<Commitment, 'by' | 'status' | 'dueOn' | 'overdue'>>(
  items: Item[],
): { ours: Item[]; theirs: Item[] } {
  const ordered = ledgerOrder(items);
  return {
    ours: ordered.filter((item) => item.by.kind === 'practitioner'),
    theirs: ordered.filter((item) => item.by.kind !== 'practitioner'),
  };
}

export type PromiseTone = 'overdue' | Commitment['status'];

/** How a promise shows at a glance: overdue outranks its status; days late counted from today. */
export function promiseTone(
  item: Pick<Commitment, 'status' | 'dueOn' | 'overdue'>,
  today: string,
): { tone: PromiseTone; daysOverdue: number } {
  if (item.overdue) {
    return { tone: 'overdue', daysOverdue: Math.max(1, daysBetween(item.dueOn, today)) };
  }
  return { tone: item.status, daysOverdue: 0 };
}

/** A sentence starts with a capital, whoever promised ("you promised" → "You promised"). */
export function capitalise(text: string, locale?: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
