import { and, eq, sql } from 'drizzle-orm';
import type { CustodianBackupMethod } from '../backup-method.js';
import { openEnvelope, sealEnvelope } from '../crypto/envelope.js';
import type { KeyProvider } from '../crypto/key-provider.js';
import type { BackupDb } from '../db/drizzle-handle.js';
import { custodianBackupShares } from '../db/schema.js';

export interface CustodianBackupShareStore {
  /** Seals the share under a fresh data key and stores it, replacing the previous one. */
  put(clientId: string, backupMethod: CustodianBackupMethod, share: string): Promise<void>;
  /** The plaintext share, or undefined when none is stored. */
  get(clientId: string, backupMethod: CustodianBackupMethod): Promise<string | undefined>;
}

// Bound into each ciphertext: a sealed share moved to another row no longer opens.
const rowContext = (clientId: string, backupMethod: CustodianBackupMethod) =>
  JSON.stringify(['custodian-backup-share', clientId, backupMethod]);

/** Binds the row's data key to it in the key provider (a KMS's encryption context). */
export const custodianKeyContext = (clientId: string, backupMethod: string) => ({
  table: 'custodian_backup_shares',
  clientId,
  backupMethod,
});

export function createCustodianBackupShareStore(db: BackupDb, keys: KeyProvider): CustodianBackupShareStore {
  return {
    async put(clientId, backupMethod, share) {
      const envelope = await sealEnvelope(
        share,
        rowContext(clientId, backupMethod),
        keys,
        custodianKeyContext(clientId, backupMethod),
      );
      const sealed = {
        kekId: envelope.kekId,
        wrappedDataKey: envelope.wrappedDataKey,
        iv: envelope.iv,
        sealedShare: envelope.sealed,
      };
      await db
        .insert(custodianBackupShares)
        .values({ clientId, backupMethod, ...sealed })
        .onConflictDoUpdate({
          target: [custodianBackupShares.clientId, custodianBackupShares.backupMethod],
          set: { ...sealed, updatedAt: sql`now()` },
        });
    },

    async get(clientId, backupMethod) {
      const [row] = await db
        .select()
        .from(custodianBackupShares)
        .where(and(eq(custodianBackupShares.clientId, clientId), eq(custodianBackupShares.backupMethod, backupMethod)));
      if (!row) return undefined;
      const envelope = { kekId: row.kekId, wrappedDataKey: row.wrappedDataKey, iv: row.iv, sealed: row.sealedShare };
      return openEnvelope(
        envelope,
        rowContext(clientId, backupMethod),
        keys,
        custodianKeyContext(clientId, backupMethod),
      );
    },
  };
}
