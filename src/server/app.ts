import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerAuditRoutes } from './audit/routes.js';
import { installAuthentication } from './auth/plugin.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerHealthRoutes } from './health/routes.js';
import { AppError, installErrorHandling } from './http/errors.js';
import type { App, Services } from './http/types.js';
import { registerNotificationRoutes } from './notifications/routes.js';
import { registerPeopleRoutes } from './people/routes.js';
import { registerNetworkRoutes } from './network/routes.js';
import { registerConsentRoutes } from './consent/routes.js';
import { registerContactRoutes } from './contacts/routes.js';
import { registerCommitmentRoutes } from './commitments/routes.js';
import { registerCadenceRoutes } from './cadence/routes.js';
import { registerCalendarRoutes } from './calendar/routes.js';
import { registerCheckinRoutes } from './checkins/routes.js';
import { registerGoalRoutes } from './goals/routes.js';
import { registerStaffRoutes } from './staff/routes.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webBuildFolder = path.join(projectRoot, 'dist', 'web');

export interface BuildAppOptions {
  /** The server's pino logger; tests log nothing. */
  logger?: FastifyBaseLogger;
  /** Serve the built web app — from dist/web, or the folder given — when it exists (the server does; most tests do not). */
  serveWeb?: boolean | string;
  /** Told of every route as it is registered (the OpenAPI coverage test uses it). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/** Builds the Fastify app and mounts each module — nothing else. */
export async function buildApp(services: Services, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: services.config.trustProxy,
    bodyLimit: 64 * 1024,
    // Fastify's own request logs carry URLs (query strings may hold names); ours below do not.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) {
    const listener = options.onRoute;
    app.addHook('onRoute', (route) => listener({ method: route.method, url: route.url }));
  }
  // Only JSON is accepted: a text/plain body is what another site's form can send (check 21).
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webFolder = typeof options.serveWeb === 'string' ? options.serveWeb : webBuildFolder;
  const serveWeb = Boolean(options.serveWeb) && existsSync(path.join(webFolder, 'index.html'));
  installErrorHandling(app, { singlePageApp: serveWeb });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"], // no inline script anywhere (SECURITY.md check 19)
        styleSrc: ["'self'", "'unsafe-inline'"], // the component library sets style attributes
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false, // sent below, only over HTTPS
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: services.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) =>
      new AppError('too_many_requests', 'Too many requests. Please wait a moment.', undefined, {
        'retry-after': String(Math.ceil(context.ttl / 1000)),
      }),
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      // Personal data must not linger in caches (SECURITY.md check 22).
      reply.header('cache-control', 'no-store');
    }
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    if (services.config.serverTiming) {
      // Time inside the server, from arrival to a serialised answer (total only, no breakdown), so
      // that `npm run bench` can tell it from the network (SERVER_TIMING=1; docs/performance.md).
      reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    // Route pattern, never the URL: query strings may hold names (SECURITY.md check 28).
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: '0.1.0',
        description:
          'Relationship-based social work. Errors are RFC 9457 problem details. Sign in with POST /api/auth/login; ' +
          'send the returned csrfToken as `x-csrf-token` on every state-changing request.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  installAuthentication(app, services.db, {
    idleMinutes: services.config.sessionIdleMinutes,
    absoluteHours: services.config.sessionAbsoluteHours,
  });

  registerHealthRoutes(app, services);
  registerAuthRoutes(app, services);
  registerPeopleRoutes(app, services);
  registerNetworkRoutes(app, services);
  registerConsentRoutes(app, services);
  registerContactRoutes(app, services);
  registerCommitmentRoutes(app, services);
  registerCadenceRoutes(app, services);
  registerCalendarRoutes(app, services);
  registerCheckinRoutes(app, services);
  registerGoalRoutes(app, services);
  registerAuditRoutes(app, services);
  registerNotificationRoutes(app, services);
  registerStaffRoutes(app, services);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  if (serveWeb) {
    // Files are looked up per request, so a rebuild under a running server is served at once.
    await app.register(fastifyStatic, {
      root: webFolder,
      cacheControl: false, // set below: assets for a year, everything else revalidated
      setHeaders: (response, file) => {
        response.setHeader(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return app;
}
