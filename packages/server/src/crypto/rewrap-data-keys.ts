import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { BackupDatabase } from '../db/backup-database.js';
import { drizzleOf } from '../db/drizzle-handle.js';
import { custodianBackupShares, vaultCredentials } from '../db/schema.js';
import { custodianKeyContext } from '../store/custodian-backup-share-store.js';
import { vaultKeyContext } from '../store/vault-credential-store.js';
import { rewrapDataKey } from './envelope.js';
import type { KeyContext, KeyProvider } from './key-provider.js';

export interface RewrapReport {
  /** Custodian shares whose data key is now wrapped under the current key. */
  custodianShares: number;
  /** Vault keys likewise. */
  vaultKeys: number;
  /**
   * Rows still under another key after the last pass: written meanwhile by an instance that
   * still wraps under the old key (restart it with the new key, then run this again).
   */
  left: number;
}

export interface RewrapOptions {
  /** Wraps custodian shares' data keys: its current key is where they move. */
  keyProvider: KeyProvider;
  /** The vault's own provider (default: `keyProvider`). */
  vaultKeyProvider?: KeyProvider;
  /** Rows read per query (default 200). */
  batchSize?: number;
}

interface StoredRow {
  id: string;
  kekId: string;
  wrappedDataKey: Buffer;
  context: KeyContext;
}

interface RowTable {
  /** A page of rows after `afterId` (all rows with a sealed key), in id order. */
  page(afterId: string | undefined, size: number): Promise<StoredRow[]>;
  /** Swaps in the new wrapping only if the row still holds the one that was re-wrapped. */
  swap(row: StoredRow, next: { kekId: string; wrappedDataKey: Buffer }): Promise<boolean>;
}

const MAX_PASSES = 3;

/**
 * Re-wraps every stored data key (custodian shares and vault keys) under the providers'
 * current key-encryption key, while servers keep serving: only the wrapped data key and its
 * key id change, in one compare-and-swap UPDATE per row, so a read sees either the old
 * wrapping (its key is still there) or the new one, and a share written meanwhile is never
 * overwritten. The sealed shares themselves are not touched.
 */
export async function rewrapDataKeys(database: BackupDatabase, options: RewrapOptions): Promise<RewrapReport> {
  const db = drizzleOf(database);
  const batchSize = options.batchSize ?? 200;

  const custodian: RowTable = {
    async page(afterId, size) {
      const rows = await db
        .select({
          id: custodianBackupShares.id,
          kekId: custodianBackupShares.kekId,
          wrappedDataKey: custodianBackupShares.wrappedDataKey,
          clientId: custodianBackupShares.clientId,
          backupMethod: custodianBackupShares.backupMethod,
        })
        .from(custodianBackupShares)
        .where(afterId === undefined ? undefined : gt(custodianBackupShares.id, afterId))
        .orderBy(asc(custodianBackupShares.id))
        .limit(size);
      return rows.map((row) => ({ ...row, context: custodianKeyContext(row.clientId, row.backupMethod) }));
    },
    async swap(row, next) {
      const updated = await db
        .update(custodianBackupShares)
        .set(next)
        .where(
          and(
            eq(custodianBackupShares.id, row.id),
            eq(custodianBackupShares.kekId, row.kekId),
            eq(custodianBackupShares.wrappedDataKey, row.wrappedDataKey),
          ),
        )
        .returning({ id: custodianBackupShares.id });
      return updated.length === 1;
    },
  };

  const vault: RowTable = {
    async page(afterId, size) {
      const rows = await db
        .select({
          id: vaultCredentials.id,
          kekId: vaultCredentials.kekId,
          wrappedDataKey: vaultCredentials.wrappedDataKey,
        })
        .from(vaultCredentials)
        .where(
          and(isNotNull(vaultCredentials.kekId), afterId === undefined ? undefined : gt(vaultCredentials.id, afterId)),
        )
        .orderBy(asc(vaultCredentials.id))
        .limit(size);
      return rows.flatMap((row) =>
        row.kekId && row.wrappedDataKey
          ? [{ id: row.id, kekId: row.kekId, wrappedDataKey: row.wrappedDataKey, context: vaultKeyContext(row.id) }]
          : [],
      );
    },
    async swap(row, next) {
      const updated = await db
        .update(vaultCredentials)
        .set(next)
        .where(
          and(
            eq(vaultCredentials.id, row.id),
            eq(vaultCredentials.kekId, row.kekId),
            eq(vaultCredentials.wrappedDataKey, row.wrappedDataKey),
          ),
        )
        .returning({ id: vaultCredentials.id });
      return updated.length === 1;
    },
  };

  const custodianShares = await rewrapTable(custodian, options.keyProvider, batchSize);
  const vaultKeys = await rewrapTable(vault, options.vaultKeyProvider ?? options.keyProvider, batchSize);
  return {
    custodianShares: custodianShares.rewrapped,
    vaultKeys: vaultKeys.rewrapped,
    left: custodianShares.left + vaultKeys.left,
  };
}

async function rewrapTable(table: RowTable, keys: KeyProvider, batchSize: number) {
  // The current key's id is learnt from the first re-wrap; rows already under it are skipped.
  const currentIds = new Set<string>();
  let rewrapped = 0;
  const eachRow = async (visit: (row: StoredRow) => Promise<void>) => {
    let afterId: string | undefined;
    for (;;) {
      const rows = await table.page(afterId, batchSize);
      if (rows.length === 0) return;
      for (const row of rows) await visit(row);
      afterId = rows.at(-1)?.id;
    }
  };
  // A row rewritten meanwhile (its swap lost) is looked at again on the next pass.
  for (let pass = 0, attempts = 1; pass < MAX_PASSES && attempts > 0; pass += 1) {
    attempts = 0;
    await eachRow(async (row) => {
      if (currentIds.has(row.kekId)) return;
      attempts += 1;
      const next = await rewrapDataKey(row, keys, row.context);
      currentIds.add(next.kekId);
      if (await table.swap(row, next)) rewrapped += 1;
    });
  }
  let left = 0;
  await eachRow(async (row) => {
    if (!currentIds.has(row.kekId)) left += 1;
  });
  return { rewrapped, left };
}
