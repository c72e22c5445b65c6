import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Orm } from '../db/orm.js';
import { withSqlCounter, type SqlCounter } from '../db/sql-counter.js';
import { SqlPools } from '../db/pools.js';
import { buildAppSchema } from '../graphql/schema.js';
import { createContext, type Context } from '../graphql/context.js';
import { formatError } from '../graphql/errors.js';
import { TokenService, bearer } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import { ViewerCache } from '../auth/viewer-cache.js';
import { CommitteePaths } from '../graphql/committee-paths.js';
import { forbiddenFields } from '../auth/schema-policy.js';
import { LiveBus } from '../live/bus.js';
import { Live } from '../live/live.js';
import { sharedSubscriptions } from '../live/multicast.js';
import { protectionPlugin } from '../graphql/protection.js';
import { loadLimits } from '../graphql/limits.js';
import { runnableDocument } from '../modules/saved-query/saved-query.service.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Kind } from 'graphql';

export interface AppServer {
  httpServer: Server;
  url: string;
  live: Live;
  close: () => Promise<void>;
}

export interface AppServerOptions {
  orm: Orm;
  port: number;
  host: string;
  webDist?: string;
  exposeSqlCount?: boolean;
  /** Per-role limits; GB_LIMITS / the defaults when omitted. */
  limits?: ReturnType<typeof loadLimits>;
}

type CountedRequest = express.Request & { sqlCounter?: SqlCounter; viewer?: Viewer | null; savedQueryId?: number | null };

/** Adds `extensions.forbiddenFields` (masked by the field policy) and, when enabled, `extensions.sqlStatements`. */
const extensionsPlugin = (exposeSqlCount: boolean): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        // Answers carry personal data: never stored by a cache (this replaces Apollo's cache-control
        // plugin, which said the same after a hook on every resolved field).
        response.http.headers.set('cache-control', 'no-store');
        if (response.body.kind !== 'single') return;
        const forbidden = forbiddenFields(contextValue);
        const extra = {
          ...(forbidden ? { forbiddenFields: forbidden } : {}),
          ...(exposeSqlCount ? { sqlStatements: contextValue.sql.statements } : {}),
        };
        if (Object.keys(extra).length) response.body.singleResult.extensions = { ...response.body.singleResult.extensions, ...extra };
      },
    };
  },
});

/**
 * Mutations that cannot change what any viewer is made of (session, account, roles, member's
 * cells, unit paths). Any other mutation of this process drops the cached viewers before its
 * answer is sent, so the next request (a signed-out token, a disabled account, a revoked role)
 * is decided on the database; other processes learn it by the auth triggers' notifications.
 */
const VIEWER_NEUTRAL_MUTATIONS = new Set([
  'answerFeedback', 'approveClassification', 'assignHousehold', 'closeFeedback', 'createCell', 'createCommittee', 'deleteSavedQuery',
  'escalateFeedback', 'login', 'raiseFeedback', 'rateResidentMember', 'recordVisit', 'returnClassification', 'saveQuery',
  'setCellClassification', 'setMemberClassification', 'setMemberStatus', 'submitClassification', 'unassignHousehold', '__typename',
]);

const forgetViewersPlugin = (viewers: ViewerCache): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      async willSendResponse({ operation }) {
        if (operation?.operation !== 'mutation') return;
        if (operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || !VIEWER_NEUTRAL_MUTATIONS.has(s.name.value))) viewers.forgetAll();
      },
    };
  },
});

