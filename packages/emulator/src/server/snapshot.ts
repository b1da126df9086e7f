import type { ClientWallet } from '../protocol/clientResponse.js';
import type { ClientRecord, CustodianBackupShareRecord } from './clientRegistry.js';
import { publicWallets } from './clientResponse.js';
import type { PendingFault } from './faultQueue.js';
import type { LogEntry } from './messageLog.js';
import { addressesOf } from './walletAddresses.js';

/** A client as tests see it: ids, public keys, addresses and statuses; never a share or key. */
export interface ClientSnapshot {
  id: string;
  apiKey: string;
  createdAt: string;
  addresses: { eip155: string; solana: string };
  wallets: ClientWallet[];
  custodianBackupShares: CustodianBackupShareRecord[];
  /** How many GDRIVE backup keys the stand-in for Google Drive holds (not the keys). */
  googleDriveBackupKeys: number;
}

export interface EmulatorStateSnapshot {
  /** Where custodian backup shares go: kept by the emulator, or POSTed to the webhook. */
  custodian: 'emulator' | 'webhook';
  clients: ClientSnapshot[];
  pendingFaults: PendingFault[];
  log: LogEntry[];
}

export function clientSnapshot(client: ClientRecord): ClientSnapshot {
  return {
    id: client.id,
    apiKey: client.apiKey,
    createdAt: client.createdAt,
    addresses: addressesOf(client),
    wallets: publicWallets(client),
    custodianBackupShares: [...client.custodianBackupShares.values()].map((record) => ({ ...record })),
    googleDriveBackupKeys: client.driveFiles.size,
  };
}
