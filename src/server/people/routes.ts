import { z } from 'zod';
import { accessLogEntry, accessLogQuery } from '../../domain/audit.js';
import { pageOf, pageQuery } from '../../domain/pagination.js';
import {
  allocateRequest,
  allocationParams,
  breakGlassGrant,
  breakGlassRequest,
  createPersonRequest,
  listPeopleQuery,
  person,
  personIdParams,
  personListItem,
  restrictionRequest,
} from '../../domain/people.js';
import { breakGlass } from '../access/break-glass.js';
import { listAccessLog } from '../audit/access-review.js';
import { actorOf } from '../auth/plugin.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { allocatePerson, endAllocation, setRestriction } from './allocations.js';
import { createPerson, getPerson, listPeople } from './people.js';
import { updateProfile } from './profile.js';
import { addProfileItem, archiveProfileItem, listProfileItems } from './profile-items.js';
import { revealContactDetails, setContactRestriction } from './contact-details.js';
import { listFieldChanges } from './history.js';
import {
  contactDetails,
  contactRestrictionRequest,
  fieldChange,
  newProfileItem,
  profileItem,
  profileItemParams,
  profileUpdate,
  revealRequest,
} from '../../domain/profile.js';
import { expectedVersion, ifMatchHeaders, setVersionTag } from '../http/concurrency.js';

const tags = ['People'];

