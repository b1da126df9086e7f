import { z } from 'zod';
import { USER_BACKUP_SHARE_METHODS } from '../backup-method.js';
import { jsonObject, required, text } from '../http/request-schemas.js';

const ciphertext = text(60_000);

/** Seed 002's `POST /users/:userId/user-backup-share` body: one ciphertext per curve; the method defaults to UNKNOWN. */
export const enclaveBackupBody = z.object(
  {
    backupMethod: z
      .enum(USER_BACKUP_SHARE_METHODS, { error: required(`must be one of ${USER_BACKUP_SHARE_METHODS.join(', ')}`) })
      .default('UNKNOWN'),
    data: z.object({ secp256k1Ciphertext: ciphertext, ed25519Ciphertext: ciphertext }, jsonObject),
  },
  jsonObject,
);

/** Whether a body is seed 002's shape (it has `data`) rather than `{ backupMethod, cipherText }`. */
export const isEnclaveBackupBody = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && 'data' in body;
