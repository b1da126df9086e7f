import type { BackupMethod } from '../protocol/backup-methods.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';

/** Where custodian backup shares live: in the emulator (Portal-managed) or behind a webhook (self-managed). */
export interface CustodianBackupShareStore {
  readonly location: 'emulator' | 'webhook';
  /** Stores (replaces) the share of one client and method; `share` is the JSON string sent to a webhook. */
  save(clientId: string, backupMethod: BackupMethod, share: string): Promise<void>;
  load(clientId: string, backupMethod: BackupMethod): Promise<string>;
  clear(): void;
}

export function noCustodianShare(backupMethod: BackupMethod): PortalProtocolError {
  return new PortalProtocolError(
    ErrorCodes.NotFound,
    `No ${backupMethod} backup exists for this client: back the wallet up with ${backupMethod} first`,
  );
}

/** Portal-managed: the emulator keeps the shares in memory. */
export function createInMemoryCustodianBackupShareStore(): CustodianBackupShareStore {
  const shares = new Map<string, string>();
  return {
    location: 'emulator',
    async save(clientId, backupMethod, share) {
      shares.set(`${clientId}/${backupMethod}`, share);
    },
    async load(clientId, backupMethod) {
      const share = shares.get(`${clientId}/${backupMethod}`);
      if (share === undefined) throw noCustodianShare(backupMethod);
      return share;
    },
    clear: () => shares.clear(),
  };
}
