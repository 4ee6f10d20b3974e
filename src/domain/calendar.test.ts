import { describe, expect, it } from 'vitest';
import { calendarTokenParams, initials } from './calendar.js';

describe('initials', () => {
  it.each([
    ['Leah Fraser', 'L.F.'],
    ['Amara', 'A.'],
    ['  mary  anne   de la cruz ', 'M.C.'],
    ["O'Neill, Siobhán", 'O.S.'],
    ['Ömer Çelik', 'Ö.Ç.'],
    ['Łukasz ŻUK', 'Ł.Ż.'],
    ['', ''],
    ['— —', ''],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('calendar token', () => {
  it('is 43 base64url characters and nothing else', () => {
    expect(calendarTokenParams.safeParse({ token: 'a'.repeat(43) }).success).toBe(true);
    expect(calendarTokenParams.safeParse({ token: 'a'.repeat(42) }).success).toBe(false);
    expect(calendarTokenParams.safeParse({ token: `${'a'.repeat(42)}/` }).success).toBe(false);
  });
});
