import type { ClientResponse, ClientWallet } from '../protocol/client-response.js';
import { CURVES } from '../protocol/curves.js';
import type { ClientRecord, WalletRecord } from './client-registry.js';
import { addressesOf } from './wallet-addresses.js';

function publicWallet(wallet: WalletRecord): ClientWallet {
  return {
    id: wallet.id,
    createdAt: wallet.createdAt,
    curve: wallet.curve,
    publicKey: wallet.publicKey,
    signingSharePairs: wallet.signingSharePairs.map((pair) => ({ ...pair })),
    backupSharePairs: wallet.backupSharePairs.map((pair) => ({ ...pair })),
  };
}

export function publicWallets(client: ClientRecord): ClientWallet[] {
  const wallets = client.wallets;
  return wallets ? CURVES.map((curve) => publicWallet(wallets[curve])) : [];
}

/**
 * `portal:getClientResult.data` (protocol §2.2). Before a wallet exists it still carries
 * `wallets: []` and `metadata.namespaces: {}`, so isWalletBackedUp() answers false,
 * availableRecoveryMethods() [] and doesWalletExist() false instead of throwing.
 * backupWithPortalEnabled says who keeps the client's cipherText: Portal (the emulator, with
 * `portalManagedBackups`) or the app (the default).
 */
export function toClientResponse(client: ClientRecord, backupWithPortalEnabled = false): ClientResponse {
  const addresses = addressesOf(client);
  const wallets = publicWallets(client);
  const backedUp = wallets.some((wallet) => wallet.backupSharePairs.some((pair) => pair.status === 'completed'));
  return {
    id: client.id,
    address: addresses.eip155,
    backupStatus: backedUp ? (client.backupStatus ?? 'STORED_CLIENT_BACKUP_SHARE') : null,
    createdAt: client.createdAt,
    custodian: { id: 'custodian_backup_kit_emulator', name: 'Backup Kit emulator' },
    environment: {
      id: 'environment_backup_kit_emulator',
      name: 'Backup Kit emulator (development only)',
      backupWithPortalEnabled,
      isMultiBackupEnabled: true,
    },
    ejectedAt: client.ejectedAt,
    isAccountAbstracted: false,
    metadata: {
      namespaces: client.wallets
        ? {
            eip155: { curve: 'SECP256K1', address: addresses.eip155 },
            solana: { curve: 'ED25519', address: addresses.solana },
          }
        : {},
    },
    wallets,
  };
}
