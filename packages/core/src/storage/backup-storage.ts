import type { BackupMethod } from '../portal/portal-like.js';

export interface SaveBackupRequest {
  backupMethod: BackupMethod;
  cipherText: string;
  /** The backup share pair ids Portal made with this share; keep them beside it (seed 000). */
  backupSharePairIds?: string[];
  /** Aborted when the kit stops waiting (time limit or the caller's signal). */
  signal: AbortSignal;
}

export interface LoadBackupRequest {
  backupMethod: BackupMethod;
  signal: AbortSignal;
}

/**
 * Where the app keeps the encrypted client backup share (self-managed backups). `save` must
 * resolve only once the share is durably stored: the kit then tells Portal it was stored.
 */
export interface BackupStorage {
  save(request: SaveBackupRequest): Promise<void>;
  /**
   * Reads the share back, for recovery and to verify a save before Portal hears true;
   * resolves null when there is none.
   */
  load?(request: LoadBackupRequest): Promise<string | null>;
  /**
   * The backup share pair ids stored beside the share (`[]` when none were), or null when there
   * is no share. Lets BackupStatus tell which completed backup a stored share belongs to.
   */
  loadPairIds?(request: LoadBackupRequest): Promise<string[] | null>;
}
