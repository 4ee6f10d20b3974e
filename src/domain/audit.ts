import { z } from 'zod';
import { pageQuery } from './pagination.js';

export const accessLogEntry = z
  .object({
    occurredAt: z.iso.datetime(),
    actor: z.object({ userId: z.uuid().nullable(), displayName: z.string().nullable(), role: z.string().nullable() }),
    action: z.string(),
    kind: z.enum(['routine', 'break_glass', 'security']),
    outcome: z.enum(['succeeded', 'denied', 'failed']),
    reason: z.string().nullable(),
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof accessLogEntry>;

export const accessLogQuery = pageQuery.strict();

export const breakGlassReviewItem = z
  .object({
    grantId: z.uuid(),
    grantedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    reason: z.string(),
    user: z.object({ id: z.uuid(), displayName: z.string() }),
    person: z
      .object({ id: z.uuid(), fullName: z.string() })
      .nullable()
      .describe('Null when the reviewer may not see that record'),
    readsDuringGrant: z.number().int(),
  })
  .meta({ id: 'BreakGlassReviewItem' });
export type BreakGlassReviewItem = z.infer<typeof breakGlassReviewItem>;

export const breakGlassReviewQuery = pageQuery
  .extend({ days: z.coerce.number().int().min(1).max(366).default(30) })
  .strict();
