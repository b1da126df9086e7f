import type { BackupMethod } from '../protocol/backup-methods.js';
import type { BackupSharePair, SigningSharePair } from '../protocol/client-response.js';
import type { Curve, PerCurve } from '../protocol/curves.js';
import type { BackupSharePairStatusUpdate } from '../protocol/enclave-api.js';
import { newId, now } from './ids.js';
import type { PasskeyRecord } from './passkey-ceremonies.js';

export interface WalletRecord {
  id: string;
  curve: Curve;
  createdAt: string;
  /** Hex; see curveArithmetic for the encoding. */
  publicKey: string;
  /** The custodian half of the signing key: x = clientSigningShare + custodianSigningShare (mod n). */
  custodianSigningShare: bigint;
  signingSharePairs: SigningSharePair[];
  backupSharePairs: BackupSharePair[];
}

/** Where the custodian backup share of a method went; the share itself is in the custodian store. */
export interface CustodianBackupShareRecord {
  backupMethod: BackupMethod;
  storedAt: string;
  location: 'emulator' | 'webhook';
}

/** The encrypted client backup share of one method, kept by Portal (Portal-managed backups only). */
export interface KeptClientBackupShare {
  backupMethod: BackupMethod;
  cipherText: string;
  storedAt: string;
}

/** One Portal client, identified by the apiKey its Portal was configured with. */
export interface ClientRecord {
  id: string;
  apiKey: string;
  createdAt: string;
  wallets: PerCurve<WalletRecord> | null;
  custodianBackupShares: Map<BackupMethod, CustodianBackupShareRecord>;
  /** Portal-managed backups only: the latest client backup share cipherText per method. */
  keptClientBackupShares: Map<BackupMethod, KeptClientBackupShare>;
  /** The stand-in for Google Drive: GDRIVE backup keys by key id. */
  driveFiles: Map<string, Uint8Array<ArrayBuffer>>;
  /** The passkey of the latest PASSKEY backup and the key it guards. */
  passkey: PasskeyRecord | null;
  /** Enclave MPC API backups: the clientCipherText stored per backup share pair id. */
  backupSharePairCipherTexts: Map<string, string>;
  /** The status the latest backup share pairs were marked with (`PATCH …/backup-share-pairs`). */
  backupStatus: BackupSharePairStatusUpdate | null;
  /** When the wallet's private keys were exported (`eject`), as `getClient` reports it. */
  ejectedAt: string | null;
}

export interface ClientRegistry {
  getOrCreate(apiKey: string): ClientRecord;
  /** The client of this apiKey, or undefined when the emulator has never seen it. */
  find(apiKey: string): ClientRecord | undefined;
  all(): ClientRecord[];
  clear(): void;
}

export function createClientRegistry(): ClientRegistry {
  const byApiKey = new Map<string, ClientRecord>();
  return {
    getOrCreate(apiKey) {
      let client = byApiKey.get(apiKey);
      if (!client) {
        client = {
          id: newId('client'),
          apiKey,
          createdAt: now(),
          wallets: null,
          custodianBackupShares: new Map(),
          keptClientBackupShares: new Map(),
          driveFiles: new Map(),
          passkey: null,
          backupSharePairCipherTexts: new Map(),
          backupStatus: null,
          ejectedAt: null,
        };
        byApiKey.set(apiKey, client);
      }
      return client;
    },
    find: (apiKey) => byApiKey.get(apiKey),
    all: () => [...byApiKey.values()],
    clear: () => byApiKey.clear(),
  };
}
