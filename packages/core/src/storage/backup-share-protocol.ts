import type { BackupMethod } from '../portal/portal-like.js';

/**
 * The wire contract of @backup-kit/server's share routes, as the client and Portal send them.
 * The server's zod schemas are checked against these types at compile time
 * (packages/server/src/http/wire-contract.ts), so the two cannot drift apart.
 *
 *   POST /users/:userId/user-backup-share        UserBackupShareRequest -> UserBackupShareReceipt
 *   GET  /users/:userId/user-backup-share?backupMethod=M                  -> UserBackupShareAnswer
 *   POST /webhook/backup                          CustodianBackupShareRequest -> 204
 *   POST /webhook/backup/fetch                    CustodianBackupShareFetchRequest -> { share }
 */

/**
 * A user backup share is stored under the methods the kit starts, and ICLOUD, which iOS apps
 * on the same Portal environment send: a share the server refused would be a lost backup.
 */
export type UserBackupShareMethod = BackupMethod | 'ICLOUD';

/**
 * Portal's webhook names "the backup method and curve" (`PASSWORD`, `SECP256K1_PASSWORD`,
 * `ICLOUD`...): an open token matching `^[A-Z0-9_]{1,64}$`, stored and fetched exactly as
 * sent. The kit's own methods are among them; any other well-formed token is kept too.
 */
export type CustodianBackupMethod = BackupMethod | (string & {});

export interface UserBackupShareRequest {
  backupMethod: UserBackupShareMethod;
  /** The share as `backupWallet` encrypted it; the server stores it as given. */
  cipherText: string;
  /** The backup share pair ids Portal made with it (seed 000: keep them together). Absent: []. */
  backupSharePairIds?: string[];
}

export interface UserBackupShareReceipt {
  message: string;
  backupMethod: UserBackupShareMethod;
  createdAt: string;
  updatedAt: string;
}

export interface UserBackupShareAnswer {
  backupMethod: UserBackupShareMethod;
  cipherText: string;
  backupSharePairIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CustodianBackupShareRequest {
  /** Absent from older Portal webhooks: stored as UNKNOWN. */
  backupMethod?: CustodianBackupMethod;
  clientId: string;
  share: string;
}

export interface CustodianBackupShareFetchRequest {
  backupMethod?: CustodianBackupMethod;
  clientId: string;
}
