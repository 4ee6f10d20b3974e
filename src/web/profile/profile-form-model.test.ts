import { describe, expect, it } from 'vitest';
import type { Person } from '../../domain/people.js';
import { rebase } from '../ui/stale-edit';
import { profileChanges, toFormValues } from './profile-form-model';

const person: Person = {
  id: '5f0c1a43-5a5e-4a35-9a44-0d8a9b0c2e11',
  fullName: 'Amara Okonkwo',
  legalName: null,
  addressAs: 'Amara',
  pronouns: 'she/her',
  dateOfBirth: '2011-05-02',
  preferredLanguage: 'English',
  interpreterNeeded: false,
  interpreterLanguage: null,
  readingPreferences: ['plain_language'],
  preferredChannels: ['text_message', 'in_person'],
  bestTimes: null,
  communicationToAvoid: null,
  accessibilityNeeds: null,
  cultureAndFaith: null,
  restricted: false,
  contact: { restricted: false, hidden: false, address: null, phone: '07700 900123', email: null },
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  version: 3,
  allocations: [],
  access: { basis: 'allocation', expiresAt: null },
};

describe('profile edits', () => {
  it('sends only what changed, clearing with empty text', () => {
    const started = toFormValues(person);
    const result = profileChanges(
      started,
      { ...started, preferredLanguage: 'Polish', pronouns: '', preferredChannels: ['in_person', 'text_message'] },
      { contactEditable: true },
    );
    expect(result).toEqual({ ok: true, changes: { preferredLanguage: 'Polish', pronouns: null }, count: 2 });
  });

  it('checks with the server’s schema: only the name is required', () => {
    const started = toFormValues(person);
    const result = profileChanges(
      started,
      { ...started, fullName: '  ', dateOfBirth: '2999-01-01' },
      {
        contactEditable: true,
      },
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : Object.keys(result.errors).sort()).toEqual(['dateOfBirth', 'fullName']);
  });

  it('leaves out contact details the reader may not change, and an interpreter language with no interpreter', () => {
    const started = toFormValues(person);
    const result = profileChanges(
      started,
      { ...started, phone: '0000', interpreterLanguage: 'Igbo', dateOfBirth: '' },
      { contactEditable: false },
    );
    expect(result).toEqual({ ok: true, changes: { dateOfBirth: null }, count: 1 });
  });

  it('puts the user’s changes on top of the latest version and says what someone else changed', () => {
    const started = toFormValues(person);
    const typed = { ...started, preferredLanguage: 'Polish', bestTimes: 'After school' };
    const latest = toFormValues({ ...person, preferredLanguage: 'Igbo', pronouns: 'they/them', version: 4 });
    const rebased = rebase(started, latest, typed);
    expect(rebased.values.preferredLanguage).toBe('Polish');
    expect(rebased.values.bestTimes).toBe('After school');
    expect(rebased.values.pronouns).toBe('they/them');
    expect(rebased.theirs.sort()).toEqual(['preferredLanguage', 'pronouns']);
    expect(rebased.both).toEqual(['preferredLanguage']);
    // Saving again sends the user's changes only, against the latest version.
    const again = profileChanges(latest, rebased.values, { contactEditable: true });
    expect(again).toEqual({
      ok: true,
      changes: { preferredLanguage: 'Polish', bestTimes: 'After school' },
      count: 2,
    });
  });
});
