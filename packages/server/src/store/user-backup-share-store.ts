import { and, eq, sql } from 'drizzle-orm';
import type { UserBackupShareMethod } from '../backup-method.js';
import type { BackupDb } from '../db/drizzle-handle.js';
import { userBackupShares } from '../db/schema.js';

export interface UserBackupShare {
  backupMethod: UserBackupShareMethod;
  cipherText: string;
  /** Portal's backup share pair ids for this cipherText, as the client sent them. */
  backupSharePairIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export type UserBackupShareReceipt = Omit<UserBackupShare, 'cipherText' | 'backupSharePairIds'>;

export interface UserBackupShareStore {
  /** Stores the share, replacing the user's previous one for this method in one statement. */
  put(
    userId: string,
    backupMethod: UserBackupShareMethod,
    cipherText: string,
    backupSharePairIds?: string[],
  ): Promise<UserBackupShareReceipt>;
  get(userId: string, backupMethod: UserBackupShareMethod): Promise<UserBackupShare | undefined>;
}

export function createUserBackupShareStore(db: BackupDb): UserBackupShareStore {
  return {
    async put(userId, backupMethod, cipherText, backupSharePairIds = []) {
      // One upsert: concurrent writers for one (user, method) serialise on the unique index,
      // and the last one wins; there is never a moment with zero or two rows.
      const [row] = await db
        .insert(userBackupShares)
        .values({ userId, backupMethod, cipherText, backupSharePairIds })
        .onConflictDoUpdate({
          target: [userBackupShares.userId, userBackupShares.backupMethod],
          set: {
            cipherText: sql`excluded.cipher_text`,
            backupSharePairIds: sql`excluded.backup_share_pair_ids`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ createdAt: userBackupShares.createdAt, updatedAt: userBackupShares.updatedAt });
      if (!row) throw new Error('upsert returned no row');
      return { backupMethod, ...row };
    },

    async get(userId, backupMethod) {
      const [row] = await db
        .select({
          cipherText: userBackupShares.cipherText,
          backupSharePairIds: userBackupShares.backupSharePairIds,
          createdAt: userBackupShares.createdAt,
          updatedAt: userBackupShares.updatedAt,
        })
        .from(userBackupShares)
        .where(and(eq(userBackupShares.userId, userId), eq(userBackupShares.backupMethod, backupMethod)));
      return row && { backupMethod, ...row };
    },
  };
}
