import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FieldProblem, Problem, ProblemCode } from '../../domain/problem.js';

/** An error the API answers with on purpose. Anything else is a 500 with nothing internal in it. */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return statusOf(this.code);
  }
}

export const notFound = (what = 'record') => new AppError('not_found', `No such ${what}.`);
export const forbidden = (message = 'You may not do this.') => new AppError('forbidden', message);
export const invalid = (field: string, message: string) =>
  new AppError('validation_failed', 'Some fields need attention.', [{ field, message }]);

export function statusOf(code: ProblemCode): number {
  switch (code) {
    case 'bad_request':
      return 400;
    case 'validation_failed':
      return 422;
    case 'unauthenticated':
    case 'invalid_credentials':
    case 'second_factor_required':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'precondition_failed':
      return 412;
    case 'precondition_required':
      return 428;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'too_many_requests':
      return 429;
    case 'service_unavailable':
      return 503;
    case 'internal_error':
      return 500;
  }
}

const titles: Record<ProblemCode, string> = {
  bad_request: 'The request could not be read',
  validation_failed: 'Some fields need attention',
  unauthenticated: 'Please sign in',
  invalid_credentials: 'Email or password not recognised',
  second_factor_required: 'Enter the code from your authenticator app',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'This clashes with something already saved',
  precondition_failed: 'Someone else changed this first',
  precondition_required: 'Say which version you are editing',
  payload_too_large: 'The request is too large',
  unsupported_media_type: 'Send JSON',
  too_many_requests: 'Too many requests',
  service_unavailable: 'Rapport is unavailable for a moment',
  internal_error: 'Something went wrong on our side',
};

export function problemOf(code: ProblemCode, detail?: string, errors?: FieldProblem[]): Problem {
  return {
    type: `urn:rapport:problem:${code}`,
    title: titles[code],
    status: statusOf(code),
    code,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
}

function sendProblem(reply: FastifyReply, body: Problem, headers?: Record<string, string>): FastifyReply {
  return reply
    .status(body.status)
    .headers({ 'cache-control': 'no-store', ...headers })
    .type('application/problem+json')
    .send(body);
}

/** PostgreSQL/driver failures that mean "the database is not there", not "the code is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') {
    return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      String((error as Error).message),
    );
  }
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code) ||
    code.startsWith('08') || // connection exception
    code === '57P01' || // admin shutdown
    code === '57P02' ||
    code === '57P03' // cannot connect now (starting up / shutting down)
  );
}

/** Text PostgreSQL cannot store (a NUL byte, an encoding it cannot convert): the input's fault. */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}

const fastifyCodes: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

/** Converts the validator's issues into `{ field, message }` pairs with dotted paths. */
export function fieldProblems(
  issues: readonly { keyword?: string; instancePath?: string; message?: string; params?: { keys?: unknown } }[],
  where: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const path = (issue.instancePath ?? '').split('/').filter(Boolean);
    const keys = issue.params?.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      for (const key of keys) {
        problems.push({ field: [...path, String(key)].join('.'), message: 'This field is not accepted here' });
      }
      continue;
    }
    problems.push({ field: path.length > 0 ? path.join('.') : where, message: issue.message ?? 'Invalid value' });
  }
  return problems;
}

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * Unknown addresses answer a 404 problem. With the web app served (`singlePageApp`), a page address
 * that is not a file gets index.html instead, for the app to route; API addresses and missing asset
 * files still get the 404.
 */
export function installErrorHandling(app: FastifyInstance, options: { singlePageApp: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      options.singlePageApp &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !isApi(request.url) &&
      !request.url.startsWith('/assets/');
    if (wantsPage) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, problemOf('not_found', 'There is nothing at this address.'));
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, problemOf(error.code, error.message, error.errors), error.headers);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      return sendProblem(
        reply,
        problemOf('validation_failed', 'Some fields need attention.', fieldProblems(error.validation, where)),
      );
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) {
      return sendProblem(reply, problemOf(mapped));
    }
    if (error.statusCode === 429) {
      const retryAfter = String(reply.getHeader('retry-after') ?? 60);
      return sendProblem(reply, problemOf('too_many_requests', 'Please wait a moment and try again.'), {
        'retry-after': retryAfter,
      });
    }
    if (isUnstorableText(error)) {
      return sendProblem(reply, problemOf('validation_failed', 'Some text contains characters that cannot be stored.'));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ code: (error as { code?: string }).code }, 'database unavailable');
      return sendProblem(reply, problemOf('service_unavailable', 'Please try again shortly.'), { 'retry-after': '5' });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ route: request.routeOptions.url }, 'response did not match its schema');
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problemOf(error.statusCode === 404 ? 'not_found' : 'bad_request'));
    } else {
      // The message may hold SQL or personal data (a driver quotes the value it rejected): log the
      // kind, the code and the stack frames, without the message line.
      const frames = (error.stack ?? '').split('\n').slice(1).join('\n');
      request.log.error({ err: { type: error.name, code: error.code, stack: frames } }, 'unhandled error');
    }
    return sendProblem(reply, problemOf('internal_error'));
  });
}
