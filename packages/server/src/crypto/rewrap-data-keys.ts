import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { BackupDatabase } from '../db/backup-database.js';
import { type BackupDb as Db, drizzleOf } from '../db/drizzle-handle.js';
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

/** What differs between the tables that hold wrapped data keys: their columns and key context. */
interface WrappedKeyTable {
  table: PgTable;
  id: PgColumn;
  kekId: PgColumn;
  wrappedDataKey: PgColumn;
  /** Read beside the key, to rebuild the context its data key was wrapped with. */
  contextColumns: Record<string, PgColumn>;
  contextOf(row: Record<string, unknown> & { id: string }): KeyContext;
}

const custodianTable: WrappedKeyTable = {
  table: custodianBackupShares,
  id: custodianBackupShares.id,
  kekId: custodianBackupShares.kekId,
  wrappedDataKey: custodianBackupShares.wrappedDataKey,
  contextColumns: { clientId: custodianBackupShares.clientId, backupMethod: custodianBackupShares.backupMethod },
  contextOf: (row) => custodianKeyContext(String(row.clientId), String(row.backupMethod)),
};

// Vault rows without a key (PRF credentials) have no kek id and are skipped.
const vaultTable: WrappedKeyTable = {
  table: vaultCredentials,
  id: vaultCredentials.id,
  kekId: vaultCredentials.kekId,
  wrappedDataKey: vaultCredentials.wrappedDataKey,
  contextColumns: {},
  contextOf: (row) => vaultKeyContext(row.id),
};

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
  const custodianShares = await rewrapTable(db, custodianTable, options.keyProvider, batchSize);
  const vaultKeys = await rewrapTable(db, vaultTable, options.vaultKeyProvider ?? options.keyProvider, batchSize);
  return {
    custodianShares: custodianShares.rewrapped,
    vaultKeys: vaultKeys.rewrapped,
    left: custodianShares.left + vaultKeys.left,
  };
}

/** A page of rows with a wrapped key after `afterId`, in id order. */
async function pageOf(db: Db, t: WrappedKeyTable, afterId: string | undefined, size: number): Promise<StoredRow[]> {
  const rows = (await db
    .select({ id: t.id, kekId: t.kekId, wrappedDataKey: t.wrappedDataKey, ...t.contextColumns })
    .from(t.table)
    .where(and(isNotNull(t.kekId), afterId === undefined ? undefined : gt(t.id, afterId)))
    .orderBy(asc(t.id))
    .limit(size)) as Array<
    Record<string, unknown> & { id: string; kekId: string | null; wrappedDataKey: Buffer | null }
  >;
  return rows.flatMap((row) =>
    row.kekId && row.wrappedDataKey
      ? [{ id: row.id, kekId: row.kekId, wrappedDataKey: row.wrappedDataKey, context: t.contextOf(row) }]
      : [],
  );
}

/** Swaps in the new wrapping only if the row still holds the one that was re-wrapped. */
async function swap(db: Db, t: WrappedKeyTable, row: StoredRow, next: { kekId: string; wrappedDataKey: Buffer }) {
  const updated = await db
    .update(t.table)
    // Both tables name these properties alike: kekId, wrappedDataKey.
    .set(next as never)
    .where(and(eq(t.id, row.id), eq(t.kekId, row.kekId), eq(t.wrappedDataKey, row.wrappedDataKey)))
    .returning({ id: t.id });
  return updated.length === 1;
}

async function rewrapTable(db: Db, table: WrappedKeyTable, keys: KeyProvider, batchSize: number) {
  // The current key's id is learnt from the first re-wrap; rows already under it are skipped.
  const currentIds = new Set<string>();
  let rewrapped = 0;
  const eachRow = async (visit: (row: StoredRow) => Promise<void>) => {
    let afterId: string | undefined;
    for (;;) {
      const rows = await pageOf(db, table, afterId, batchSize);
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
      if (await swap(db, table, row, next)) rewrapped += 1;
    });
  }
  let left = 0;
  await eachRow(async (row) => {
    if (!currentIds.has(row.kekId)) left += 1;
  });
  return { rewrapped, left };
}
