import { describe, expect, it } from 'vitest';
import { everyDaysFrom, memberIdOf, presetFor, rhythmOrder, rhythmWith } from './rhythm';

describe('a check-in rhythm, as chosen', () => {
  it('offers the usual rhythms and keeps any other number of days', () => {
    expect(presetFor(14)).toBe('14');
    expect(presetFor(10)).toBe('other');
    expect(presetFor(null)).toBe('other');
    expect(everyDaysFrom('28', '')).toBe(28);
    expect(everyDaysFrom('other', ' 10 ')).toBe(10);
    // Not a whole number: the schema will say what is wrong.
    expect(everyDaysFrom('other', '2.5')).toBeNull();
    expect(everyDaysFrom('other', '')).toBeNull();
  });

  it('is with the person, or with one member of their network', () => {
    const memberId = '5f864d32-a0e2-4a64-aa8e-64f77e67ef8a';
    expect(rhythmWith({ networkMember: null })).toBe('person');
    expect(rhythmWith({ networkMember: { id: memberId, name: 'Nan' } })).toBe(`member:${memberId}`);
    expect(memberIdOf('person')).toBeNull();
    expect(memberIdOf(`member:${memberId}`)).toBe(memberId);
  });

  it('lists the person’s own rhythm first, then the family’s by name', () => {
    const items = [
      { networkMember: { id: 'b', name: 'Uncle Tariq' } },
      { networkMember: null },
      { networkMember: { id: 'a', name: 'Amina' } },
    ];
    expect(rhythmOrder(items).map((item) => item.networkMember?.name ?? 'the person')).toEqual([
      'the person',
      'Amina',
      'Uncle Tariq',
    ]);
  });
});
