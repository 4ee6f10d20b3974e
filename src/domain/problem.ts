import { z } from 'zod';

/** Every error the API answers with is one of these codes (RFC 9457 problem details). */
export const problemCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'second_factor_required',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'precondition_required',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'service_unavailable',
  'internal_error',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export const fieldProblem = z.object({
  field: z.string().describe('Where the problem is, e.g. `email` or `items.2.name`'),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof fieldProblem>;

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.enum(problemCodes),
    errors: z.array(fieldProblem).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problem>;
