import { breakGlassReviewItem, breakGlassReviewQuery } from '../../domain/audit.js';
import { pageOf } from '../../domain/pagination.js';
import { actorOf } from '../auth/plugin.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { listBreakGlassReview } from './access-review.js';

export function registerAuditRoutes(app: App, { db }: Services): void {
  app.get('/api/access-reviews/break-glass', {
    schema: {
      tags: ['Audit'],
      summary:
        'Emergency (break-glass) access to review: your teams’ for a supervisor, the organisation’s for a manager',
      querystring: breakGlassReviewQuery,
      response: { 200: pageOf(breakGlassReviewItem), ...errorResponses },
    },
    handler: async (request) => {
      const { days, page, pageSize } = request.query;
      const { items, total } = await listBreakGlassReview(db, actorOf(request), days, page, pageSize);
      return { items, total, page, pageSize };
    },
  });
}
