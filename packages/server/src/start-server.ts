import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type BackupRouter, createBackupRouter } from './create-backup-router.js';
import type { KeyProvider } from './crypto/key-provider.js';
import { type KeySourceOptions, keyProvidersOf } from './crypto/key-providers-of.js';
import type { BackupDatabase } from './db/backup-database.js';
import { openBackupDatabase } from './db/open-backup-database.js';
import { DEFAULT_DATA_DIR } from './defaults.js';
import { createJsonLogger, redactingLogger } from './log/logger.js';
import type { BackupRouterOptions } from './router-options.js';

export interface StartServerOptions extends Omit<BackupRouterOptions, 'db' | 'keyProvider'>, KeySourceOptions {
  /** 0 picks a free port (default 0). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1; use 0.0.0.0 in a container). */
  host?: string;
  /** A Postgres connection string; without it, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data folder (default `.data/server`; `memory://` for a throwaway database). */
  dataDir?: string;
  /** An already open database to serve from; `stop()` leaves it open. */
  database?: BackupDatabase;
  /** Wraps custodian-share data keys; default: from `kmsKeyId` or `keyFile` (see `KeySourceOptions`). */
  keyProvider?: KeyProvider;
}

export interface RunningServer {
  url: string;
  port: number;
  router: BackupRouter;
  /** Stops accepting connections, closes open ones and the database it opened. */
  stop(): Promise<void>;
}

/** Opens (and migrates) the database, then serves the backup router over HTTP. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const logger = redactingLogger(options.logger ?? createJsonLogger());
  const dataDir = options.databaseUrl ? undefined : (options.dataDir ?? DEFAULT_DATA_DIR);
  const { keyProvider, vaultKeyProvider } = await keyProvidersOf(options, options.database ? undefined : dataDir);
  const vault = options.vault && { ...options.vault, keyProvider: options.vault.keyProvider ?? vaultKeyProvider };
  const database =
    options.database ??
    (await openBackupDatabase({
      databaseUrl: options.databaseUrl,
      dataDir,
      logger,
    }));
  const ownsDatabase = !options.database;

  try {
    const router = createBackupRouter({ ...options, db: database, keyProvider, vault, logger });
    const host = options.host ?? '127.0.0.1';
    const server = serve({
      fetch: router.app.fetch,
      port: options.port ?? 0,
      hostname: host,
      overrideGlobalObjects: false,
    });
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      server.once('error', reject);
      server.once('listening', () => resolve(server.address() as AddressInfo));
    });
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    logger.info(
      { url, database: database.kind, mode: router.mode, vault: options.vault ? 'enabled' : 'off' },
      'backup-kit server listening',
    );

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        if (ownsDatabase) await database.close();
      })());
    return { url, port: address.port, router, stop };
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
}
