import type { Hono } from 'hono';
import type { KeyProvider } from '../crypto/key-provider.js';
import type { BackupDb } from '../db/drizzle-handle.js';
import { DEFAULT_CHALLENGE_TTL_MS } from '../defaults.js';
import type { AppEnv } from '../http/app-env.js';
import type { RouteRateLimit } from '../http/rate-limited.js';
import { vaultRoutes } from '../http/vault-routes.js';
import type { Logger } from '../log/logger.js';
import type { VaultOptions } from '../router-options.js';
import { createVaultCeremonyStore } from '../store/vault-ceremony-store.js';
import { createVaultCredentialStore } from '../store/vault-credential-store.js';
import { createPasskeyVault } from './passkey-vault.js';
import { relyingPartiesOf } from './relying-parties.js';

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
