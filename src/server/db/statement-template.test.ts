import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { roles } from '../../domain/roles.js';
import { briefStatement } from '../brief/brief.js';
import { insertContactStatement } from '../contacts/contacts.js';
import { StatementTemplate } from './database.js';

/* A StatementTemplate must give exactly what building and compiling afresh gives, for every shape. */
describe('statement templates', () => {
  it('give the brief’s statement exactly as a fresh compile does, for every role and any values', () => {
    for (const role of roles) {
      for (const sourceAddress of ['10.0.0.7', null]) {
        const values = {
          organisationId: randomUUID(),
          userId: randomUUID(),
          personId: randomUUID(),
          sourceAddress,
          utcToday: '2026-11-29',
        };
        const fromTemplate = briefStatement.compile(role, values);
        const fresh = briefStatement.fresh(role, values);
        expect(fromTemplate.sql).toBe(fresh.sql);
        expect(fromTemplate.parameters).toEqual(fresh.parameters);
        expect(fromTemplate.parameters).toContain(values.personId);
      }
    }
  });

  it('give recording a contact’s statement exactly as a fresh compile does, for every role', () => {
    for (const role of roles) {
      const values = {
        organisationId: randomUUID(),
        userId: randomUUID(),
        displayName: 'Sam Taylor',
        sourceAddress: '10.0.0.8',
        personId: randomUUID(),
        id: randomUUID(),
        kind: 'home_visit',
        status: 'made',
        initiatedBy: 'practitioner',
        plannedStart: null,
        plannedEnd: null,
        actualStart: '2026-11-29T10:00:00.000Z',
        actualEnd: null,
        receivedAt: null,
        answeredAt: null,
        place: 'At home',
        note: 'A note',
        participantIds: [randomUUID()],
        participantCount: 1,
        key: 'a-key-of-some-length',
        requestHash: Buffer.from('hash'),
        route: 'POST /api/people/x/contacts',
        firstAnswer: '{"id":"x"}',
        auditDetails: '{"kind":"home_visit"}',
      };
      const fromTemplate = insertContactStatement.compile(role, values);
      const fresh = insertContactStatement.fresh(role, values);
      expect(fromTemplate.sql).toBe(fresh.sql);
      expect(fromTemplate.parameters).toEqual(fresh.parameters);
    }
  });

  it('refuses a placeholder used inside a longer value, or written into the text', () => {
    const embedded = new StatementTemplate<{ id: string }>(['id'], ({ id }) => sql`select ${`route/${id}`}`);
    expect(() => embedded.compile('one', { id: 'x' })).toThrow(/inside a longer value/);
    const inText = new StatementTemplate<{ id: string }>(['id'], ({ id }) => sql`select ${sql.raw(id)}`);
    expect(() => inText.compile('one', { id: 'x' })).toThrow(/text/);
  });
});
