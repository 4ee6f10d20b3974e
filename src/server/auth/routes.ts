import { z } from 'zod';
import {
  changePasswordRequest,
  loginRequest,
  sessionResponse,
  sessionSummary,
  totpConfirmRequest,
  totpDisableRequest,
  totpEnrolment,
  type SessionResponse,
} from '../../domain/auth.js';
import { recordAudit } from '../audit/audit.js';
import { errorResponses, publicErrorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { actorOf, clearSessionCookie, setSessionCookie } from './plugin.js';
import type { ResolvedSession } from './sessions.js';
import { endSessionsOfUser, listOpenSessions } from './sessions.js';
import { changePassword } from './password-change.js';
import { signIn, signOut } from './sign-in.js';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from './totp.js';

const tags = ['Sign-in and sessions'];

export function registerAuthRoutes(app: App, { db, config, secrets }: Services): void {
  const limits = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const idleTimeoutSeconds = Math.round(config.sessionIdleMinutes * 60);
  const shownLimits = {
    absoluteTimeoutHours: config.sessionAbsoluteHours,
    breakGlassMinutes: config.breakGlassMinutes,
  };

  const describe = (session: ResolvedSession): SessionResponse => ({
    user: {
      id: session.actor.userId,
      organisationId: session.actor.organisationId,
      email: session.email,
      displayName: session.actor.displayName,
      role: session.actor.role,
      secondFactorEnabled: session.secondFactorEnabled,
    },
    csrfToken: session.csrfToken,
    idleTimeoutSeconds,
    expiresAt: session.expiresAt.toISOString(),
    ...shownLimits,
  });

  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Sign in with email and password (and a second-factor code once enrolled)',
      body: loginRequest,
      response: { 200: sessionResponse, ...publicErrorResponses },
    },
    handler: async (request, reply) => {
      // A session already on this browser is ended: sign-in always issues a new id (check 3).
      if (request.session) {
        await signOut(db, request.session.actor);
      }
      const signedIn = await signIn(db, secrets, request.body, {
        sourceAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(request, reply, signedIn.session.cookieValue, config.sessionAbsoluteHours * 3600);
      return {
        user: signedIn.user,
        csrfToken: signedIn.session.csrfToken,
        idleTimeoutSeconds,
        expiresAt: new Date(
          signedIn.session.createdAt.getTime() + config.sessionAbsoluteHours * 3_600_000,
        ).toISOString(),
        ...shownLimits,
      };
    },
  });

  app.get('/api/auth/session', {
    schema: { tags, summary: 'The current session, or 401', response: { 200: sessionResponse, ...errorResponses } },
    handler: async (request) => describe(request.session!),
  });

  app.post('/api/auth/logout', {
    config: { public: true },
    schema: { tags, summary: 'Sign out', response: { 204: z.null(), ...publicErrorResponses } },
    handler: async (request, reply) => {
      if (request.session) {
        await signOut(db, request.session.actor);
      }
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/auth/password', {
    schema: {
      tags,
      summary: 'Change your password (needs the current one); ends your other sessions by default',
      body: changePasswordRequest,
      response: { 200: z.object({ endedSessions: z.number().int() }), ...errorResponses },
    },
    handler: async (request) => changePassword(db, actorOf(request), request.session!.email, request.body),
  });

  app.get('/api/auth/sessions', {
    schema: {
      tags,
      summary: 'Your open sessions',
      response: { 200: z.object({ items: z.array(sessionSummary) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listOpenSessions(db, actorOf(request), limits) }),
  });

  app.post('/api/auth/sessions/end-others', {
    schema: {
      tags,
      summary: 'End all your sessions except this one',
      response: { 200: z.object({ endedSessions: z.number().int() }), ...errorResponses },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction().execute(async (tx) => {
        const endedSessions = await endSessionsOfUser(
          tx,
          actor.organisationId,
          actor.userId,
          'ended_by_user',
          actor.sessionId,
        );
        await recordAudit(tx, actor, { action: 'auth.sessions_ended', kind: 'security', details: { endedSessions } });
        return { endedSessions };
      });
    },
  });

  app.post('/api/auth/second-factor', {
    schema: {
      tags,
      summary: 'Start setting up an authenticator app (TOTP)',
      response: { 200: totpEnrolment, ...errorResponses },
    },
    handler: async (request) => startTotpEnrolment(db, secrets, actorOf(request), request.session!.email),
  });

  app.post('/api/auth/second-factor/confirm', {
    schema: {
      tags,
      summary: 'Confirm the authenticator app with its first code',
      body: totpConfirmRequest,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await confirmTotpEnrolment(db, secrets, actorOf(request), request.body.code);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/auth/second-factor/disable', {
    schema: {
      tags,
      summary: 'Turn the second factor off (needs your password and a code)',
      body: totpDisableRequest,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await disableTotp(db, secrets, actorOf(request), request.body.password, request.body.code);
      return reply.status(204).send(null);
    },
  });
}
