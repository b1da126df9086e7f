import { Hono } from 'hono';
import { lazyKeyProvider } from './crypto/lazy-key-provider';
import type { KeyProvider } from './crypto/key-provider';
import { loadLocalKeyFileProvider } from './crypto/local-key-file-provider';
import type { BackupDb } from './db/drizzle-handle';
import { drizzleOf } from './db/drizzle-handle';
import { DEFAULT_CHALLENGE_TTL_MS, DEFAULT_KEY_FILE, DEFAULT_MAX_BODY_BYTES, DEFAULT_RATE_LIMIT } from './defaults';
import type { AppEnv } from './http/app-env';
import { logRequests } from './http/log-requests';
import type { RouteRateLimit } from './http/rate-limited';
import { type ServedRouter, serveRouter } from './http/serve-router';
import { vaultRoutes } from './http/vault-routes';
import { createJsonLogger, type Logger, redactingLogger } from './log/logger';
import type { VaultOptions, VaultRouterOptions } from './router-options';
import { createRateLimitStore } from './store/rate-limit-store';
import { createVaultCeremonyStore } from './store/vault-ceremony-store';
import { createVaultCredentialStore } from './store/vault-credential-store';
import { createPasskeyVault } from './vault/passkey-vault';
import { relyingPartiesOf } from './vault/relying-parties';

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
  const keyProvider = options.keyProvider ?? lazyKeyProvider(() => loadLocalKeyFileProvider(DEFAULT_KEY_FILE));
  const limits = options.rateLimit === false ? undefined : { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
  const app = new Hono<AppEnv>();
  app.use('*', logRequests(logger));
  app.route(
    '/vault',
    vaultRouteModule(options, {
      db,
      keyProvider,
      logger,
      rateLimit: limits
        ? { store: createRateLimitStore(db), windowSeconds: limits.windowSeconds, max: limits.maxPerVaultCaller }
        : false,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    }),
  );
  return { app, ...serveRouter(app, logger) };
}

export interface VaultRouteModuleContext {
  db: BackupDb;
  keyProvider: KeyProvider;
  /** Already redacting. */
  logger: Logger;
  rateLimit: RouteRateLimit | false;
  maxBodyBytes: number;
}

/** The vault's route module, to mount under `/vault`; checks the options before serving anything. */
export function vaultRouteModule(options: VaultOptions, context: VaultRouteModuleContext): Hono<AppEnv> {
  const relyingParties = relyingPartiesOf(options.relyingParties, options.allowedOrigins);
  const challengeTtlMs = options.challengeTtlMs ?? DEFAULT_CHALLENGE_TTL_MS;
  if (!Number.isInteger(challengeTtlMs) || challengeTtlMs < 1_000 || challengeTtlMs > 3_600_000) {
    throw new Error('vault: challengeTtlMs must be a whole number of milliseconds from 1000 to 3600000');
  }
  const vault = createPasskeyVault({
    ceremonies: createVaultCeremonyStore(context.db),
    credentials: createVaultCredentialStore(context.db, context.keyProvider),
    relyingParties,
    challengeTtlMs,
    logger: context.logger,
  });
  return vaultRoutes({
    vault,
    cors: options.cors ?? { origins: [...options.allowedOrigins] },
    rateLimit: context.rateLimit,
    maxBodyBytes: context.maxBodyBytes,
  });
}
