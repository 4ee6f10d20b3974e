import { z } from 'zod';
import {
  contact,
  contactParams,
  contactUpdate,
  correctionRequest,
  newContact,
  noteRequest,
} from '../../domain/contacts.js';
import { pageQuery } from '../../domain/pagination.js';
import { personIdParams } from '../../domain/people.js';
import { actorOf } from '../auth/plugin.js';
import { expectedVersion, ifMatchHeaders, setVersionTag } from '../http/concurrency.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { getContact, listContacts, recordContact, updateContact } from './contacts.js';
import { correctNote, signOffNote, writeNote } from './notes.js';

const tags = ['Contacts'];

export function registerContactRoutes(app: App, { db }: Services): void {
  app.get('/api/people/:personId/contacts', {
    schema: {
      tags,
      summary: 'Contacts with the person, newest first (your own drafts included)',
      params: personIdParams,
      querystring: pageQuery.strict(),
      response: { 200: z.object({ items: z.array(contact) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await listContacts(
        db,
        actorOf(request),
        request.params.personId,
        request.query.page,
        request.query.pageSize,
      ),
    }),
  });

  app.post('/api/people/:personId/contacts', {
    schema: {
      tags,
      summary: 'Record a contact — planned, made, attempted, or a draft — with its note and the promises made in it',
      description:
        'Send an Idempotency-Key header to make retries safe: the same key returns the first answer and records nothing new.',
      params: personIdParams,
      headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
      body: newContact,
      response: { 201: contact, ...errorResponses },
    },
    handler: async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { contact: recorded, replayed } = await recordContact(
        db,
        actorOf(request),
        request.params.personId,
        request.body,
        typeof key === 'string' ? key : null,
      );
      if (replayed) {
        reply.header('idempotent-replayed', 'true');
      }
      setVersionTag(reply, recorded.version);
      return reply.status(201).send(recorded);
    },
  });

  app.get('/api/people/:personId/contacts/:contactId', {
    schema: {
      tags,
      summary: 'One contact, with every version of its note',
      params: contactParams,
      response: { 200: contact, ...errorResponses },
    },
    handler: async (request, reply) => {
      const found = await getContact(db, actorOf(request), request.params.personId, request.params.contactId);
      setVersionTag(reply, found.version);
      return found;
    },
  });

  app.patch('/api/people/:personId/contacts/:contactId', {
    schema: {
      tags,
      summary:
        'Change a contact: record a draft, mark a plan as made, attempted or cancelled, correct its times (If-Match)',
      params: contactParams,
      headers: ifMatchHeaders,
      body: contactUpdate,
      response: { 200: contact, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { personId, contactId } = request.params;
      const updated = await updateContact(
        db,
        actorOf(request),
        personId,
        contactId,
        expectedVersion(request),
        request.body,
      );
      setVersionTag(reply, updated.version);
      return updated;
    },
  });

  app.put('/api/people/:personId/contacts/:contactId/note', {
    schema: {
      tags,
      summary: 'Write the note (until it is signed off); only the contact’s practitioner',
      params: contactParams,
      headers: ifMatchHeaders,
      body: noteRequest,
      response: { 200: contact, ...errorResponses },
    },
    handler: async (request) =>
      writeNote(
        db,
        actorOf(request),
        request.params.personId,
        request.params.contactId,
        request.body.text,
        expectedVersion(request),
      ),
  });

  app.post('/api/people/:personId/contacts/:contactId/note/sign-off', {
    schema: {
      tags,
      summary: 'Sign the note off: it can no longer be edited; only the contact’s practitioner',
      params: contactParams,
      headers: ifMatchHeaders,
      response: { 200: contact, ...errorResponses },
    },
    handler: async (request) =>
      signOffNote(db, actorOf(request), request.params.personId, request.params.contactId, expectedVersion(request)),
  });

  app.post('/api/people/:personId/contacts/:contactId/note/corrections', {
    schema: {
      tags,
      summary: 'Correct a signed-off note: a new version with the reason; the old one stays',
      params: contactParams,
      headers: ifMatchHeaders,
      body: correctionRequest,
      response: { 201: contact, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await correctNote(
            db,
            actorOf(request),
            request.params.personId,
            request.params.contactId,
            request.body.text,
            request.body.reason,
            expectedVersion(request),
          ),
        ),
  });
}
