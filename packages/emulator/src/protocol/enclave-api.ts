import type { Curve, PerCurve } from './curves.js';

/**
 * Portal's server-side APIs as seeds 000 and 002 show them, served by the emulator:
 * the Enclave MPC API (`https://mpc-client.portalhq.io/v1/…` → `http://localhost:PORT/v1/…`)
 * and the backup-share-pair API (`https://api.portalhq.io/api/v3/…` → `http://localhost:PORT/api/v3/…`).
 * Every call carries `Authorization: Bearer <client API key>`. Shares are lowercase hex scalars.
 */
export const EnclaveApiPaths = {
  generate: '/v1/generate',
  backup: '/v1/backup',
  recover: '/v1/recover',
  /** PATCH marks pairs stored; `${backupSharePairs}/{id}` (POST) stores a pair's clientCipherText. */
  backupSharePairs: '/api/v3/clients/me/backup-share-pairs',
} as const;

/** A share of one curve and the id of the pair it belongs to. */
export interface IdentifiedShare {
  id: string;
  share: string;
}

/** `POST /v1/generate` (and `/v1/recover`): the client signing shares, with their signing share pair ids. */
export type SigningSharesResponse = PerCurve<IdentifiedShare>;

/** `POST /v1/backup` body: the generate response as a JSON string (seed 002). */
export interface EnclaveBackupRequest {
  generateResponse: string;
  /** Emulator extension: the method the pairs carry in getClient (default 'UNKNOWN'). */
  backupMethod?: string;
}

/** `POST /v1/backup` answer: the client backup share of each curve with its backup share pair id. */
export interface EnclaveBackupResponse {
  secp256k1Share: IdentifiedShare;
  ed25519Share: IdentifiedShare;
}

export const BACKUP_SHARE_FIELDS: Record<Curve, keyof EnclaveBackupResponse> = {
  SECP256K1: 'secp256k1Share',
  ED25519: 'ed25519Share',
};

/** `POST /v1/recover` body: the backup response as a JSON string, plaintext shares (seed 000). */
export interface EnclaveRecoverRequest {
  backupResponse: string;
}

/** `POST /api/v3/clients/me/backup-share-pairs/{id}` body. */
export interface StoreClientCipherTextRequest {
  clientCipherText: string;
}

/** `STORED_CLIENT_BACKUP_SHARE_KEY` marks a passkey-encrypted backup (seed 000). */
export const BACKUP_SHARE_PAIR_STATUSES = ['STORED_CLIENT_BACKUP_SHARE', 'STORED_CLIENT_BACKUP_SHARE_KEY'] as const;
export type BackupSharePairStatusUpdate = (typeof BACKUP_SHARE_PAIR_STATUSES)[number];

/** `PATCH /api/v3/clients/me/backup-share-pairs` body. */
export interface UpdateBackupSharePairsRequest {
  status: BackupSharePairStatusUpdate;
  backupSharePairIds: string[];
}

/** Errors of these APIs: the HTTP status, a message, and the body field at fault when there is one. */
export interface EnclaveApiErrorResponse {
  error: { status: number; message: string; field?: string };
}
