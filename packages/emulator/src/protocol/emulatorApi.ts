import type { BackupMethod } from './backupMethods.js';
import type { PerCurve } from './curves.js';
import type { AppliedFault } from './faults.js';
import type { MessageDetails } from './messageDetails.js';
import type { PortalErrorPayload } from './portalError.js';
import type { SdkRequestType } from './sdkMessageTypes.js';

/**
 * The HTTP contract between the emulator's iframe page and its server (same origin, so no
 * CORS). The iframe plays Portal's client device; the server plays Portal's API and custodian.
 * Requests carry the client's apiKey as `Authorization: Bearer <apiKey>`.
 * Scalars and public keys travel as lowercase hex.
 */
export const ApiPaths = {
  messages: '/api/v1/messages',
  client: '/api/v1/client',
  wallets: '/api/v1/wallets',
  backups: '/api/v1/backups',
  backupSharePairStatus: '/api/v1/backup-share-pairs/status',
  clientBackupShareStored: '/api/v1/client-backup-share-stored',
  recoveries: '/api/v1/recoveries',
  /** Portal-managed backups: the stored client backup share of a method, `${prefix}PASSWORD`. */
  clientBackupSharePrefix: '/api/v1/client-backup-shares/',
  /** The stand-in for Google Drive: one file per backup key id. */
  driveBackupKeyPrefix: '/api/v1/drive/backup-keys/',
} as const;

/** Every message is announced first: the server logs it and hands back a pending fault. */
export interface AnnounceMessageRequest {
  type: SdkRequestType;
  details: MessageDetails;
}
export interface AnnounceMessageResponse {
  clientId: string | null;
  fault: AppliedFault | null;
}

export interface CreateWalletRequest {
  wallets: PerCurve<{ publicKey: string; custodianSigningShare: string }>;
}
export interface AddressResponse {
  address: string;
}

/**
 * Re-randomises the custodian signing share s into the custodian backup share s − r. With
 * Portal-managed backups the iframe also hands over the encrypted client backup share, which
 * Portal keeps (the pairs are then completed at once); otherwise it is never sent.
 */
export interface CreateBackupRequest {
  backupMethod: BackupMethod;
  blinding: PerCurve<string>;
  cipherText?: string;
}
export interface CreateBackupResponse {
  backupIds: string[];
}

export interface SetBackupStatusRequest {
  backupIds: string[];
  status: string;
}
export interface ClientBackupShareStoredRequest {
  success: boolean;
  backupMethod: BackupMethod;
}

/**
 * Recovery: the iframe proves which key its decrypted backup share belongs to by its public
 * share cb·G, and re-randomises the custodian backup share into a new signing share sb − r′.
 */
export interface RecoverWalletRequest {
  backupMethod: BackupMethod;
  clientBackupPublicShares: PerCurve<string>;
  blinding: PerCurve<string>;
}

/** Portal-managed backups: what `recoverWallet('', method)` recovers from. */
export interface StoredClientBackupShareResponse {
  cipherText: string;
}

export interface DriveBackupKey {
  key: string;
}

export interface ApiErrorResponse {
  error: PortalErrorPayload;
}
