import { sql } from 'kysely';
import { z } from 'zod';
import { problem } from '../../domain/problem.js';
import { AppError } from '../http/errors.js';
import type { App, Services } from '../http/types.js';

const tags = ['Health'];

export function registerHealthRoutes(app: App, { db }: Services): void {
  app.get('/api/health', {
    config: { public: true, rateLimit: false },
    schema: {
      tags,
      summary: 'The process is up',
      response: { 200: z.object({ status: z.literal('ok') }), 500: problem },
    },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/api/ready', {
    config: { public: true, rateLimit: false },
    schema: {
      tags,
      summary: 'The database answers (503 otherwise)',
      response: { 200: z.object({ status: z.literal('ready') }), 503: problem },
    },
    handler: async () => {
      try {
        await sql`select 1`.execute(db);
      } catch {
        throw new AppError('service_unavailable', 'The database is not answering.', undefined, { 'retry-after': '5' });
      }
      return { status: 'ready' as const };
    },
  });
}
