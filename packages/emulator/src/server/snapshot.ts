import type { BackupMethod } from '../protocol/backup-methods.js';
import type { ClientWallet } from '../protocol/client-response.js';
import type { ClientRecord, CustodianBackupShareRecord } from './client-registry.js';
import { publicWallets } from './client-response.js';
import type { PendingFault } from './fault-queue.js';
import type { LogEntry } from './message-log.js';
import type { PasskeySnapshot } from './passkey-ceremonies.js';
import { addressesOf } from './wallet-addresses.js';

/** A client as tests see it: ids, public keys, addresses and statuses; never a share or key. */
export interface ClientSnapshot {
  id: string;
  apiKey: string;
  createdAt: string;
  addresses: { eip155: string; solana: string };
  wallets: ClientWallet[];
  custodianBackupShares: CustodianBackupShareRecord[];
  /** Portal-managed backups: the methods whose encrypted client backup share Portal keeps, and since when (never the cipherText). */
  clientBackupShares: { backupMethod: BackupMethod; storedAt: string }[];
  /** The passkey of the latest PASSKEY backup through the SDK: its id and relying party, never the key. */
  passkey: PasskeySnapshot | null;
  /** How many GDRIVE backup keys the stand-in for Google Drive holds (not the keys). */
  googleDriveBackupKeys: number;
  /** Enclave MPC API backups: the backup share pairs whose clientCipherText is stored (ids only). */
  clientCipherTextPairIds: string[];
}

export interface EmulatorStateSnapshot {
  /** Where custodian backup shares go: kept by the emulator, or POSTed to the webhook. */
  custodian: 'emulator' | 'webhook';
  /** Portal-managed backups: the emulator keeps the client's cipherText too (`portalManagedBackups`). */
  backupWithPortalEnabled: boolean;
  clients: ClientSnapshot[];
  /** Passkey backups through the SDK: the popup time limit and the operations waiting for a passkey window. */
  passkeys: { popupTimeoutMs: number; pendingOperations: number };
  pendingFaults: PendingFault[];
  log: LogEntry[];
}

export function clientSnapshot(client: ClientRecord, passkey: PasskeySnapshot | null): ClientSnapshot {
  return {
    id: client.id,
    apiKey: client.apiKey,
    createdAt: client.createdAt,
    addresses: addressesOf(client),
    wallets: publicWallets(client),
    custodianBackupShares: [...client.custodianBackupShares.values()].map((record) => ({ ...record })),
    clientBackupShares: [...client.keptClientBackupShares.values()].map(({ backupMethod, storedAt }) => ({
      backupMethod,
      storedAt,
    })),
    passkey,
    googleDriveBackupKeys: client.driveFiles.size,
    clientCipherTextPairIds: [...client.backupSharePairCipherTexts.keys()],
  };
}
