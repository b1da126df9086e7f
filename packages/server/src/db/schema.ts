import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.js';

// backup_method has no check constraint: Portal names custodian methods with open tokens
// ("the backup method and curve"), and a share refused by the database would be a lost backup.
// The HTTP schemas decide what is accepted (src/http/request-schemas.ts).

/**
 * The encrypted user backup share (cipherText) the app sends after `backupWallet`. It is already
 * encrypted by the client, so it is stored as given. One row per (user, backup method).
 */
export const userBackupShares = pgTable(
  'user_backup_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    backupMethod: text('backup_method').notNull(),
    cipherText: text('cipher_text').notNull(),
    /** Portal's backup share pair ids for this cipherText (seed 000: keep them together). */
    backupSharePairIds: text('backup_share_pair_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** When a share was first stored for this (user, method). */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the current cipherText was stored (a replacement moves this, not createdAt). */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('user_backup_shares_user_method').on(table.userId, table.backupMethod)],
);

/**
 * The raw custodian backup share Portal POSTs to the /backup webhook, sealed by envelope
 * encryption: a fresh AES-256-GCM data key per row, wrapped by the key-encryption key `kekId`.
 * One row per (Portal clientId, backup method).
 */
export const custodianBackupShares = pgTable(
  'custodian_backup_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: text('client_id').notNull(),
    backupMethod: text('backup_method').notNull(),
    /** Which key-encryption key wrapped `wrappedDataKey`; kept so keys can rotate. */
    kekId: text('kek_id').notNull(),
    wrappedDataKey: bytea('wrapped_data_key').notNull(),
    iv: bytea('iv').notNull(),
    /** AES-256-GCM ciphertext of the share followed by its 16-byte tag. */
    sealedShare: bytea('sealed_share').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('custodian_backup_shares_client_method').on(table.clientId, table.backupMethod)],
);

/**
 * Fixed-window request counters, one row per caller key. Kept in Postgres so every instance
 * behind a load balancer counts against the same numbers.
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});

/**
 * One WebAuthn ceremony of the passkey key vault: the challenge handed out with the options,
 * kept here (not in any process) so whichever instance receives the verify can check it.
 * `usedAt` is set by the single UPDATE that consumes the ceremony, so it verifies at most once.
 */
export const vaultCeremonies = pgTable(
  'vault_ceremonies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    rpId: text('rp_id').notNull(),
    /** base64url, as in the options' `challenge`. */
    challenge: text('challenge').notNull(),
    /** Registration: the random user handle (base64url) the new passkey is created under. */
    userHandle: text('user_handle'),
    /** Authentication restricted to one passkey (`allowCredentials`); null for a discoverable login. */
    credentialId: text('credential_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [
    index('vault_ceremonies_expires_at').on(table.expiresAt),
    check('vault_ceremonies_known_kind', sql`kind in ('registration', 'authentication')`),
  ],
);

/**
 * A passkey registered with the vault and, in `vault` mode, the backup key it guards, sealed by
 * envelope encryption like custodian shares. In `prf` mode the key is derived in the browser
 * from the passkey's PRF output and nothing of it is stored; `pending` is a passkey whose key
 * has not been written yet. The check makes "a key is stored exactly in vault mode" a property
 * of the table, whatever code writes to it.
 */
export const vaultCredentials = pgTable(
  'vault_credentials',
  {
    /** The credential id, base64url, as in the WebAuthn JSON encodings. */
    id: text('id').primaryKey(),
    rpId: text('rp_id').notNull(),
    userHandle: text('user_handle').notNull(),
    /** COSE public key. */
    publicKey: bytea('public_key').notNull(),
    /** The authenticator's signature counter (an unsigned 32-bit number; 0 for most passkeys). */
    counter: bigint('counter', { mode: 'number' }).notNull(),
    transports: text('transports').array().notNull(),
    mode: text('mode').notNull(),
    kekId: text('kek_id'),
    wrappedDataKey: bytea('wrapped_data_key'),
    iv: bytea('iv'),
    /** AES-256-GCM ciphertext of the key followed by its 16-byte tag. */
    sealedKey: bytea('sealed_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  () => [
    check('vault_credentials_known_mode', sql`mode in ('pending', 'prf', 'vault')`),
    check(
      'vault_credentials_key_only_in_vault_mode',
      sql`(mode = 'vault' and kek_id is not null and wrapped_data_key is not null and iv is not null and sealed_key is not null)
       or (mode <> 'vault' and kek_id is null and wrapped_data_key is null and iv is null and sealed_key is null)`,
    ),
  ],
);

export const schema = { userBackupShares, custodianBackupShares, rateLimitCounters, vaultCeremonies, vaultCredentials };
