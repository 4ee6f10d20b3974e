import { describe, expect, it } from 'vitest';
import { emptyPromiseRow, promiseFromRow, rowField, withParty } from './promise-row';

describe('a promise row', () => {
  it('defaults to a promise from you to the person', () => {
    const row = { ...emptyPromiseRow('a'), what: 'Ring the housing officer', dueOn: '2026-12-04' };
    expect(promiseFromRow(row)).toEqual({
      by: { kind: 'practitioner' },
      to: { kind: 'person' },
      what: 'Ring the housing officer',
      dueOn: '2026-12-04',
    });
  });

  it('names network members and other professionals', () => {
    const row = { ...emptyPromiseRow('a'), by: 'member:5f864d32-a0e2-4a64-aa8e-64f77e67ef8a' as const };
    expect(promiseFromRow(row).by).toEqual({
      kind: 'network_member',
      memberId: '5f864d32-a0e2-4a64-aa8e-64f77e67ef8a',
    });
    expect(promiseFromRow({ ...row, to: 'other', toName: 'Dr Patel' }).to).toEqual({
      kind: 'other_professional',
      name: 'Dr Patel',
    });
  });

  it('keeps the two sides different', () => {
    const row = emptyPromiseRow('a');
    expect(withParty(row, 'by', 'person')).toMatchObject({ by: 'person', to: 'you' });
    expect(withParty(row, 'to', 'you')).toMatchObject({ by: 'person', to: 'you' });
    expect(withParty(row, 'by', 'member:x')).toMatchObject({ by: 'member:x', to: 'you' });
    expect(withParty({ ...row, by: 'person', to: 'you' }, 'by', 'you')).toMatchObject({ by: 'you', to: 'person' });
  });

  it('maps problem paths to fields', () => {
    expect(rowField(['by', 'name'])).toBe('byName');
    expect(rowField(['to'])).toBe('to');
    expect(rowField(['by', 'memberId'])).toBe('by');
    expect(rowField(['dueOn'])).toBe('dueOn');
    expect(rowField(['madeInContactId'])).toBeNull();
  });
});
