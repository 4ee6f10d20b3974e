import { z } from 'zod';
import { checkinRequest, checkinResponse, instrument, instrumentIdParams } from '../../domain/checkins.js';
import { instrumentDefinition } from '../../domain/instruments.js';
import { personIdParams } from '../../domain/people.js';
import { actorOf } from '../auth/plugin.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { instrumentAsFhir, listCheckins, listInstruments, loadInstrument, recordCheckin } from './checkins.js';

const tags = ['Check-ins'];

export function registerCheckinRoutes(app: App, { db, config }: Services): void {
  app.get('/api/instruments', {
    schema: {
      tags,
      summary: 'The organisation’s check-in instruments (Rapport’s own, and any it has loaded)',
      response: { 200: z.object({ items: z.array(instrument) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listInstruments(db, actorOf(request)) }),
  });

  app.post('/api/instruments', {
    schema: {
      tags,
      summary:
        'Load an instrument definition (managers and administrators); problems are named by their path, e.g. items.2.max',
      body: instrumentDefinition,
      response: { 201: instrument, ...errorResponses },
    },
    handler: async (request, reply) => reply.status(201).send(await loadInstrument(db, actorOf(request), request.body)),
  });

  app.get('/api/instruments/:instrumentId/fhir', {
    schema: {
      tags,
      summary: 'The instrument as a FHIR Questionnaire',
      params: instrumentIdParams,
      response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
    },
    handler: async (request) => instrumentAsFhir(db, actorOf(request), request.params.instrumentId, config.publicUrl),
  });

  app.get('/api/people/:personId/checkins', {
    schema: {
      tags,
      summary: 'The person’s own check-ins, newest first, with scores and what they raised',
      params: personIdParams,
      response: { 200: z.object({ items: z.array(checkinResponse) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listCheckins(db, actorOf(request), request.params.personId) }),
  });

  app.post('/api/people/:personId/checkins', {
    schema: {
      tags,
      summary: 'Record a check-in the person filled in (answers by item; 422 names answers.<item>)',
      params: personIdParams,
      body: checkinRequest,
      response: { 201: checkinResponse, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordCheckin(db, actorOf(request), request.params.personId, request.body)),
  });
}
