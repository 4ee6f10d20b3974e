import { z } from 'zod';
import {
  endTieRequest,
  networkMember,
  networkMemberParams,
  networkMemberUpdate,
  networkQuery,
  newNetworkMember,
} from '../../domain/network.js';
import { personIdParams } from '../../domain/people.js';
import { revealRequest } from '../../domain/profile.js';
import { actorOf } from '../auth/plugin.js';
import { expectedVersion, ifMatchHeaders, setVersionTag } from '../http/concurrency.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { letter, letterRequest } from '../../domain/letters.js';
import { letterToNetworkMember } from '../outward/letter.js';
import { addNetworkMember, endNetworkTie, listNetwork, revealMemberContact, updateNetworkMember } from './network.js';

const tags = ['Network'];

export function registerNetworkRoutes(app: App, { db }: Services): void {
  app.get('/api/people/:personId/network', {
    schema: {
      tags,
      summary: 'The people and organisations in the person’s life (current ties; past ones with includeEnded=true)',
      params: personIdParams,
      querystring: networkQuery,
      response: { 200: z.object({ items: z.array(networkMember) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await listNetwork(db, actorOf(request), request.params.personId, request.query.includeEnded === 'true'),
    }),
  });

  app.post('/api/people/:personId/network', {
    schema: {
      tags,
      summary: 'Add someone to the person’s network',
      params: personIdParams,
      body: newNetworkMember,
      response: { 201: networkMember, ...errorResponses },
    },
    handler: async (request, reply) => {
      const member = await addNetworkMember(db, actorOf(request), request.params.personId, request.body);
      setVersionTag(reply, member.version);
      return reply.status(201).send(member);
    },
  });

  app.patch('/api/people/:personId/network/:memberId', {
    schema: {
      tags,
      summary: 'Edit a tie (needs If-Match with the member’s version; 412 if someone saved first)',
      params: networkMemberParams,
      headers: ifMatchHeaders,
      body: networkMemberUpdate,
      response: { 200: networkMember, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { personId, memberId } = request.params;
      const member = await updateNetworkMember(
        db,
        actorOf(request),
        personId,
        memberId,
        expectedVersion(request),
        request.body,
      );
      setVersionTag(reply, member.version);
      return member;
    },
  });

  app.post('/api/people/:personId/network/:memberId/end', {
    schema: {
      tags,
      summary: 'End a tie: it stays in the history with its end date',
      params: networkMemberParams,
      body: endTieRequest,
      response: { 200: networkMember, ...errorResponses },
    },
    handler: async (request) => {
      const { personId, memberId } = request.params;
      return endNetworkTie(db, actorOf(request), personId, memberId, request.body.endedOn, request.body.endReason);
    },
  });

  app.post('/api/people/:personId/network/:memberId/reveal-contact', {
    schema: {
      tags,
      summary:
        'Show a member’s restricted contact details, with a reason (for staff not allocated to the person; audited)',
      params: networkMemberParams,
      body: revealRequest,
      response: { 200: networkMember, ...errorResponses },
    },
    handler: async (request) => {
      const { personId, memberId } = request.params;
      return revealMemberContact(db, actorOf(request), personId, memberId, request.body.reason);
    },
  });

  app.post('/api/people/:personId/network/:memberId/letter', {
    schema: {
      tags,
      summary:
        'A letter to this member, to print (needs consent to share updates; never carries restricted details; audited)',
      params: networkMemberParams,
      body: letterRequest,
      response: { 200: letter, ...errorResponses },
    },
    handler: async (request) => {
      const { personId, memberId } = request.params;
      return letterToNetworkMember(db, actorOf(request), personId, memberId, request.body);
    },
  });
}
