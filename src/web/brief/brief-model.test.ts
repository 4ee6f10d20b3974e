import { describe, expect, it } from 'vitest';
import type { Brief } from '../../domain/brief.js';
import { dueState, hasAddressFacts, noteExcerpt, orderThings, overdueFirst, rememberWhen } from './brief-model';

type Thing = Brief['thingsToRemember'][number];
type OpenPromise = Brief['promises']['byUs'][number];

const thing = (text: string, daysAway: number | null): Thing => ({
  id: crypto.randomUUID(),
  text,
  onDate: daysAway === null ? null : '2026-12-01',
  everyYear: false,
  daysAway,
});

const promise = (what: string, dueOn: string, overdue: boolean) => ({ what, dueOn, overdue }) as OpenPromise;

const person: Brief['person'] = {
  id: crypto.randomUUID(),
  fullName: 'Amara Okonkwo',
  addressAs: null,
  pronouns: null,
  preferredLanguage: null,
  interpreterNeeded: false,
  interpreterLanguage: null,
  preferredChannels: [],
  bestTimes: null,
  communicationToAvoid: null,
  accessibilityNeeds: null,
};

describe('the pre-visit brief', () => {
  it('says where a due date stands: overdue by how long, today, or coming', () => {
    expect(dueState('2026-11-27', '2026-11-29')).toEqual({ kind: 'overdue', days: 2 });
    expect(dueState('2026-11-29', '2026-11-29')).toEqual({ kind: 'today' });
    // Across the end of the month and the clocks changing: whole calendar days.
    expect(dueState('2026-03-30', '2026-03-28')).toEqual({ kind: 'coming', days: 2 });
  });

  it('puts coming dates first, soonest first, then undated things, then dates already past', () => {
    const ordered = orderThings([
      thing('Old court date', -10),
      thing('Has a dog called Biscuit', null),
      thing('Birthday', 40),
      thing('Exam results', 3),
    ]);
    expect(ordered.map((item) => item.text)).toEqual([
      'Exam results',
      'Birthday',
      'Has a dog called Biscuit',
      'Old court date',
    ]);
    expect(ordered.map(rememberWhen)).toEqual(['soon', 'coming', 'undated', 'past']);
  });

  it('lists overdue promises first, then by the date they are due', () => {
    const ordered = overdueFirst([
      promise('Send the form', '2026-12-10', false),
      promise('Ring the college', '2026-11-20', true),
      promise('Book the dentist', '2026-12-02', false),
      promise('Chase the housing officer', '2026-11-01', true),
    ]);
    expect(ordered.map((item) => item.what)).toEqual([
      'Chase the housing officer',
      'Ring the college',
      'Book the dentist',
      'Send the form',
    ]);
  });

  it('shows how to address the person only when something about it is recorded', () => {
    expect(hasAddressFacts(person)).toBe(false);
    expect(hasAddressFacts({ ...person, pronouns: 'she/her' })).toBe(true);
    expect(hasAddressFacts({ ...person, interpreterNeeded: true })).toBe(true);
    expect(hasAddressFacts({ ...person, preferredChannels: ['phone'] })).toBe(true);
  });

  it('shortens a long note at a word, and leaves a short one whole', () => {
    expect(noteExcerpt('  Quiet visit.  ')).toEqual({ text: 'Quiet visit.', shortened: false });
    const long = `${'word '.repeat(200)}end`;
    const excerpt = noteExcerpt(long, 100);
    expect(excerpt.shortened).toBe(true);
    expect(excerpt.text.endsWith('word…')).toBe(true);
    expect(excerpt.text.length).toBeLessThanOrEqual(101);
  });
});
