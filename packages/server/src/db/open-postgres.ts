import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Logger } from '../log/logger.js';
import { describeError } from '../log/describe-error.js';
import type { BackupDatabase } from './backup-database.js';
import { type BackupDb, toBackupDatabase } from './drizzle-handle.js';
import { migrationsFolder } from './migrations-folder.js';
import { schema } from './schema.js';

// Any fixed number shared by every instance: the lock that lets one of them migrate at a time.
const MIGRATION_LOCK_ID = 0x6b_69_74_01;

export interface OpenPostgresOptions {
  databaseUrl?: string;
  /** A pool the application already has; it is not closed by `close()`. */
  pool?: pg.Pool;
  /** Connections per instance when the pool is created here. */
  maxConnections?: number;
  logger: Logger;
}

export async function openPostgres(options: OpenPostgresOptions): Promise<BackupDatabase> {
  const ownsPool = !options.pool;
  const pool =
    options.pool ?? new pg.Pool({ connectionString: options.databaseUrl, max: options.maxConnections ?? 10 });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.logger.warn({ err: describeError(error) }, 'postgres connection lost'));
  try {
    await migrateUnderLock(pool);
  } catch (error) {
    if (ownsPool) await pool.end();
    throw error;
  }
  return toBackupDatabase(drizzle({ client: pool, schema }) as unknown as BackupDb, 'postgres', async () => {
    if (ownsPool) await pool.end();
  });
}

/** Instances starting together on one database take turns, so each migration runs once. */
async function migrateUnderLock(pool: pg.Pool): Promise<void> {
  const connection = await pool.connect();
  try {
    await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      await migrate(drizzle({ client: connection, schema }), { migrationsFolder });
    } finally {
      await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    connection.release();
  }
}
