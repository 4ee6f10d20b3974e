import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/cadence.js';
import { todayIso } from '../../domain/dates.js';
import { checkNewPromise, rowErrorsFromProblems } from './new-promise';
import { emptyPromiseRow } from './promise-row';

describe('a promise recorded on its own', () => {
  const tomorrow = addDays(todayIso(), 1);

  it('is sent as the API reads it', () => {
    const row = { ...emptyPromiseRow('a'), what: 'Bring the bus pass form', dueOn: tomorrow };
    expect(checkNewPromise(row)).toEqual({
      ok: true,
      promise: {
        by: { kind: 'practitioner' },
        to: { kind: 'person' },
        what: 'Bring the bus pass form',
        dueOn: tomorrow,
      },
    });
  });

  it('says what is missing, beside each field', () => {
    const result = checkNewPromise({ ...emptyPromiseRow('a'), by: 'other', to: 'person', dueOn: '2020-01-01' });
    expect(result.ok).toBe(false);
    const errors = result.ok ? {} : result.errors;
    expect(errors.what).toBe('Say what was promised');
    expect(errors.byName).toBe('Name them');
    expect(errors.dueOn).toBe('A promise cannot be due in the past');
  });

  it('puts the server’s problems on the same fields', () => {
    expect(
      rowErrorsFromProblems([
        { field: 'to.name', message: 'Name them' },
        { field: 'madeInContactId', message: 'Choose a contact with this person' },
      ]),
    ).toEqual({ errors: { toName: 'Name them' }, elsewhere: ['Choose a contact with this person'] });
  });
});
