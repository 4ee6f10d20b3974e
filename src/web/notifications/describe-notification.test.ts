import { describe, expect, it } from 'vitest';
import type { Notification } from '../../domain/notifications.js';
import { describeNotification } from './describe-notification';

const leah = { id: '0b6c3c1e-8a4e-4a57-9d55-4b2f8c1e2a10', fullName: 'Leah Fraser' };

function reminder(changes: Partial<Notification>): Notification {
  return {
    id: '5f864d32-a0e2-4a64-aa8e-64f77e67ef8a',
    kind: 'promise_due',
    createdAt: '2026-11-29T07:00:00.000Z',
    read: false,
    actor: null,
    person: leah,
    reason: null,
    expiresAt: null,
    about: 'Ring the housing officer about the repair',
    dueOn: '2026-11-30',
    ...changes,
  };
}

describe('how a notification reads', () => {
  it('says a promise is due tomorrow, what it is, and leads to the person’s promises', () => {
    expect(describeNotification(reminder({}), '2026-11-29')).toEqual({
      key: 'promiseDue',
      daysFromToday: 1,
      about: 'Ring the housing officer about the repair',
      link: `/people/${leah.id}/promises`,
      reminder: true,
    });
  });

  it('counts an overdue promise and a missed check-in in days past', () => {
    const overdue = describeNotification(reminder({ kind: 'promise_overdue', dueOn: '2026-11-26' }), '2026-11-29');
    expect(overdue).toMatchObject({ key: 'promiseOverdue', daysFromToday: -3 });
    const checkin = describeNotification(
      reminder({ kind: 'checkin_overdue', about: 'every 14 days', dueOn: '2026-11-28' }),
      '2026-11-29',
    );
    expect(checkin).toMatchObject({ key: 'checkinOverdue', daysFromToday: -1, about: 'every 14 days' });
    expect(checkin.link).toBe(`/people/${leah.id}/promises`);
  });

  it('brings a date to remember to what matters to the person', () => {
    const coming = describeNotification(
      reminder({ kind: 'date_coming_up', about: 'Her mum’s anniversary', dueOn: '2026-12-01' }),
      '2026-11-29',
    );
    expect(coming).toMatchObject({ key: 'dateComingUp', daysFromToday: 2, link: `/people/${leah.id}/what-matters` });
  });

  it('names nothing and links nowhere when the record is out of reach', () => {
    // The server sends neither the person nor what it is about; the page must not guess.
    const outside = describeNotification(reminder({ person: null, about: 'should not show' }), '2026-11-29');
    expect(outside).toMatchObject({ key: 'promiseDueOutside', about: null, link: null });
  });

  it('still reads an emergency-access alert as before', () => {
    const alert = reminder({
      kind: 'break_glass',
      actor: { id: '3c1f5a6e-9b0d-4e11-8f2a-7d6c5b4a3e21', displayName: 'Alex Kowalski' },
      reason: 'Out-of-hours call',
      about: null,
      dueOn: null,
    });
    expect(describeNotification(alert, '2026-11-29')).toEqual({
      key: 'breakGlass',
      daysFromToday: null,
      about: null,
      link: `/people/${leah.id}`,
      reminder: false,
    });
    expect(describeNotification({ ...alert, person: null }, '2026-11-29')).toMatchObject({
      key: 'breakGlassOutsideTeams',
      link: null,
    });
  });

  it('a check-in that raised something prompts the practitioner and signals the supervisor, without a date', () => {
    const prompt = describeNotification(
      reminder({ kind: 'checkin_prompt', about: 'How are we working together?', dueOn: null }),
      '2026-11-29',
    );
    expect(prompt).toEqual({
      key: 'checkinPrompt',
      daysFromToday: null,
      about: 'How are we working together?',
      link: `/people/${leah.id}`,
      reminder: false,
    });
    expect(describeNotification(reminder({ kind: 'checkin_signal', dueOn: null }), '2026-11-29').key).toBe(
      'checkinSignal',
    );
    expect(
      describeNotification(reminder({ kind: 'checkin_signal', person: null, about: null, dueOn: null }), '2026-11-29'),
    ).toMatchObject({
      key: 'checkinSignalOutside',
      link: null,
    });
  });
});
