import { z } from 'zod';
import { consentRecord, currentConsent, newConsent } from '../../domain/consent.js';
import { personIdParams } from '../../domain/people.js';
import { actorOf } from '../auth/plugin.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { listConsents, recordConsent } from './consent.js';

const consents = z.object({
  current: z.array(currentConsent).describe('What holds now, per recipient and purpose'),
  history: z.array(consentRecord).describe('Every decision, newest first'),
});

export function registerConsentRoutes(app: App, { db }: Services): void {
  app.get('/api/people/:personId/consents', {
    schema: {
      tags: ['Consent'],
      summary: 'Consent to share: what holds now, and every decision',
      params: personIdParams,
      response: { 200: consents, ...errorResponses },
    },
    handler: async (request) => listConsents(db, actorOf(request), request.params.personId),
  });

  app.post('/api/people/:personId/consents', {
    schema: {
      tags: ['Consent'],
      summary: 'Record a decision: granted, refused or withdrawn',
      params: personIdParams,
      body: newConsent,
      response: { 201: consents, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordConsent(db, actorOf(request), request.params.personId, request.body)),
  });
}
