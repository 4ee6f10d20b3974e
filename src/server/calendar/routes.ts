import { z } from 'zod';
import { calendarFeedCreated, calendarFeedStatus, calendarTokenParams } from '../../domain/calendar.js';
import { actorOf } from '../auth/plugin.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { calendarFeed, calendarFeedStatus as feedStatus, createCalendarFeed, revokeCalendarFeed } from './calendar.js';

const tags = ['Calendar'];

export function registerCalendarRoutes(app: App, { db, config }: Services): void {
  app.get('/api/calendar-feed', {
    schema: {
      tags,
      summary: 'Whether you have a calendar link, and when it was made and last read',
      response: { 200: calendarFeedStatus, ...errorResponses },
    },
    handler: async (request) => feedStatus(db, actorOf(request)),
  });

  app.post('/api/calendar-feed', {
    schema: {
      tags,
      summary: 'Make a new calendar link (the old one stops working); the link is shown this once',
      response: { 201: calendarFeedCreated, ...errorResponses },
    },
    handler: async (request, reply) => {
      const created = await createCalendarFeed(db, actorOf(request), config.publicUrl);
      return reply.status(201).send(created);
    },
  });

  app.delete('/api/calendar-feed', {
    schema: {
      tags,
      summary: 'Stop your calendar link',
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await revokeCalendarFeed(db, actorOf(request));
      return reply.status(204).send(null);
    },
  });

  app.get('/api/calendar/:token', {
    config: { public: true },
    schema: {
      tags,
      summary:
        'An iCalendar (RFC 5545) feed for calendar apps: planned contacts and promise due dates, initials and links only',
      params: calendarTokenParams,
      response: {
        200: { description: 'The feed', content: { 'text/calendar': { schema: z.string() } } },
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const body = await calendarFeed(db, request.params.token, config.publicUrl, request.ip);
      // A string with a non-JSON content type is sent as it is, not serialised.
      return reply.type('text/calendar; charset=utf-8').send(body);
    },
  });
}
