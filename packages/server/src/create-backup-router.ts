import { Hono } from 'hono';
import { vaultRouteModule } from './vault/vault-route-module.js';
import { drizzleOf } from './db/drizzle-handle.js';
import { lazyKeyProvider } from './crypto/lazy-key-provider.js';
import { loadDefaultKeyFileProvider } from './crypto/key-providers-of.js';
import { DEFAULT_MAX_BODY_BYTES, DEV_USER_HEADER, MIN_WEBHOOK_SECRET_LENGTH } from './defaults.js';
import type { AppEnv } from './http/app-env.js';
import { closeUnreadConnections } from './http/close-unread-connections.js';
import { developmentCors } from './http/cors-policy.js';
import { decodablePath } from './http/decodable-path.js';
import { loopbackHostOnly } from './http/loopback-host-only.js';
import { logRequests } from './http/log-requests.js';
import { routeLimits } from './http/route-limits.js';
import { type ServedRouter, serveRouter } from './http/serve-router.js';
import { exportShareRoutes } from './http/export-share-routes.js';
import { userBackupShareRoutes } from './http/user-backup-share-routes.js';
import { webhookRoutes } from './http/webhook-routes.js';
import { createJsonLogger, redactingLogger } from './log/logger.js';
import type { BackupRouterOptions } from './router-options.js';
import { createCustodianBackupShareStore } from './store/custodian-backup-share-store.js';
import { createUserBackupShareStore } from './store/user-backup-share-store.js';

export interface BackupRouter extends ServedRouter {
  /** The Hono app; mount it in another Hono app with `parent.route('/backup', router.app)`. */
  readonly app: Hono<AppEnv>;
  readonly mode: 'development' | 'production';
}

/**
 * The backup routes over an open database. Route modules mount side by side under their own
 * prefix (`/users`, `/webhook`, and `/vault` for the passkey key vault when `vault` is given).
 */
export function createBackupRouter(options: BackupRouterOptions): BackupRouter {
  // Closed by default: only an explicit `mode: 'development'` trusts the header (NODE_ENV decides nothing).
  const mode = options.mode ?? 'production';
  if (mode !== 'development' && mode !== 'production') {
    throw new Error("createBackupRouter: mode must be 'development' or 'production'");
  }
  if (!options.webhookSecret) throw new Error('createBackupRouter: webhookSecret is required');
  if (options.webhookSecret.length < MIN_WEBHOOK_SECRET_LENGTH) {
    throw new Error(
      `createBackupRouter: webhookSecret must be at least ${MIN_WEBHOOK_SECRET_LENGTH} characters; ` +
        'make one with `openssl rand -hex 32`',
    );
  }
  if (!options.authorize && mode !== 'development') {
    throw new Error(
      'createBackupRouter: no authorize hook. Pass `authorize` (how your app identifies the caller), ' +
        `or \`mode: 'development'\` to trust the ${DEV_USER_HEADER} header on loopback only, which anyone can send`,
    );
  }
  const logger = redactingLogger(options.logger ?? createJsonLogger());
  if (!options.authorize) {
    logger.warn(
      { mode, header: DEV_USER_HEADER },
      `DEVELOPMENT MODE: no authorize hook, so user routes trust the ${DEV_USER_HEADER} header. ` +
        "Anyone can read anyone's backup share. Pass `authorize` before exposing this server.",
    );
  }

  const db = drizzleOf(options.db);
  const keyProvider = options.keyProvider ?? lazyKeyProvider(() => loadDefaultKeyFileProvider());
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { settings: limits, limitOf } = routeLimits(db, options.rateLimit, options.trustProxy);
  const limit = (max: number | undefined) => (max === undefined ? false : limitOf(max));

  const app = new Hono<AppEnv>();
  app.use('*', logRequests(logger));
  app.use('*', closeUnreadConnections());
  if (mode === 'development') app.use('*', loopbackHostOnly());
  app.use('*', decodablePath());
  app.route(
    '/users',
    userBackupShareRoutes({
      shares: createUserBackupShareStore(db),
      authorize: options.authorize,
      cors: options.cors ?? (mode === 'development' ? developmentCors : false),
      rateLimit: limit(limits?.maxPerUser),
      maxBodyBytes,
    }),
  );
  const custodianShares = createCustodianBackupShareStore(db, keyProvider);
  // Export exists only with its own, stricter hook: without it the route is a 404.
  if (options.authorizeExport) {
    app.route(
      '/users',
      exportShareRoutes({
        custodianShares,
        authorizeExport: options.authorizeExport,
        rateLimit: limit(limits?.maxExportsPerUser),
        maxBodyBytes,
        logger,
      }),
    );
  }
  app.route(
    '/webhook',
    webhookRoutes({
      custodianShares,
      webhookSecret: options.webhookSecret,
      rateLimit: limit(limits?.maxPerWebhookCaller),
      maxBodyBytes,
      logger,
    }),
  );

  if (options.vault) {
    app.route(
      '/vault',
      vaultRouteModule(options.vault, {
        db,
        keyProvider: options.vault.keyProvider ?? keyProvider,
        logger,
        rateLimit: limit(limits?.maxPerVaultCaller),
        maxBodyBytes,
      }),
    );
  }

  return { app, ...serveRouter(app, logger), mode };
}
