import { describe, expect, it } from 'vitest';
import { effectiveConsent, newConsent } from './consent.js';

const decision = (
  decision: 'granted' | 'refused' | 'withdrawn',
  decidedOn: string,
  expiresOn: string | null = null,
  recordedAt = `${decidedOn}T12:00:00.000Z`,
) => ({
  decision,
  decidedOn,
  expiresOn,
  recordedAt,
});

describe('which consent decision holds', () => {
  it.each([
    { case: 'nothing asked yet', decisions: [], status: 'not_asked' },
    { case: 'a grant with no end date', decisions: [decision('granted', '2026-01-10')], status: 'granted' },
    {
      case: 'a grant ending today still holds today',
      decisions: [decision('granted', '2026-01-10', '2026-06-01')],
      status: 'granted',
    },
    {
      case: 'a grant that ended yesterday reads as expired',
      decisions: [decision('granted', '2026-01-10', '2026-05-31')],
      status: 'expired',
    },
    { case: 'a refusal', decisions: [decision('refused', '2026-02-01')], status: 'refused' },
    {
      case: 'withdrawn after a grant',
      decisions: [decision('granted', '2026-01-10'), decision('withdrawn', '2026-03-01')],
      status: 'withdrawn',
    },
    {
      case: 'granted again after a withdrawal',
      decisions: [decision('withdrawn', '2026-03-01'), decision('granted', '2026-04-01')],
      status: 'granted',
    },
    {
      case: 'two decisions on one day: the later recorded holds',
      decisions: [
        decision('granted', '2026-04-01', null, '2026-04-01T09:00:00.000Z'),
        decision('refused', '2026-04-01', null, '2026-04-01T15:00:00.000Z'),
      ],
      status: 'refused',
    },
    {
      case: 'a decision recorded late but dated earlier does not override a newer one',
      decisions: [
        decision('granted', '2026-05-01', null, '2026-05-01T10:00:00.000Z'),
        decision('refused', '2026-04-01', null, '2026-05-20T10:00:00.000Z'),
      ],
      status: 'granted',
    },
  ])('$case → $status', ({ decisions, status }) => {
    expect(effectiveConsent(decisions, '2026-06-01').status).toBe(status);
  });
});

describe('recording a decision', () => {
  const base = { purpose: 'share_updates', decision: 'granted', decidedOn: '2026-01-10', howGiven: 'in_person' };

  it('needs exactly one recipient', () => {
    expect(newConsent.safeParse(base).success).toBe(false);
    expect(
      newConsent.safeParse({
        ...base,
        recipientOrganisation: 'School',
        networkMemberId: '5f0f3e4e-2b1a-4c3d-9e8f-7a6b5c4d3e2f',
      }).success,
    ).toBe(false);
    expect(newConsent.safeParse({ ...base, recipientOrganisation: 'School' }).success).toBe(true);
  });

  it('refuses an end date before the decision, a decision in the future and an unknown purpose', () => {
    const issues = (value: object) =>
      (newConsent.safeParse(value).error?.issues ?? []).map((issue) => issue.path.join('.'));
    expect(issues({ ...base, recipientOrganisation: 'School', expiresOn: '2026-01-01' })).toContain('expiresOn');
    expect(issues({ ...base, recipientOrganisation: 'School', decidedOn: '2999-01-01' })).toContain('decidedOn');
    expect(issues({ ...base, recipientOrganisation: 'School', purpose: 'gossip' })).toContain('purpose');
    expect(issues({ ...base, recipientOrganisation: 'School', purpose: 'other' })).toContain('purposeDetail');
  });
});
