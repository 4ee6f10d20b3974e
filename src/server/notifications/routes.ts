import { z } from 'zod';
import { notification, notificationIdParams } from '../../domain/notifications.js';
import { actorOf } from '../auth/plugin.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { listNotifications, markNotificationRead } from './notifications.js';

const tags = ['Notifications'];

export function registerNotificationRoutes(app: App, { db }: Services): void {
  app.get('/api/notifications', {
    schema: {
      tags,
      summary: 'Your notifications, newest first',
      response: { 200: z.object({ items: z.array(notification), unread: z.number().int() }), ...errorResponses },
    },
    handler: async (request) => listNotifications(db, actorOf(request)),
  });

  app.post('/api/notifications/:notificationId/read', {
    schema: {
      tags,
      summary: 'Mark a notification as read',
      params: notificationIdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await markNotificationRead(db, actorOf(request), request.params.notificationId);
      return reply.status(204).send(null);
    },
  });
}
