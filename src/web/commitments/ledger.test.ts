import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../domain/commitments.js';
import { capitalise, ledgerOrder, promiseTone, splitLedger } from './ledger';

type Item = Pick<Commitment, 'by' | 'status' | 'dueOn' | 'overdue'> & { what: string };

const you = { kind: 'practitioner' as const, id: null, name: 'you' };
const leah = { kind: 'person' as const, id: null, name: 'Leah' };

function promise(what: string, changes: Partial<Item>): Item {
  return { what, by: you, status: 'open', dueOn: '2026-12-01', overdue: false, ...changes };
}

describe('the promises ledger', () => {
  // Sam opens Leah's promises on 29 November: two are past their date, two still to come, two done.
  const items = [
    promise('Kept long ago', { status: 'kept', dueOn: '2026-09-01' }),
    promise('Due next week', { dueOn: '2026-12-06' }),
    promise('A week late', { dueOn: '2026-11-22', overdue: true }),
    promise('Kept last week', { status: 'kept_late', dueOn: '2026-11-20' }),
    promise('Moved to Monday', { status: 'renegotiated', dueOn: '2026-12-01' }),
    promise('Two days late', { by: leah, dueOn: '2026-11-27', overdue: true }),
  ];

  it('puts what is overdue first, longest overdue at the top, then what is owed, then what is finished', () => {
    expect(ledgerOrder(items).map((item) => item.what)).toEqual([
      'A week late',
      'Two days late',
      'Moved to Monday',
      'Due next week',
      'Kept last week',
      'Kept long ago',
    ]);
  });

  it('shows both ways: what we promised, and what the person and others promised', () => {
    const { ours, theirs } = splitLedger(items);
    expect(ours.map((item) => item.what)).toEqual([
      'A week late',
      'Moved to Monday',
      'Due next week',
      'Kept last week',
      'Kept long ago',
    ]);
    expect(theirs.map((item) => item.what)).toEqual(['Two days late']);
  });

  it('does not change the list it was given', () => {
    const copy = [...items];
    ledgerOrder(items);
    expect(items).toEqual(copy);
  });

  it('counts the days a promise is past its date; otherwise shows its status', () => {
    expect(promiseTone(items[2]!, '2026-11-29')).toEqual({ tone: 'overdue', daysOverdue: 7 });
    expect(promiseTone(items[4]!, '2026-11-29')).toEqual({ tone: 'renegotiated', daysOverdue: 0 });
    expect(promiseTone(items[3]!, '2026-11-29')).toEqual({ tone: 'kept_late', daysOverdue: 0 });
    // The server said overdue, by its own calendar: never "overdue by 0 days".
    expect(promiseTone(promise('Late by a whisker', { dueOn: '2026-11-29', overdue: true }), '2026-11-29')).toEqual({
      tone: 'overdue',
      daysOverdue: 1,
    });
  });

  it('starts a sentence with a capital, whoever promised', () => {
    expect(capitalise('you promised Leah')).toBe('You promised Leah');
    expect(capitalise('Ms Fraser promised you')).toBe('Ms Fraser promised you');
  });
});
