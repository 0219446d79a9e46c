import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { ServerResponse } from 'node:http';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { frameworkErrors, refuseNulCharacters, registerErrorHandling } from './core/http.ts';
import { registerSecurityHeaders } from './core/security-headers.ts';
import { databaseRateLimitStore, memoryRateLimitStore, rateLimitJobs } from './core/rate-limit/index.ts';
import { maintenanceJobs } from './db/maintenance.ts';
import { acceptConnectionsFirst } from './db/pglite-turns.ts';
import type { App } from './core/types.ts';
import type { Database } from './db/index.ts';
import { createMailer, mailJobs, type Mailer } from './mail/index.ts';
import type { JobDefinition } from './jobs/index.ts';
import { authJobs, authRoutes, createAuthService, registerAuthentication } from './modules/auth/index.ts';
import { createOutboxService, outboxRoutes } from './modules/outbox/index.ts';
import { broadcastJobs, broadcastsRoutes, consentRoutes, createAudienceSettings, createBroadcastSender, createBroadcastsService, createConsentService, createQuestionsService, createRightsService, createSubscribeService, publicFormRoutes, questionsRoutes, rightsRoutes } from './modules/audience/index.ts';
import { backupRoutes, createBackupService } from './modules/backup/index.ts';
import { createFocusService, focusRoutes } from './modules/focus/index.ts';
import { createEventsModule, eventPageRoutes, eventsJobs, eventsRoutes } from './modules/events/index.ts';
import { createImportsService, importsRoutes } from './modules/imports/index.ts';
import { createInsightsService, insightsRoutes } from './modules/insights/index.ts';
import { createNudgesService, createPeopleExport, createPeopleImporter, createPeopleService, nudgesRoutes, peopleRoutes } from './modules/people/index.ts';
import { createCredentialBox, createOutcomes, createPlannerService, createPostsService, blueskyAdapter, createPublisher, defaultRetryPolicy, fetchBlueskyMentions, fetchMastodonMentions, mastodonAdapter, outcomesJobs, outcomesRoutes, plannerRoutes, postsRoutes, publishJobs } from './modules/posts/index.ts';
import { publicRoutes, renderNotFound } from './modules/public/index.ts';
import { createWorkspacesService, workspacesRoutes } from './modules/workspaces/index.ts';
import { webRoutes } from './web.ts';

export type AppOptions = {
  config: Config;
  database: Database;
  clock?: Clock;
  mailer?: Mailer;
  logger?: FastifyServerOptions['logger'];
  // Tests raise it to sign in many times; production keeps the default.
  loginRateLimit?: number;
  // Every public form's limit per address and minute; tests and benchmarks raise it.
  formRateLimit?: number;
  // How long a public event page may be served from memory (ms); tests that change an event and look
  // at its page at once set 0, production keeps a second.
  pageCacheMs?: number;
};

export type Services = ReturnType<typeof createServices>;

// The composition root: every module's service, built from what it needs.
export function createServices({ config, database, clock = systemClock, mailer }: Pick<AppOptions, 'config' | 'database' | 'clock' | 'mailer'>) {
  const { db } = database;
  mailer ??= createMailer({ smtpUrl: config.smtpUrl, dataDir: config.dataDir, from: config.mailFrom });
  const workspaces = createWorkspacesService({ db });
  const auth = createAuthService({ db, clock, workspaces, publicUrl: config.publicUrl, sessionDays: config.sessionDays });
  const people = createPeopleService({ db, clock });
  const consent = createConsentService({ db, clock });
  const { events, registrations } = createEventsModule({ db, clock, people, consent, workspaces, publicUrl: config.publicUrl });
  // Nudges read the meetups: the next one with places (invite) and the one running (meeting mode).
  const nudges = createNudgesService({ db, clock, people, workspaces, secret: config.secret, publicUrl: config.publicUrl, hostedEvents: events });
  const importer = createPeopleImporter({ db, clock });
  const imports = createImportsService({ db, clock, importer });
  const outbox = createOutboxService({ mailer });
  const backup = createBackupService({ db, clock, workspaces });
  const peopleExport = createPeopleExport({ db });
  const subscribe = createSubscribeService({ db, clock, consent, secret: config.secret, publicUrl: config.publicUrl });
  const questions = createQuestionsService({ db, clock, people, consent, subscribe, members: auth, workspaces });
  const rights = createRightsService({ db, people, nudges, consent });
  const audienceSettings = createAudienceSettings(db);
  const broadcasts = createBroadcastsService({ db, clock, consent, subscribe, members: auth, workspaces, meetups: events });
  const broadcastSender = createBroadcastSender({ db, clock, mailer, broadcasts, subscribe, workspaces, settings: audienceSettings, concurrency: database.kind === 'postgres' ? 3 : 1 });
  const posts = createPostsService({ db, clock, workspaces, box: createCredentialBox(config.secret) });
  people.checkPostsWith(posts.postExists);
  // Focus budgets are checked against the posts module's cadence goals.
  const focus = createFocusService({ db, clock, people, nudges, workspaces, posting: posts });
  const planner = createPlannerService({ clock, workspaces, repository: posts.repository, meetups: events });
  const insights = createInsightsService({ db, clock, workspaces });
  const publisher = createPublisher({ db, clock, credentialsOf: posts.credentialsOf, adapters: { mastodon: mastodonAdapter(defaultRetryPolicy), bluesky: blueskyAdapter(defaultRetryPolicy) } });
  const outcomes = createOutcomes({ db, clock, importer, credentialsOf: posts.credentialsOf, fetchers: { mastodon: fetchMastodonMentions, bluesky: fetchBlueskyMentions } });
  return { mailer, workspaces, auth, people, nudges, imports, outbox, backup, peopleExport, consent, subscribe, questions, rights, audienceSettings, broadcasts, broadcastSender, focus, posts, planner, publisher, outcomes, events, registrations, insights };
}

