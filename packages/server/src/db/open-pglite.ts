import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { BackupDatabase } from './backup-database.js';
import { type BackupDb, toBackupDatabase } from './drizzle-handle.js';
import { migrationsFolder } from './migrations-folder.js';
import { schema } from './schema.js';

/**
 * Embedded Postgres (WASM) in `dataDir`, or in memory without one (or with `memory://`). One
 * process owns a PGlite folder at a time; run several instances on a real Postgres instead.
 */
export async function openPglite(dataDir?: string): Promise<BackupDatabase> {
  if (dataDir && !dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  try {
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder });
    return toBackupDatabase(db as unknown as BackupDb, 'pglite', () => client.close());
  } catch (error) {
    await client.close();
    throw error;
  }
}
