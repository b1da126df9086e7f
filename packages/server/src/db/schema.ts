import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BACKUP_METHODS } from '../backup-method';
import { bytea } from './bytea';

// The database refuses a method the code does not know, whichever path wrote it.
const knownBackupMethod = sql.raw(`backup_method in (${BACKUP_METHODS.map((m) => `'${m}'`).join(', ')})`);

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
    /** When a share was first stored for this (user, method). */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the current cipherText was stored (a replacement moves this, not createdAt). */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('user_backup_shares_user_method').on(table.userId, table.backupMethod),
    check('user_backup_shares_known_method', knownBackupMethod),
  ],
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
  (table) => [
    uniqueIndex('custodian_backup_shares_client_method').on(table.clientId, table.backupMethod),
    check('custodian_backup_shares_known_method', knownBackupMethod),
  ],
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

export const schema = { userBackupShares, custodianBackupShares, rateLimitCounters };
