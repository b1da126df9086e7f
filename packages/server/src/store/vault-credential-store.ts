import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { openEnvelope, sealEnvelope } from '../crypto/envelope.js';
import type { KeyProvider } from '../crypto/key-provider.js';
import type { BackupDb } from '../db/drizzle-handle.js';
import { vaultCredentials } from '../db/schema.js';

export type VaultMode = 'pending' | 'prf' | 'vault';

export interface VaultCredential {
  /** base64url */
  id: string;
  rpId: string;
  /** base64url */
  userHandle: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
  mode: VaultMode;
}

/** What a verified authentication does besides moving the counter. */
export type VaultCredentialChange = { kind: 'read' } | { kind: 'write-key'; key: string } | { kind: 'use-prf' };

export type VaultUseResult =
  | { mode: 'pending' }
  | { mode: 'prf' }
  | { mode: 'vault'; key: string }
  /** The counter moved since the assertion was checked: another authentication got in first. */
  | 'counter-moved';

export interface VaultCredentialStore {
  /** False when a passkey with this id is already registered. */
  register(credential: VaultCredential): Promise<boolean>;
  get(id: string): Promise<VaultCredential | undefined>;
  /**
   * Records a verified authentication of `credential` (as read before verifying) and applies
   * `change`, in one UPDATE that only matches while the counter is still the one the
   * assertion was checked against: the counter check and the key write (or read) are one
   * atomic step.
   */
  use(credential: VaultCredential, toCounter: number, change: VaultCredentialChange): Promise<VaultUseResult>;
}

/**
 * Bound into each sealed key as additional authenticated data: the passkey's id, RP, user
 * handle and public key. A sealed key copied onto another passkey's row does not open, and
 * neither does one whose row had its public key swapped for an attacker's (someone who can
 * write to the database but does not hold the key-encryption key).
 */
const rowContext = (credential: { id: string; rpId: string; userHandle: string; publicKey: Uint8Array }) =>
  JSON.stringify([
    'vault-key',
    credential.id,
    credential.rpId,
    credential.userHandle,
    createHash('sha256').update(credential.publicKey).digest('base64url'),
  ]);

/** Binds the row's data key to it in the key provider (a KMS's encryption context). */
export const vaultKeyContext = (credentialId: string) => ({ table: 'vault_credentials', credentialId });

const NO_KEY = { kekId: null, wrappedDataKey: null, iv: null, sealedKey: null };

export function createVaultCredentialStore(db: BackupDb, keys: KeyProvider): VaultCredentialStore {
  return {
    async register(credential) {
      const rows = await db
        .insert(vaultCredentials)
        .values({ ...credential, publicKey: Buffer.from(credential.publicKey) })
        .onConflictDoNothing({ target: vaultCredentials.id })
        .returning({ id: vaultCredentials.id });
      return rows.length === 1;
    },

    async get(id) {
      const [row] = await db
        .select({
          id: vaultCredentials.id,
          rpId: vaultCredentials.rpId,
          userHandle: vaultCredentials.userHandle,
          publicKey: vaultCredentials.publicKey,
          counter: vaultCredentials.counter,
          transports: vaultCredentials.transports,
          mode: vaultCredentials.mode,
        })
        .from(vaultCredentials)
        .where(eq(vaultCredentials.id, id));
      return row && { ...row, publicKey: new Uint8Array(row.publicKey), mode: row.mode as VaultMode };
    },

    async use(credential, toCounter, change) {
      const { id } = credential;
      let set: PgUpdateSetSource<typeof vaultCredentials> = {};
      if (change.kind === 'write-key') {
        const envelope = await sealEnvelope(change.key, rowContext(credential), keys, vaultKeyContext(id));
        set = {
          mode: 'vault',
          kekId: envelope.kekId,
          wrappedDataKey: envelope.wrappedDataKey,
          iv: envelope.iv,
          sealedKey: envelope.sealed,
          updatedAt: sql`now()`,
        };
      } else if (change.kind === 'use-prf') {
        set = { mode: 'prf', ...NO_KEY, updatedAt: sql`now()` };
      }
      const [row] = await db
        .update(vaultCredentials)
        .set({ ...set, counter: toCounter, lastUsedAt: sql`now()` })
        .where(and(eq(vaultCredentials.id, id), eq(vaultCredentials.counter, credential.counter)))
        .returning({
          rpId: vaultCredentials.rpId,
          userHandle: vaultCredentials.userHandle,
          publicKey: vaultCredentials.publicKey,
          mode: vaultCredentials.mode,
          kekId: vaultCredentials.kekId,
          wrappedDataKey: vaultCredentials.wrappedDataKey,
          iv: vaultCredentials.iv,
          sealedKey: vaultCredentials.sealedKey,
        });
      if (!row) return 'counter-moved';
      if (row.mode === 'prf' || row.mode === 'pending') return { mode: row.mode };
      if (change.kind === 'write-key') return { mode: 'vault', key: change.key };
      if (!row.kekId || !row.wrappedDataKey || !row.iv || !row.sealedKey) {
        throw new Error('vault credential in vault mode without a sealed key');
      }
      const envelope = { kekId: row.kekId, wrappedDataKey: row.wrappedDataKey, iv: row.iv, sealed: row.sealedKey };
      // The row as it is now: if its public key or owner changed since the key was sealed, the
      // tag check fails and the key stays sealed.
      try {
        return {
          mode: 'vault',
          key: await openEnvelope(envelope, rowContext({ id, ...row }), keys, vaultKeyContext(id)),
        };
      } catch (error) {
        throw new Error(
          'a sealed vault key did not open: the row was altered after sealing, or its key-encryption key is gone',
          { cause: error },
        );
      }
    },
  };
}
