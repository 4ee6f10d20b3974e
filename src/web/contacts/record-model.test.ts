import { describe, expect, it } from 'vitest';
import type { Contact } from '../../domain/contacts.js';
import { emptyPromiseRow } from '../commitments/promise-row';
import { toLocalInput } from '../ui/local-time';
import {
  changesFrom,
  draftBody,
  errorsByField,
  fieldsOf,
  fieldsOfBody,
  fieldsOfContact,
  finalBody,
  initialValues,
  isMeaningful,
  minutesOf,
  valuesFromDraft,
} from './record-model';

const now = new Date('2026-11-20T15:30:00Z');
const member = '5f864d32-a0e2-4a64-aa8e-64f77e67ef8a';
const minutesAgo = (minutes: number, from = now) => new Date(from.getTime() - minutes * 60_000);
const earlier = (minutes: number) => toLocalInput(minutesAgo(minutes));

describe('recording a contact', () => {
  it('starts as a home visit that happened now, and is a draft only once something is written', () => {
    const values = initialValues(now);
    expect(values).toMatchObject({ kind: 'home_visit', outcome: 'made', actualStart: toLocalInput(now) });
    expect(isMeaningful(values)).toBe(false);
    expect(isMeaningful({ ...values, note: 'Talked about college' })).toBe(true);
  });

  it('reads a length as whole minutes, up to twelve hours', () => {
    expect(minutesOf(' 45 ')).toBe(45);
    expect(minutesOf('720')).toBe(720);
    expect(minutesOf('721')).toBeNull();
    expect(minutesOf('0')).toBeNull();
    expect(minutesOf('1.5')).toBeNull();
    expect(minutesOf('an hour')).toBeNull();
  });

  it('turns the start and length into the times the API takes, for the outcome chosen', () => {
    const values = {
      ...initialValues(now),
      actualStart: earlier(60),
      actualMinutes: '50',
      plannedStart: earlier(70),
      plannedMinutes: '45',
    };
    const fields = fieldsOf(values);
    expect(fields.actualStart).toBe(minutesAgo(60).toISOString());
    expect(fields.actualEnd).toBe(minutesAgo(10).toISOString());
    expect(fields.plannedStart).toBeNull(); // not ticked: no plan sent
    const withPlan = fieldsOf({ ...values, plannedKnown: true });
    expect(withPlan.plannedStart).toBe(minutesAgo(70).toISOString());
    expect(withPlan.plannedEnd).toBe(minutesAgo(25).toISOString());
    const planned = fieldsOf({ ...values, outcome: 'planned' });
    expect(planned.actualStart).toBeNull();
    expect(planned.plannedStart).not.toBeNull();
    // An attempt, a message, a letter: no length.
    expect(fieldsOf({ ...values, outcome: 'attempted' }).actualEnd).toBeNull();
    expect(fieldsOf({ ...values, kind: 'message' }).actualEnd).toBeNull();
  });

  it('counts a call as theirs only when they started it, and never a home visit', () => {
    const values = { ...initialValues(now), theyStarted: true, receivedAt: earlier(90), answeredAt: earlier(60) };
    expect(fieldsOf(values)).toMatchObject({ initiatedBy: 'practitioner', receivedAt: null });
    expect(fieldsOf({ ...values, kind: 'phone' })).toMatchObject({
      initiatedBy: 'person',
      receivedAt: minutesAgo(90).toISOString(),
      answeredAt: minutesAgo(60).toISOString(),
    });
  });

  it('leaves half-typed or impossible times out of a draft rather than failing to save it', () => {
    const values = { ...initialValues(now), note: 'Notes so far', actualStart: earlier(30), actualMinutes: '800' };
    const body = draftBody(values);
    expect(body).toMatchObject({ kind: 'home_visit', status: 'draft', note: 'Notes so far' });
    expect(body.actualEnd).toBeUndefined();
    const halfTyped = draftBody({ ...values, actualStart: '2026-11-2', actualMinutes: '' });
    expect(halfTyped).toEqual({ kind: 'home_visit', status: 'draft', note: 'Notes so far' });
  });

  it('checks the recorded contact with the server’s schema, a promise’s problems staying with its row', () => {
    const row = { ...emptyPromiseRow('row-1'), what: 'Ring the college', dueOn: '2020-01-01' };
    const result = finalBody({ ...initialValues(new Date()), actualMinutes: 'an hour' }, [row]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.actualMinutes).toMatch(/whole minutes/);
      expect(result.errors['promises.row-1.dueOn']).toBe('A promise cannot be due in the past');
    }
    const fine = finalBody({ ...initialValues(new Date()), note: 'Went well' }, []);
    expect(fine.ok && fine.body).toMatchObject({ kind: 'home_visit', status: 'made', note: 'Went well' });
  });

  it('says at the start, not the length, when a visit recorded "now" would end in the future', () => {
    const result = finalBody({ ...initialValues(new Date()), actualMinutes: '60' }, []);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.actualStart).toMatch(/set when it started/);
      expect(result.errors.actualMinutes).toBeUndefined();
    }
  });

  it('puts the server’s problems on the fields the form shows', () => {
    const row = emptyPromiseRow('row-1');
    const errors = errorsByField(
      [
        { path: ['actualEnd'], message: 'A contact lasts at most 12 hours' },
        { path: ['initiatedBy'], message: 'Only a contact the person started has a time it came in' },
        { path: ['promises', '0', 'by', 'name'], message: 'Name them' },
        { path: ['promises', '3', 'what'], message: 'Lost row' },
      ],
      [row],
    );
    expect(errors).toEqual({
      actualMinutes: 'A contact lasts at most 12 hours',
      receivedAt: 'Only a contact the person started has a time it came in',
      'promises.row-1.byName': 'Name them',
      form: 'Lost row',
    });
  });

  it('sends only what changed since the server’s copy', () => {
    const body = draftBody({ ...initialValues(now), note: 'x', participantIds: [member] });
    const saved = fieldsOfBody(body);
    expect(changesFrom(saved, saved)).toEqual({});
    const wanted = fieldsOf({ ...initialValues(now), kind: 'phone', place: 'By phone', participantIds: [] });
    expect(changesFrom(saved, wanted)).toEqual({ kind: 'phone', place: 'By phone', participantIds: [] });
  });

  it('carries on from a draft kept on the server', () => {
    const draft = {
      kind: 'video',
      initiatedBy: 'practitioner',
      plannedStart: null,
      plannedEnd: null,
      actualStart: '2026-11-20T14:00:00.000Z',
      actualEnd: '2026-11-20T14:40:00.000Z',
      receivedAt: null,
      answeredAt: null,
      place: 'Online',
      participants: [{ memberId: member, name: 'Amina' }],
      notes: [{ text: 'First thoughts' }],
    } as unknown as Contact;
    const values = valuesFromDraft(draft, now);
    expect(values).toMatchObject({
      kind: 'video',
      outcome: 'made',
      place: 'Online',
      note: 'First thoughts',
      actualMinutes: '40',
    });
    expect(values.participantIds).toEqual([member]);
    expect(changesFrom(fieldsOfContact(draft), fieldsOf(values))).toEqual({});
  });
});
