import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { BackupDatabase } from './backup-database.js';
import type { schema } from './schema.js';

/** The Drizzle database both drivers (PGlite and node-postgres) are used through. */
export type BackupDb = PgDatabase<PgQueryResultHKT, typeof schema>;

const handles = new WeakMap<BackupDatabase, BackupDb>();

export function toBackupDatabase(
  db: BackupDb,
  kind: BackupDatabase['kind'],
  close: () => Promise<void>,
): BackupDatabase {
  const database: BackupDatabase = { kind, close };
  handles.set(database, db);
  return database;
}

/** The query layer behind a database from `openBackupDatabase`. */
export function drizzleOf(database: BackupDatabase): BackupDb {
  const db = handles.get(database);
  if (!db) throw new Error('not a database opened by openBackupDatabase');
  return db;
}
