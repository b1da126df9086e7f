import type pg from 'pg';
import { type Logger, createJsonLogger, redactingLogger } from '../log/logger.js';
import type { BackupDatabase } from './backup-database.js';
import { openPglite } from './open-pglite.js';
import { openPostgres } from './open-postgres.js';

export interface OpenBackupDatabaseOptions {
  /** A Postgres connection string: use a real Postgres instead of PGlite. */
  databaseUrl?: string;
  /** An existing node-postgres pool to use (left open on close). */
  pool?: pg.Pool;
  /** PGlite data folder; without it (and without a Postgres) PGlite runs in memory. */
  dataDir?: string;
  /** Connections in the pool created for `databaseUrl` (default 10). */
  maxConnections?: number;
  logger?: Logger;
}

/** Opens the database and applies pending migrations before anything reads or writes. */
export async function openBackupDatabase(options: OpenBackupDatabaseOptions = {}): Promise<BackupDatabase> {
  if (options.databaseUrl || options.pool) {
    return openPostgres({
      databaseUrl: options.databaseUrl,
      pool: options.pool,
      maxConnections: options.maxConnections,
      logger: redactingLogger(options.logger ?? createJsonLogger()),
    });
  }
  return openPglite(options.dataDir);
}
