import { describe, expect, it } from 'vitest';
import { allowedContactChange, contactMeasures, newContact } from './contacts.js';

const none = {
  plannedStart: null,
  plannedEnd: null,
  actualStart: null,
  actualEnd: null,
  receivedAt: null,
  answeredAt: null,
};

describe('what a contact’s times say', () => {
  it.each([
    { case: 'on the dot', planned: '10:00', actual: '10:00', late: 0, onTime: true },
    { case: 'ten minutes late still counts as on time', planned: '10:00', actual: '10:10', late: 10, onTime: true },
    { case: 'eleven minutes late does not', planned: '10:00', actual: '10:11', late: 11, onTime: false },
    { case: 'early is on time', planned: '10:00', actual: '09:50', late: -10, onTime: true },
  ])('punctuality: $case', ({ planned, actual, late, onTime }) => {
    const measures = contactMeasures({
      ...none,
      plannedStart: `2026-06-10T${planned}:00Z`,
      actualStart: `2026-06-10T${actual}:00Z`,
    });
    expect(measures).toMatchObject({ minutesLate: late, startedOnTime: onTime });
  });

  it('overrun: the actual length against the agreed length', () => {
    const times = {
      ...none,
      plannedStart: '2026-06-10T10:00:00Z',
      plannedEnd: '2026-06-10T11:00:00Z',
      actualStart: '2026-06-10T10:05:00Z',
      actualEnd: '2026-06-10T11:20:00Z',
    };
    expect(contactMeasures(times).overrunMinutes).toBe(15);
    expect(contactMeasures({ ...times, actualEnd: '2026-06-10T10:50:00Z' }).overrunMinutes).toBe(-15);
    expect(contactMeasures({ ...times, plannedEnd: null }).overrunMinutes).toBeNull();
  });

  it('responsiveness: how long the person waited for an answer', () => {
    expect(
      contactMeasures({ ...none, receivedAt: '2026-06-10T09:12:00Z', answeredAt: '2026-06-10T13:42:00Z' })
        .responseMinutes,
    ).toBe(270);
    expect(contactMeasures({ ...none, receivedAt: '2026-06-10T09:12:00Z' }).responseMinutes).toBeNull();
  });
});

describe('recording a contact', () => {
  const fields = (value: object) =>
    (newContact.safeParse(value).error?.issues ?? []).map((issue) => issue.path.join('.'));

  it('needs only its kind and a time', () => {
    expect(
      newContact.safeParse({ kind: 'home_visit', status: 'made', actualStart: '2026-01-10T10:00:00Z' }).success,
    ).toBe(true);
    expect(newContact.safeParse({ kind: 'home_visit', status: 'draft' }).success).toBe(true);
    expect(fields({ kind: 'home_visit', status: 'made' })).toContain('actualStart');
    expect(fields({ kind: 'home_visit', status: 'planned' })).toContain('plannedStart');
  });

  it('refuses a contact that ends before it starts, or an answer before the call', () => {
    expect(
      fields({
        kind: 'office',
        status: 'made',
        actualStart: '2026-01-10T10:00:00Z',
        actualEnd: '2026-01-10T09:00:00Z',
      }),
    ).toContain('actualEnd');
    expect(
      fields({
        kind: 'phone',
        status: 'made',
        initiatedBy: 'person',
        receivedAt: '2026-01-10T10:00:00Z',
        answeredAt: '2026-01-10T09:00:00Z',
      }),
    ).toContain('answeredAt');
    expect(fields({ kind: 'phone', status: 'made', actualStart: '2999-01-10T10:00:00Z' })).toContain('actualStart');
    expect(fields({ kind: 'carrier_pigeon', status: 'made', actualStart: '2026-01-10T10:00:00Z' })).toContain('kind');
  });

  it('moves a contact only along its life: draft → planned → made; nothing after made or cancelled', () => {
    expect(allowedContactChange('draft', 'made')).toBe(true);
    expect(allowedContactChange('planned', 'cancelled')).toBe(true);
    expect(allowedContactChange('attempted', 'made')).toBe(true);
    expect(allowedContactChange('made', 'planned')).toBe(false);
    expect(allowedContactChange('cancelled', 'made')).toBe(false);
    expect(allowedContactChange('made', 'made')).toBe(true);
  });
});