// Every module's jobs, for the worker to run. `webBusy`: the web server of this process (onland start) has requests under way.
export function allJobs(services: Services, database: Database, webBusy?: () => boolean): JobDefinition[] {
  return [...authJobs(services.auth), ...rateLimitJobs(database), ...maintenanceJobs(database), ...mailJobs(database.db, services.mailer, () => new Date(), webBusy), ...broadcastJobs(services.broadcastSender), ...publishJobs(services.publisher), ...outcomesJobs(services.outcomes), ...eventsJobs(services)];
}

export type RouteEntry = { method: string; url: string; public: boolean };

export async function buildApp(options: AppOptions): Promise<{ app: App; services: Services; routes: RouteEntry[]; busy: () => boolean }> {
  const { config, database } = options;
  const services = createServices(options);
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  // Requests under way (from arrival to the response's end or the connection's loss), so that background
  // work in this process can give way to them.
  let inFlight = 0;
  app.server.on('request', (_request, response: ServerResponse) => {
    inFlight++;
    response.once('close', () => inFlight--);
  });
  if (database.kind === 'pglite') acceptConnectionsFirst(app.server);
  // A mailer the app made is the app's to close: its pooled SMTP connections end with it.
  if (!options.mailer) app.addHook('onClose', async () => services.mailer.close());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The route table, for tests that must cover every route (OpenAPI, tenancy, fuzzing).
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, public: route.config?.public === true });
  });

  const { withCspNonce } = registerSecurityHeaders(app, { https: config.publicUrl.startsWith('https:') });
  await app.register(fastifyCookie);
  // Counted in the database on PostgreSQL, so limits hold across server processes; in memory on the embedded
  // database, which one process owns (memoryRateLimitStore).
  await app.register(fastifyRateLimit, { global: false, skipOnError: true, store: database.kind === 'postgres' ? databaseRateLimitStore(database) : memoryRateLimitStore(database) });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Onland API', version: '1', description: 'Everything the Onland web app does. Authenticate with `Authorization: Bearer <token>` (`onland token create`).' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'onland_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The reference page is Swagger UI's own, which sets a few inline styles; only there are they allowed.
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, transformStaticCSP: (header) => header.replace(/style-src ([^;]*)/, "style-src $1 'unsafe-inline'") });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());

  registerErrorHandling(app, renderNotFound);
  refuseNulCharacters(app);
  registerAuthentication(app, services.auth);

  app.get('/health', { schema: { hide: true }, config: { public: true } }, async (_request, reply) => {
    try {
      await database.query('select 1');
      return { status: 'ok', database: { kind: database.kind, ok: true } };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: { kind: database.kind, ok: false } });
    }
  });

  const secureCookies = config.publicUrl.startsWith('https:');
  authRoutes(app, { auth: services.auth, workspaces: services.workspaces, secureCookies, loginRateLimit: options.loginRateLimit ?? 10, publicUrl: config.publicUrl });
  workspacesRoutes(app, services);
  peopleRoutes(app, services);
  nudgesRoutes(app, { nudges: services.nudges, publicUrl: config.publicUrl });
  outboxRoutes(app, services);
  await importsRoutes(app, services);
  backupRoutes(app, services);
  consentRoutes(app, services);
  questionsRoutes(app, services);
  rightsRoutes(app, services);
  focusRoutes(app, services);
  broadcastsRoutes(app, services);
  postsRoutes(app, { posts: services.posts, publicUrl: config.publicUrl, clock: options.clock ?? systemClock });
  outcomesRoutes(app, { outcomes: services.outcomes });
  plannerRoutes(app, services);
  eventsRoutes(app, services);
  insightsRoutes(app, services);
  await publicFormRoutes(app, { ...services, formRateLimit: options.formRateLimit ?? config.formRateLimit });
  await eventPageRoutes(app, { ...services, clock: options.clock ?? systemClock, formRateLimit: options.formRateLimit ?? config.formRateLimit, pageCacheMs: options.pageCacheMs ?? 1000 });
  await publicRoutes(app);
  await webRoutes(app, { withCspNonce });

  return { app, services, routes, busy: () => inFlight > 0 };
}
