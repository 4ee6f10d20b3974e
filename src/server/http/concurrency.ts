import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The If-Match header an edit must carry: the ETag of the version it was made from (check 30). */
export const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .max(40)
    .optional()
    .describe('The ETag you read, e.g. "3": an edit from an older version gets 412'),
});

/** The version in `If-Match: "3"` (or `W/"3"`), or null when there is none. */
export function expectedVersion(request: FastifyRequest): number | null {
  const header = request.headers['if-match'];
  const match = typeof header === 'string' ? /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim()) : null;
  return match ? Number(match[1]) : null;
}

export function setVersionTag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}
