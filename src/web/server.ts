// The officers' and admins' console (DESIGN.md, Console): server-rendered GOV.UK Design System pages,
// no client-side framework. Every page needs a signed-in user; every form carries a CSRF token; the
// Content-Security-Policy allows only this origin; request logs carry no query strings.
import { join } from 'node:path';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import secureSession from '@fastify/secure-session';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import type { Db } from '../adapters/db/database.js';
import type { Stores } from '../adapters/db/stores.js';
import type { ConsoleSettings } from '../config/console-settings.js';
import type { Logger } from '../logger.js';
import { packageRoot } from '../paths.js';
import type { NotifyDirectory } from '../pipeline/notify/notify-directory.js';
import { addAdminRoutes } from './admin-routes.js';
import type { AdminOptions } from './admin-options.js';
import { addAssignRoutes } from './assign-routes.js';
import { addAuthRoutes, type OneTimeSignIn } from './auth-routes.js';
import { addCaseRoutes } from './case-routes.js';
import { addQueueRoutes } from './queue-routes.js';
import { addReportRoutes } from './report-routes.js';
import { userOf, type ConsoleUser } from './roles.js';

export interface ConsoleDeps {
  db: Db;
  stores: Stores;
  settings: ConsoleSettings;
  notify: NotifyDirectory;
  log: Logger;
  /** Whether the database answers (`/healthz`). */
  databaseUp: () => Promise<boolean>;
  now?: () => Date;
  /** The topic taxonomy officers correct questions to (FOI_ANALYSIS_CONFIG's); the default taxonomy without it. */
  topics?: readonly string[];
  /** The demo's loopback sign-in (never in `web` or `run`). */
  oneTimeSignIn?: OneTimeSignIn;
  /** The admin pages' analysis settings file and evaluation set (absent: built-in settings, read-only). */
  admin?: AdminOptions;
}

declare module 'fastify' {
  interface FastifyRequest { user: ConsoleUser | null }
}
declare module '@fastify/secure-session' {
  interface SessionData {
    identity: string;
    oidc: { verifier: string; state: string; nonce: string };
    flash: { kind: 'success' | 'error'; text: string };
  }
}

const viewsDir = join(packageRoot, 'views');
const govukDir = join(packageRoot, 'node_modules', 'govuk-frontend', 'dist');
const mojDir = join(packageRoot, 'node_modules', '@ministryofjustice', 'frontend');
const PUBLIC_PATHS = [/^\/healthz$/, /^\/sign-in$/, /^\/auth\//, /^\/assets\//, /^\/static\//];

/** Renders a page with what every page needs: the user, the CSRF token, the CSP nonce and a flash message. */
export async function page(request: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown> = {}): Promise<FastifyReply> {
  const flash = request.session.get('flash');
  if (flash) request.session.set('flash', undefined);
  const csrfToken = request.user ? reply.generateCsrf() : undefined;
  return reply.type('text/html; charset=utf-8').view(template, {
    ...data, user: request.user, csrfToken, flash, cspNonce: reply.cspNonce.script, currentPath: request.url.split('?')[0],
  });
}

export async function buildConsole(deps: ConsoleDeps): Promise<FastifyInstance> {
  const { settings } = deps;
  const app = Fastify({ loggerInstance: deps.log as unknown as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }), trustProxy: false, bodyLimit: 256 * 1024 });
  // Paths only: a query string may hold a search for a requester's name.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], fontSrc: ["'self'"],
        connectSrc: ["'self'"], manifestSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: settings.consoleUrl.protocol === 'https:',
  });
  await app.register(formbody);
  await app.register(secureSession, {
    secret: settings.sessionSecret, salt: 'foi-intake-cons1', cookieName: 'foi_console',
    // Lax: the identity provider's redirect back to /auth/callback is a cross-site top-level GET.
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: true, maxAge: 8 * 3600 },
    expiry: 8 * 3600,
  });
  await app.register(csrf, { sessionPlugin: '@fastify/secure-session' });
  await app.register(fastifyView, {
    engine: { nunjucks }, templates: [viewsDir, govukDir, mojDir], options: { autoescape: true, throwOnUndefined: false },
  });
  await app.register(fastifyStatic, { root: join(govukDir, 'govuk', 'assets'), prefix: '/assets/', index: false, wildcard: true });
  await app.register(fastifyStatic, {
    root: [join(govukDir, 'govuk'), join(mojDir, 'moj'), join(viewsDir, 'static')], prefix: '/static/', decorateReply: false, index: false,
    // Scripts only the console's own, named: pages work without them (progressive enhancement).
    allowedPath: (path) => /\.(css|woff2?|png|svg|ico)$/.test(path) || path === '/refresh-progress.js',
  });

  app.decorateRequest('user', null);
  app.addHook('preHandler', async (request, reply) => {
    const identity = request.session?.get('identity');
    request.user = identity ? userOf(identity, settings) : null;
    const path = request.url.split('?')[0]!;
    if (PUBLIC_PATHS.some((p) => p.test(path))) return;
    if (!request.user) return reply.redirect('/sign-in', 302);
    if (path.startsWith('/admin') && request.user.role !== 'admin') return reply.code(403).send(await renderError(reply, request, 403));
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST') return app.csrfProtection(request, reply, done);
    done();
  });
  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'console request failed');
    return reply.code(status).send(await renderError(reply, request, status));
  });
  app.setNotFoundHandler(async (request, reply) => reply.code(404).send(await renderError(reply, request, 404)));

  app.get('/healthz', async (_request, reply) => {
    const up = await deps.databaseUp().catch(() => false);
    return reply.code(up ? 200 : 503).send({ status: up ? 'ok' : 'database unavailable' });
  });
  app.get('/', async (_request, reply) => reply.redirect('/cases', 302));
  addAuthRoutes(app, deps);
  addQueueRoutes(app, deps);
  addCaseRoutes(app, deps);
  addAssignRoutes(app, deps);
  addAdminRoutes(app, deps);
  addReportRoutes(app, deps);
  return app;
}

const ERROR_TITLES: Record<number, string> = {
  403: 'You do not have permission to see this page', 404: 'Page not found', 413: 'That was too large',
};

async function renderError(reply: FastifyReply, request: FastifyRequest, status: number): Promise<string> {
  const title = ERROR_TITLES[status] ?? (status < 500 ? 'That request could not be handled' : 'Sorry, there is a problem with the service');
  reply.type('text/html; charset=utf-8');
  return reply.viewAsync('error.njk', { title, status, user: request.user, cspNonce: reply.cspNonce?.script, currentPath: request.url.split('?')[0] });
}
