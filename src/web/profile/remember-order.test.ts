import { describe, expect, it } from 'vitest';
import type { ProfileItem } from '../../domain/profile.js';
import { nextOccurrence, orderThingsToRemember } from './remember-order';

let counter = 0;
function item(text: string, onDate: string | null, everyYear = false, recordedAt = '2026-01-01T09:00:00.000Z') {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    kind: 'to_remember',
    text,
    saidBy: null,
    saidOn: null,
    onDate,
    everyYear,
    recordedBy: { id: '00000000-0000-4000-8000-000000000000', displayName: 'Sam Taylor' },
    recordedAt,
    archivedAt: null,
  } satisfies ProfileItem;
}

describe('things to remember', () => {
  const today = '2026-11-29';

  it('puts dates still to come first, soonest first, with birthdays every year', () => {
    const ordered = orderThingsToRemember(
      [
        item('Dog is called Biscuit', null),
        item('Court date', '2026-12-10'),
        item('Birthday', '2011-12-02', true),
        item('Exam', '2026-11-01'),
        item('Mum’s birthday', '1980-03-14', true),
      ],
      today,
    );
    expect(ordered.map((entry) => entry.item.text)).toEqual([
      'Birthday',
      'Court date',
      'Mum’s birthday',
      'Dog is called Biscuit',
      'Exam',
    ]);
    expect(ordered[0]).toMatchObject({ next: '2026-12-02', daysAway: 3 });
    expect(ordered[2]).toMatchObject({ next: '2027-03-14' });
    expect(ordered[4]).toMatchObject({ daysAway: -28 });
  });

  it('counts today as still to come, and 29 February on 28 February in other years', () => {
    expect(nextOccurrence({ onDate: '2000-11-29', everyYear: true }, today)).toBe('2026-11-29');
    expect(nextOccurrence({ onDate: '2008-02-29', everyYear: true }, today)).toBe('2027-02-28');
    expect(nextOccurrence({ onDate: '2008-02-29', everyYear: true }, '2028-01-10')).toBe('2028-02-29');
  });
});
