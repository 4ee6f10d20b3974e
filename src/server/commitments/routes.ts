import { z } from 'zod';
import {
  commitment,
  commitmentListQuery,
  commitmentParams,
  keepRequest,
  newCommitment,
  notKeptRequest,
  promiseCheck,
  promiseCheckQuery,
  renegotiateRequest,
} from '../../domain/commitments.js';
import { personIdParams } from '../../domain/people.js';
import { actorOf } from '../auth/plugin.js';
import { expectedVersion, ifMatchHeaders } from '../http/concurrency.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { changeCommitment, createCommitment, listCommitments } from './commitments.js';
import { checkPromise, listMyCommitments } from './ledger.js';

const tags = ['Promises'];

export function registerCommitmentRoutes(app: App, { db }: Services): void {
  app.get('/api/people/:personId/commitments', {
    schema: {
      tags,
      summary: 'The person’s promises ledger, both ways: overdue first',
      params: personIdParams,
      querystring: commitmentListQuery,
      response: { 200: z.object({ items: z.array(commitment) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await listCommitments(db, actorOf(request), request.params.personId, request.query.status),
    }),
  });

  app.post('/api/people/:personId/commitments', {
    schema: {
      tags,
      summary: 'Record a promise: who, to whom, what, by when',
      params: personIdParams,
      headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
      body: newCommitment,
      response: { 201: commitment, ...errorResponses },
    },
    handler: async (request, reply) => {
      const key = request.headers['idempotency-key'] ?? null;
      const { commitment: made, replayed } = await createCommitment(
        db,
        actorOf(request),
        request.params.personId,
        request.body,
        key,
      );
      // A retry with the same key made nothing new: it answers as the first time, marked as a replay.
      if (replayed) {
        reply.header('idempotent-replayed', 'true');
      }
      return reply.status(201).send(made);
    },
  });

  app.post('/api/people/:personId/commitments/:commitmentId/keep', {
    schema: {
      tags,
      summary: 'Mark a promise kept (late, if after its date)',
      params: commitmentParams,
      headers: ifMatchHeaders,
      body: keepRequest,
      response: { 200: commitment, ...errorResponses },
    },
    handler: async (request) =>
      changeCommitment(
        db,
        actorOf(request),
        request.params.personId,
        request.params.commitmentId,
        {
          kind: 'keep',
          ...request.body,
        },
        expectedVersion(request),
      ),
  });

  app.post('/api/people/:personId/commitments/:commitmentId/renegotiate', {
    schema: {
      tags,
      summary: 'Renegotiate a promise: a new date and the honest reason, kept in its history',
      params: commitmentParams,
      headers: ifMatchHeaders,
      body: renegotiateRequest,
      response: { 200: commitment, ...errorResponses },
    },
    handler: async (request) =>
      changeCommitment(
        db,
        actorOf(request),
        request.params.personId,
        request.params.commitmentId,
        {
          kind: 'renegotiate',
          ...request.body,
        },
        expectedVersion(request),
      ),
  });

  app.post('/api/people/:personId/commitments/:commitmentId/not-kept', {
    schema: {
      tags,
      summary: 'Record that a promise was not kept, and what happened',
      params: commitmentParams,
      headers: ifMatchHeaders,
      body: notKeptRequest,
      response: { 200: commitment, ...errorResponses },
    },
    handler: async (request) =>
      changeCommitment(
        db,
        actorOf(request),
        request.params.personId,
        request.params.commitmentId,
        {
          kind: 'not_kept',
          ...request.body,
        },
        expectedVersion(request),
      ),
  });

  app.get('/api/commitments', {
    schema: {
      tags,
      summary: 'Your own ledger: promises you made and promises made to you, overdue first',
      querystring: commitmentListQuery,
      response: { 200: z.object({ items: z.array(commitment) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listMyCommitments(db, actorOf(request), request.query.status) }),
  });

  app.get('/api/commitments/check', {
    schema: {
      tags,
      summary: 'A gentle check before promising: your overdue promises, and whether the date is a working day for you',
      querystring: promiseCheckQuery,
      response: { 200: promiseCheck, ...errorResponses },
    },
    handler: async (request) => checkPromise(db, actorOf(request), request.query.dueOn),
  });
}
