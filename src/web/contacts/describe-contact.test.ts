import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import type { NoteVersion } from '../../domain/contacts.js';
import { describeDuration, describeMeasures, noteState } from './describe-contact';

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
  t = instance.t;
});

const measures = (values: Partial<{ minutesLate: number; overrunMinutes: number; responseMinutes: number }>) => ({
  minutesLate: values.minutesLate ?? null,
  startedOnTime: values.minutesLate === undefined ? null : values.minutesLate <= 10,
  overrunMinutes: values.overrunMinutes ?? null,
  responseMinutes: values.responseMinutes ?? null,
});

describe('contact measures in words', () => {
  it('says durations as a person would', () => {
    expect(describeDuration(t, 1)).toBe('1 minute');
    expect(describeDuration(t, 45)).toBe('45 minutes');
    expect(describeDuration(t, 60)).toBe('1 hour');
    expect(describeDuration(t, 80)).toBe('1 hour 20 minutes');
    expect(describeDuration(t, 240)).toBe('4 hours');
    expect(describeDuration(t, 60 * 24 * 2 + 180)).toBe('2 days 3 hours');
    expect(describeDuration(t, -15)).toBe('15 minutes');
  });

  it('treats up to 10 minutes after the plan as on time, and says how late beyond that', () => {
    const say = (minutesLate: number) =>
      describeMeasures(t, { measures: measures({ minutesLate }), initiatedBy: 'practitioner', receivedAt: null });
    expect(say(0)).toEqual(['Started on time']);
    expect(say(-3)).toEqual(['Started on time']);
    expect(say(-20)).toEqual(['Started 20 minutes early']);
    expect(say(10)).toEqual(['Started on time (10 minutes after the plan)']);
    expect(say(11)).toEqual(['Started 11 minutes late']);
    expect(say(75)).toEqual(['Started 1 hour 15 minutes late']);
  });

  it('says overruns and early finishes', () => {
    const say = (overrunMinutes: number) =>
      describeMeasures(t, { measures: measures({ overrunMinutes }), initiatedBy: 'practitioner', receivedAt: null });
    expect(say(15)).toEqual(['Ran 15 minutes over the agreed length']);
    expect(say(-10)).toEqual(['Finished 10 minutes early']);
    expect(say(0)).toEqual(['Lasted as agreed']);
  });

  it('says how long the person waited for an answer to their own contact', () => {
    const received = '2026-11-20T09:00:00.000Z';
    expect(
      describeMeasures(t, {
        measures: measures({ responseMinutes: 240 }),
        initiatedBy: 'person',
        receivedAt: received,
      }),
    ).toEqual(['Answered after 4 hours']);
    expect(describeMeasures(t, { measures: measures({}), initiatedBy: 'person', receivedAt: received })).toEqual([
      'Not answered yet',
    ]);
  });

  it('says where the note stands: none, still open to edits, or signed off (a correction in its turn)', () => {
    const version = (signed: boolean) => ({ signedOffAt: signed ? '2026-11-20T10:00:00.000Z' : null }) as NoteVersion;
    expect(noteState({ notes: [] })).toBe('none');
    expect(noteState({ notes: [version(false)] })).toBe('open');
    expect(noteState({ notes: [version(true)] })).toBe('signed');
    expect(noteState({ notes: [version(true), version(false)] })).toBe('open');
  });
});
