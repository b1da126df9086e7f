import { z } from 'zod';
import { CUSTODIAN_BACKUP_METHOD_TOKEN, USER_BACKUP_SHARE_METHODS } from '../backup-method.js';
import { isWellFormed } from './well-formed.js';

// Messages are written here rather than left to zod, so no error ever quotes what was sent.
export const required = (otherwise: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : otherwise;

/** Any string the server accepts: well-formed UTF-16 (a lone surrogate would be stored changed). */
export const wellFormedString = (otherwise = 'must be a string') =>
  z
    .string({ error: required(otherwise) })
    .refine(isWellFormed, { error: 'must be well-formed Unicode (no lone UTF-16 surrogates)', abort: true });

const userBackupShareMethod = z.enum(USER_BACKUP_SHARE_METHODS, {
  error: required(`must be one of ${USER_BACKUP_SHARE_METHODS.join(', ')}`),
});

const custodianBackupMethod = z
  .string({ error: required('must be a string') })
  .regex(CUSTODIAN_BACKUP_METHOD_TOKEN, { error: 'must be 1 to 64 of A-Z, 0-9 and _ (e.g. PASSWORD, ICLOUD)' });

/** Postgres text cannot hold NUL; refusing it here turns a 500 into a 400. */
export const text = (maxLength: number) =>
  wellFormedString()
    .min(1, { error: 'must not be empty' })
    .max(maxLength, { error: `must be at most ${maxLength} characters` })
    .refine((value) => !value.includes('\u0000'), { error: 'must not contain NUL characters' });

const identifier = text(256);
const shareText = text(60_000);

export const jsonObject = { error: 'must be a JSON object' };

/** Portal's backup share pair ids for the cipherText (one per curve); older clients send none. */
const backupSharePairIds = z
  .array(identifier, { error: required('must be an array of strings') })
  .max(16, { error: 'must hold at most 16 ids' })
  .default([]);

export const userBackupShareBody = z.object(
  { backupMethod: userBackupShareMethod, cipherText: shareText, backupSharePairIds },
  jsonObject,
);

export const userBackupShareQuery = z.object({ backupMethod: userBackupShareMethod });

export const userIdParam = identifier;

// The seeds' data model defaults the method to UNKNOWN, and older Portal webhooks send only
// { clientId, share }: accept a missing method as UNKNOWN rather than refuse Portal.
const webhookBackupMethod = custodianBackupMethod.default('UNKNOWN');

export const webhookBackupBody = z.object(
  { backupMethod: webhookBackupMethod, clientId: identifier, share: shareText },
  jsonObject,
);

export const webhookFetchBody = z.object({ backupMethod: webhookBackupMethod, clientId: identifier }, jsonObject);

/** What the browser asks for to export a wallet: its Portal client and the backup's method. */
export const exportShareBody = z.object({ backupMethod: webhookBackupMethod, clientId: identifier }, jsonObject);
