import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type BackupRouter, createBackupRouter } from './create-backup-router.js';
import type { KeyProvider } from './crypto/key-provider.js';
import { type KeySourceOptions, keyProvidersOf } from './crypto/key-providers-of.js';
import type { BackupDatabase } from './db/backup-database.js';
import { openBackupDatabase } from './db/open-backup-database.js';
import { DEFAULT_DATA_DIR, DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS } from './defaults.js';
import { isLoopbackHost } from './http/loopback.js';
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
  // Slow clients: a request that has not fully arrived in time is cut (408, then closed).
  /** Whole request, head and body (default 30 000 ms). */
  requestTimeoutMs?: number;
  /** Request head alone (default 10 000 ms, at most `requestTimeoutMs`). */
  headersTimeoutMs?: number;
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
  const host = options.host ?? '127.0.0.1';
  if (options.mode === 'development' && !isLoopbackHost(host.replace(/^\[(.*)\]$/, '$1'))) {
    throw new Error(
      `refusing development mode on --host ${host}: it trusts a header anyone can send, so it listens ` +
        'on loopback only (127.0.0.1, ::1, localhost). Pass --authorize instead of --dev to serve other hosts.',
    );
  }
  const timeouts = slowClientTimeouts(options);
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
    const server = serve({
      fetch: router.app.fetch,
      port: options.port ?? 0,
      hostname: host,
      overrideGlobalObjects: false,
      serverOptions: timeouts,
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

/** Node's own limits on slow requests, checked every second rather than Node's default 30 s. */
export function slowClientTimeouts(options: Pick<StartServerOptions, 'requestTimeoutMs' | 'headersTimeoutMs'>) {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS, requestTimeout);
  for (const [name, value] of Object.entries({ requestTimeoutMs: requestTimeout, headersTimeoutMs: headersTimeout })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`startServer: ${name} must be a positive whole number`);
  }
  return { requestTimeout, headersTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) };
}
