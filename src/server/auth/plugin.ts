import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { csrfMatches, resolveSession, type ResolvedSession, type SessionLimits } from './sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, health, the OpenAPI document). */
    public?: boolean;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
}

export const SECURE_COOKIE = '__Host-rapport_session';
export const PLAIN_COOKIE = 'rapport_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieValue(request: FastifyRequest): string | undefined {
  return request.cookies[SECURE_COOKIE] ?? request.cookies[PLAIN_COOKIE];
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, and Secure with the `__Host-` prefix over HTTPS (check 3). */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  value: string,
  maxAgeSeconds: number,
): void {
  const secure = request.protocol === 'https';
  reply.setCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SECURE_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
  reply.clearCookie(PLAIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
}

/**
 * Every /api request: a foreign Origin on a state-changing request is refused (check 21); the
 * session is resolved; routes not marked public need one; state-changing requests with a session
 * must carry its CSRF token in `x-csrf-token`.
 */
export function installAuthentication(app: FastifyInstance, db: Db, limits: SessionLimits): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    // Only the API's own routes: an unknown address (even under /api/) is a 404 for everyone.
    if (!request.routeOptions.url?.startsWith('/api/')) {
      return;
    }
    const unsafe = unsafeMethods.has(request.method);
    if (unsafe && !sameOrigin(request)) {
      throw new AppError('forbidden', 'Requests from other sites are not accepted.');
    }
    const cookie = sessionCookieValue(request);
    request.session = cookie ? await resolveSession(db, cookie, limits, request.ip) : null;
    if (request.routeOptions.config.public) {
      return;
    }
    if (!request.session) {
      throw new AppError('unauthenticated', 'Your session has ended. Please sign in again.');
    }
    if (unsafe && !csrfMatches(request.session.csrfToken, headerValue(request.headers['x-csrf-token']))) {
      throw new AppError('forbidden', 'This request is missing its security token. Reload the page and try again.');
    }
  });
}

/** The signed-in actor; routes that are not public can rely on it. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) {
    throw new AppError('unauthenticated', 'Please sign in.');
  }
  return request.session.actor;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Browsers send Origin (and Sec-Fetch-Site) on state-changing requests; other clients may omit both. */
function sameOrigin(request: FastifyRequest): boolean {
  const site = headerValue(request.headers['sec-fetch-site']);
  if (site && site !== 'same-origin' && site !== 'none') {
    return false;
  }
  const origin = headerValue(request.headers.origin);
  if (!origin) {
    return true;
  }
  try {
    // Scheme and host must both match; URL() drops a default port on either side.
    const expected = new URL(`${request.protocol}://${request.host}`);
    return new URL(origin).origin === expected.origin;
  } catch {
    return false;
  }
}