export function registerPeopleRoutes(app: App, { db, config }: Services): void {
  app.get('/api/people', {
    // Search is rate-limited per session as well as per address (SECURITY.md check 37).
    config: {
      rateLimit: {
        max: Math.max(1, Math.floor(config.rateLimitPerMinute / 5)),
        timeWindow: '1 minute',
        keyGenerator: (request) => request.session?.actor.sessionId ?? request.ip,
      },
    },
    schema: {
      tags,
      summary: 'People the caller may find (their caseload, team or organisation), a page at a time',
      querystring: listPeopleQuery,
      response: { 200: pageOf(personListItem), ...errorResponses },
    },
    handler: async (request) => {
      const query = request.query;
      const { items, total } = await listPeople(db, actorOf(request), query);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  });

  app.post('/api/people', {
    schema: {
      tags,
      summary: 'Record a new person supported',
      body: createPersonRequest,
      response: { 201: person, ...errorResponses },
    },
    handler: async (request, reply) => reply.status(201).send(await createPerson(db, actorOf(request), request.body)),
  });

  app.get('/api/people/:personId', {
    schema: {
      tags,
      summary: 'Open a person’s record (audited); the ETag is the version to send back in If-Match when editing',
      params: personIdParams,
      response: { 200: person, ...errorResponses },
    },
    handler: async (request, reply) => {
      const found = await getPerson(db, actorOf(request), request.params.personId);
      setVersionTag(reply, found.version);
      return found;
    },
  });

  app.patch('/api/people/:personId', {
    schema: {
      tags,
      summary: 'Edit the profile: only the fields sent change; needs If-Match (412 if someone saved first)',
      params: personIdParams,
      headers: ifMatchHeaders,
      body: profileUpdate,
      response: { 200: person, ...errorResponses },
    },
    handler: async (request, reply) => {
      const version = expectedVersion(request);
      const updated = await updateProfile(db, actorOf(request), request.params.personId, version, request.body);
      setVersionTag(reply, updated.version);
      return updated;
    },
  });

  app.post('/api/people/:personId/allocations', {
    schema: {
      tags,
      summary: 'Allocate the person to a practitioner (supervisors and managers)',
      params: personIdParams,
      body: allocateRequest,
      response: { 201: person, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await allocatePerson(db, actorOf(request), request.params.personId, request.body.userId)),
  });

  app.delete('/api/people/:personId/allocations/:allocationId', {
    schema: {
      tags,
      summary: 'End an allocation (supervisors and managers)',
      params: allocationParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await endAllocation(db, actorOf(request), request.params.personId, request.params.allocationId);
      return reply.status(204).send(null);
    },
  });

  app.put('/api/people/:personId/restriction', {
    schema: {
      tags,
      summary: 'Restrict (seal) or unrestrict a record, with a reason (supervisors and managers)',
      params: personIdParams,
      body: restrictionRequest,
      response: { 200: z.object({ restricted: z.boolean(), visibleToYou: z.boolean() }), ...errorResponses },
    },
    handler: async (request) =>
      setRestriction(db, actorOf(request), request.params.personId, request.body.restricted, request.body.reason),
  });

  app.post('/api/people/:personId/break-glass', {
    schema: {
      tags,
      summary:
        'Emergency access to a record outside your relationships: needs a reason, lasts a limited time, alerts supervisors',
      params: personIdParams,
      body: breakGlassRequest,
      response: { 201: breakGlassGrant, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await breakGlass(
            db,
            actorOf(request),
            request.params.personId,
            request.body.reason,
            config.breakGlassMinutes,
          ),
        ),
  });

  app.get('/api/people/:personId/access-log', {
    schema: {
      tags,
      summary: 'Who opened or changed this record (supervisors and managers)',
      params: personIdParams,
      querystring: accessLogQuery,
      response: { 200: pageOf(accessLogEntry), ...errorResponses },
    },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      const { items, total } = await listAccessLog(db, actorOf(request), request.params.personId, page, pageSize);
      return { items, total, page, pageSize };
    },
  });

  app.get('/api/people/:personId/profile-items', {
    schema: {
      tags,
      summary:
        'What matters to them, strengths, things to remember, approach with care (archived ones with includeArchived=true)',
      params: personIdParams,
      querystring: z.object({ includeArchived: z.enum(['true', 'false']).default('false') }).strict(),
      response: { 200: z.object({ items: z.array(profileItem) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await listProfileItems(
        db,
        actorOf(request),
        request.params.personId,
        request.query.includeArchived === 'true',
      ),
    }),
  });

  app.post('/api/people/:personId/profile-items', {
    schema: {
      tags,
      summary: 'Add to the profile, in the person’s words where it is theirs',
      params: personIdParams,
      body: newProfileItem,
      response: { 201: profileItem, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await addProfileItem(db, actorOf(request), request.params.personId, request.body)),
  });

  app.post('/api/people/:personId/profile-items/:itemId/archive', {
    schema: {
      tags,
      summary: 'Archive an item: it leaves the profile and stays in the history',
      params: profileItemParams,
      response: { 200: profileItem, ...errorResponses },
    },
    handler: async (request) =>
      archiveProfileItem(db, actorOf(request), request.params.personId, request.params.itemId),
  });

  app.post('/api/people/:personId/contact-details/reveal', {
    schema: {
      tags,
      summary: 'Show restricted contact details, with a reason (for staff not allocated to the person; audited)',
      params: personIdParams,
      body: revealRequest,
      response: { 200: contactDetails, ...errorResponses },
    },
    handler: async (request) =>
      revealContactDetails(db, actorOf(request), request.params.personId, request.body.reason),
  });

  app.put('/api/people/:personId/contact-details/restriction', {
    schema: {
      tags,
      summary: 'Restrict the person’s contact details (a refuge address, say) or lift it, with a reason',
      params: personIdParams,
      body: contactRestrictionRequest,
      response: { 200: person, ...errorResponses },
    },
    handler: async (request, reply) => {
      const updated = await setContactRestriction(
        db,
        actorOf(request),
        request.params.personId,
        request.body.restricted,
        request.body.reason,
      );
      setVersionTag(reply, updated.version);
      return updated;
    },
  });

  app.get('/api/people/:personId/history', {
    schema: {
      tags,
      summary: 'Who changed which field of the profile and network, when, from what to what',
      params: personIdParams,
      querystring: pageQuery.strict(),
      response: { 200: pageOf(fieldChange), ...errorResponses },
    },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      const { items, total } = await listFieldChanges(db, actorOf(request), request.params.personId, page, pageSize);
      return { items, total, page, pageSize };
    },
  });
}
