import type { BackupMethod } from './backup-methods.js';
import type { Curve } from './curves.js';

/** The share-pair statuses the emulator uses; the SDK interprets only 'completed'. */
export type SharePairStatus = 'incomplete' | 'completed';

export interface SigningSharePair {
  id: string;
  createdAt: string;
  status: SharePairStatus;
}

export interface BackupSharePair extends SigningSharePair {
  backupMethod: BackupMethod;
}

export interface ClientWallet {
  id: string;
  createdAt: string;
  curve: Curve;
  publicKey: string;
  signingSharePairs: SigningSharePair[];
  backupSharePairs: BackupSharePair[];
}

/**
 * `portal:getClientResult.data` (protocol §2.2). Always carries `wallets` (each with a
 * `backupSharePairs` array), `metadata.namespaces` and `environment`, so every SDK helper
 * works before a wallet exists.
 */
export interface ClientResponse {
  id: string;
  address: string;
  backupStatus: string | null;
  createdAt: string;
  custodian: { id: string; name: string };
  environment: { id: string; name: string; backupWithPortalEnabled: boolean; isMultiBackupEnabled: boolean };
  ejectedAt: string | null;
  isAccountAbstracted: boolean;
  metadata: { namespaces: Partial<Record<'eip155' | 'solana', { curve: Curve; address: string }>> };
  wallets: ClientWallet[];
}
