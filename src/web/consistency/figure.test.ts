import { describe, expect, it } from 'vitest';
import { toFigure } from '../../domain/consistency.js';
import { percent, recordLink, recordsInOrder } from './figure';

const personId = '529191b0-b22f-465c-941e-7da94a584c2f';

describe('a consistency figure and the records behind it', () => {
  const behind = [
    { kind: 'contact' as const, id: 'a', personId, label: 'home visit on 2026-11-26', counts: true },
    { kind: 'contact' as const, id: 'b', personId, label: 'home visit on 2026-10-30', counts: false },
    { kind: 'contact' as const, id: 'c', personId, label: 'office on 2026-09-30', counts: true },
  ];

  it('shows first the records that did not count, then the rest in order', () => {
    expect(recordsInOrder(behind).map((item) => item.id)).toEqual(['b', 'a', 'c']);
  });

  it('rounds the rate to a whole percentage, and has none when nothing was counted', () => {
    expect(percent(toFigure(behind).rate)).toBe(67);
    expect(percent(toFigure([]).rate)).toBeNull();
  });

  it('opens each record where it lives on the person’s page', () => {
    const withContacts = (name: string) => name === 'contacts';
    const without = () => false;
    expect(recordLink({ kind: 'commitment', personId }, without)).toBe(`/people/${personId}/promises`);
    expect(recordLink({ kind: 'cadence', personId }, without)).toBe(`/people/${personId}/promises`);
    expect(recordLink({ kind: 'contact', personId }, withContacts)).toBe(`/people/${personId}/contacts`);
    expect(recordLink({ kind: 'contact', personId }, without)).toBe(`/people/${personId}`);
  });
});
