import { z } from 'zod';
import { cadence, cadenceRequest } from '../../domain/cadence.js';
import { brief } from '../../domain/brief.js';
import { consistency, consistencyQuery, practitionerParams } from '../../domain/consistency.js';
import { personIdParams } from '../../domain/people.js';
import { actorOf } from '../auth/plugin.js';
import { getBrief } from '../brief/brief.js';
import { personConsistency, practitionerConsistency } from '../consistency/consistency.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { listCadences, overdueCheckins, setCadence } from './cadence.js';

const overdueItem = cadence.extend({ personId: z.uuid(), personName: z.string() });

/** Check-in rhythms, the pre-visit brief, and consistency figures. */
export function registerCadenceRoutes(app: App, { db }: Services): void {
  app.get('/api/people/:personId/cadence', {
    schema: {
      tags: ['Check-ins'],
      summary: 'Agreed check-in rhythms and when each is next due',
      params: personIdParams,
      response: { 200: z.object({ items: z.array(cadence) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listCadences(db, actorOf(request), request.params.personId) }),
  });

  app.put('/api/people/:personId/cadence', {
    schema: {
      tags: ['Check-ins'],
      summary:
        'Agree how often to check in — with the person, or with one member of their network (everyDays: null stops it)',
      params: personIdParams,
      body: cadenceRequest,
      response: { 200: z.object({ items: z.array(cadence) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await setCadence(db, actorOf(request), request.params.personId, request.body),
    }),
  });

  app.get('/api/checkins/overdue', {
    schema: {
      tags: ['Check-ins'],
      summary:
        'Check-ins past their date (mine=true: your own people; otherwise everyone you may see — a supervisor’s teams)',
      querystring: z.object({ mine: z.enum(['true', 'false']).default('true') }).strict(),
      response: { 200: z.object({ items: z.array(overdueItem) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await overdueCheckins(db, actorOf(request), request.query.mine === 'true') }),
  });

  app.get('/api/people/:personId/brief', {
    schema: {
      tags: ['Brief'],
      summary: 'The pre-visit brief: everything to know before a contact, in one answer',
      params: personIdParams,
      response: { 200: brief, ...errorResponses },
    },
    handler: async (request) => getBrief(db, actorOf(request), request.params.personId),
  });

  app.get('/api/people/:personId/consistency', {
    schema: {
      tags: ['Consistency'],
      summary:
        'Promises kept on time, visits on time, check-ins on rhythm — for this person, with the records behind each',
      params: personIdParams,
      querystring: consistencyQuery,
      response: { 200: consistency, ...errorResponses },
    },
    handler: async (request) => personConsistency(db, actorOf(request), request.params.personId, request.query.days),
  });

  app.get('/api/practitioners/:userId/consistency', {
    schema: {
      tags: ['Consistency'],
      summary: 'A practitioner’s consistency figures (your own; a supervisor sees their teams’, a manager anyone’s)',
      params: practitionerParams,
      querystring: consistencyQuery,
      response: { 200: consistency, ...errorResponses },
    },
    handler: async (request) =>
      practitionerConsistency(db, actorOf(request), request.params.userId, request.query.days),
  });
}
