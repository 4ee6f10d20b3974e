import { describe, expect, it } from 'vitest';
import { applyCommitmentChange, isOverdue, newCommitment } from './commitments.js';

describe('the promise state machine', () => {
  it.each([
    { from: 'open', due: '2026-06-10', change: { kind: 'keep', keptOn: '2026-06-09' }, to: 'kept' },
    { from: 'open', due: '2026-06-10', change: { kind: 'keep', keptOn: '2026-06-10' }, to: 'kept' },
    { from: 'open', due: '2026-06-10', change: { kind: 'keep', keptOn: '2026-06-11' }, to: 'kept_late' },
    { from: 'open', due: '2026-06-10', change: { kind: 'renegotiate', newDueOn: '2026-06-20' }, to: 'renegotiated' },
    { from: 'renegotiated', due: '2026-06-20', change: { kind: 'keep', keptOn: '2026-06-15' }, to: 'kept' },
    {
      from: 'renegotiated',
      due: '2026-06-20',
      change: { kind: 'renegotiate', newDueOn: '2026-07-01' },
      to: 'renegotiated',
    },
    { from: 'open', due: '2026-06-10', change: { kind: 'not_kept' }, to: 'not_kept' },
  ] as const)('$from, then $change.kind → $to', ({ from, due, change, to }) => {
    expect(applyCommitmentChange({ status: from, dueOn: due }, change)).toMatchObject({ ok: true, status: to });
  });

  it.each(['kept', 'kept_late', 'not_kept'] as const)('refuses any change once %s', (status) => {
    for (const change of [
      { kind: 'keep', keptOn: '2026-06-01' },
      { kind: 'renegotiate', newDueOn: '2026-07-01' },
      { kind: 'not_kept' },
    ] as const) {
      expect(applyCommitmentChange({ status, dueOn: '2026-06-10' }, change).ok).toBe(false);
    }
  });

  it('refuses a renegotiation to the same date', () => {
    expect(
      applyCommitmentChange({ status: 'open', dueOn: '2026-06-10' }, { kind: 'renegotiate', newDueOn: '2026-06-10' })
        .ok,
    ).toBe(false);
  });

  it('calls a promise overdue only while it is still owed', () => {
    expect(isOverdue('open', '2026-06-10', '2026-06-11')).toBe(true);
    expect(isOverdue('renegotiated', '2026-06-10', '2026-06-10')).toBe(false);
    expect(isOverdue('kept_late', '2026-06-10', '2026-06-30')).toBe(false);
  });

  it('refuses a promise due in the past, or made to oneself', () => {
    const base = { by: { kind: 'practitioner' }, to: { kind: 'person' }, what: 'Ring the housing office' };
    expect(newCommitment.safeParse({ ...base, dueOn: '2020-01-01' }).error?.issues[0]?.path).toEqual(['dueOn']);
    expect(
      newCommitment.safeParse({ ...base, to: { kind: 'practitioner' }, dueOn: '2099-01-01' }).error?.issues[0]?.path,
    ).toEqual(['to']);
    expect(newCommitment.safeParse({ ...base, by: { kind: 'judge' }, dueOn: '2099-01-01' }).success).toBe(false);
  });
});