/** The API (HTTP and WebSocket on /graphql) and the dashboard on one port. */
export async function startServer(options: AppServerOptions): Promise<AppServer> {
  const { orm } = options;
  const schema = await buildAppSchema();
  const tokens = await TokenService.create(orm.em.fork());
  const pools = new SqlPools(orm.config.get('clientUrl')!);
  const viewers = new ViewerCache(orm.config.get('clientUrl')!, pools.session, (line) => console.error(`[gan-bo] ${line}`));
  await viewers.start();
  const committeePaths = new CommitteePaths(pools.session, () => viewers.usable);
  viewers.onForgetEverything(() => committeePaths.clear());
  /** The viewer of a bearer token: verified signature, live session, enabled account. */
  const viewerOf = async (authorization: unknown): Promise<Viewer | null> => {
    const claims = await tokens.verify(bearer(authorization));
    return claims ? viewers.viewer(claims) : null;
  };
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: they are never cached (no-store), and hashing each body costs CPU.
  app.set('etag', false);
  // Behind a reverse proxy, GB_TRUST_PROXY (e.g. "loopback" or a hop count) makes req.ip the client's
  // address, which login rate limiting counts by.
  if (process.env.GB_TRUST_PROXY) app.set('trust proxy', /^\d+$/.test(process.env.GB_TRUST_PROXY) ? Number(process.env.GB_TRUST_PROXY) : process.env.GB_TRUST_PROXY);
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY' });
    next();
  });
  const httpServer = createServer(app);

  const live = new Live(new LiveBus(orm.config.get('clientUrl')!), () => orm.em.fork() as EntityManager);
  await live.bus.start();

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  type Extra = { viewer?: Viewer; expiry?: NodeJS.Timeout };
  const wsCleanup = useServer<Record<string, unknown> | undefined, Extra>({
    schema,
    subscribe: sharedSubscriptions(),
    // Authenticated at connection_init; the socket closes (4401) when the access token expires,
    // and the client reconnects with a fresh one.
    onConnect: async (ctx) => {
      const viewer = await viewerOf(ctx.connectionParams?.authorization);
      if (!viewer) return false;
      ctx.extra.viewer = viewer;
      const ms = viewer.tokenExpiresAt.getTime() - Date.now();
      ctx.extra.expiry = setTimeout(() => ctx.extra.socket.close(4401, 'Unauthorized: token expired'), Math.max(0, ms));
      return true;
    },
    onClose: (ctx) => clearTimeout(ctx.extra.expiry),
    // Called once per operation: each subscription gets its own EntityManager and loaders.
    context: (ctx) => createContext(orm, {
      tokens,
      live,
      viewer: ctx.extra.viewer ?? null,
      committeePaths,
      address: ctx.extra.request.socket.remoteAddress ?? 'unknown',
      userAgent: ctx.extra.request.headers['user-agent'] ?? null,
    }),
  }, wsServer);

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Compact JSON: Apollo's default indents every answer (more bytes to build and to send).
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      extensionsPlugin(options.exposeSqlCount ?? false),
      protectionPlugin(options.limits ?? loadLimits(), pools),
      forgetViewersPlugin(viewers),
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.fork().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use(
    '/graphql',
    (req: CountedRequest, _res, next) => {
      req.sqlCounter = { statements: 0 };
      withSqlCounter(req.sqlCounter, next);
    },
    express.json({ limit: '1mb' }),
    // The viewer, and a saved query named by `extensions.savedQueryId` in place of a document.
    async (req: CountedRequest, res, next) => {
      try {
        req.viewer = await viewerOf(req.headers.authorization);
        const savedQueryId = Number(req.body?.extensions?.savedQueryId);
        if (req.method === 'POST' && req.body && !req.body.query && Number.isSafeInteger(savedQueryId) && savedQueryId > 0) {
          const saved = req.viewer ? await runnableDocument(orm.em.fork() as EntityManager, req.viewer, savedQueryId) : null;
          if (!saved) {
            res.status(404).json({ errors: [{ message: 'Không tìm thấy truy vấn đã lưu / Saved query not found', extensions: { code: 'NOT_FOUND', field: 'savedQueryId' } }] });
            return;
          }
          req.body.query = saved.document;
          req.body.variables = { ...saved.variables, ...req.body.variables };
          req.savedQueryId = savedQueryId;
        }
        next();
      } catch (error) {
        next(error);
      }
    },
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(orm, {
        tokens,
        viewer: (req as CountedRequest).viewer ?? null,
        savedQueryId: (req as CountedRequest).savedQueryId ?? null,
        committeePaths,
        live,
        sql: (req as CountedRequest).sqlCounter,
        address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        userAgent: req.headers['user-agent'] ?? null,
      }),
    }),
  );

  if (options.webDist && existsSync(path.join(options.webDist, 'index.html'))) {
    app.use(express.static(options.webDist, { index: false, maxAge: '1h' }));
    // The dashboard is a single-page app: every other GET path is one of its routes.
    app.get('/{*route}', (_req, res) => res.sendFile(path.join(options.webDist!, 'index.html')));
  }

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    httpServer,
    live,
    url: `http://${options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host}:${port}`,
    close: async () => {
      await apollo.stop();
      await viewers.stop();
      await live.stop();
      await pools.close();
    },
  };
}
