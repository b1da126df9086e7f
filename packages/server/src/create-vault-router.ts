import { Hono } from 'hono';
import { lazyKeyProvider } from './crypto/lazy-key-provider.js';
import { loadDefaultKeyFileProvider } from './crypto/key-providers-of.js';
import { drizzleOf } from './db/drizzle-handle.js';
import { DEFAULT_MAX_BODY_BYTES } from './defaults.js';
import type { AppEnv } from './http/app-env.js';
import { closeUnreadConnections } from './http/close-unread-connections.js';
import { logRequests } from './http/log-requests.js';
import { routeLimits } from './http/route-limits.js';
import { type ServedRouter, serveRouter } from './http/serve-router.js';
import { createJsonLogger, redactingLogger } from './log/logger.js';
import type { VaultRouterOptions } from './router-options.js';
import { vaultRouteModule } from './vault/vault-route-module.js';

export interface VaultRouter extends ServedRouter {
  /** The Hono app, routes under `/vault/...`; mount it with `parent.route('/', router.app)`. */
  readonly app: Hono<AppEnv>;
}

/**
 * The passkey key vault on its own: `POST /vault/registration/{options,verify}` and
 * `POST /vault/authentication/{options,verify}`. `createBackupRouter({ vault })` serves the
 * same routes beside the backup routes.
 */
export function createVaultRouter(options: VaultRouterOptions): VaultRouter {
  const logger = redactingLogger(options.logger ?? createJsonLogger());
  const db = drizzleOf(options.db);
  const keyProvider = options.keyProvider ?? lazyKeyProvider(() => loadDefaultKeyFileProvider());
  const { settings: limits, limitOf } = routeLimits(db, options.rateLimit, options.trustProxy);
  const app = new Hono<AppEnv>();
  app.use('*', logRequests(logger));
  app.use('*', closeUnreadConnections());
  app.route(
    '/vault',
    vaultRouteModule(options, {
      db,
      keyProvider,
      logger,
      rateLimit: limits ? limitOf(limits.maxPerVaultCaller) : false,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    }),
  );
  return { app, ...serveRouter(app, logger) };
}
