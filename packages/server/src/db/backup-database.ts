/**
 * An open, migrated database: PGlite in a folder or in memory, or a real Postgres. Opaque on
 * purpose: the query layer stays an implementation detail (and its types out of consumers').
 */
export interface BackupDatabase {
  readonly kind: 'pglite' | 'postgres';
  /** Closes what `openBackupDatabase` opened (a pool passed in by the caller stays open). */
  close(): Promise<void>;
}
