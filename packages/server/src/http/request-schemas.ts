import { z } from 'zod';
import { BACKUP_METHODS } from '../backup-method.js';

// Messages are written here rather than left to zod, so no error ever quotes what was sent.
export const required = (otherwise: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : otherwise;

const backupMethod = z.enum(BACKUP_METHODS, { error: required(`must be one of ${BACKUP_METHODS.join(', ')}`) });

/** Postgres text cannot hold NUL; refusing it here turns a 500 into a 400. */
export const text = (maxLength: number) =>
  z
    .string({ error: required('must be a string') })
    .min(1, { error: 'must not be empty' })
    .max(maxLength, { error: `must be at most ${maxLength} characters` })
    .refine((value) => !value.includes('\u0000'), { error: 'must not contain NUL characters' });

const identifier = text(256);
const shareText = text(60_000);

export const jsonObject = { error: 'must be a JSON object' };

export const userBackupShareBody = z.object({ backupMethod, cipherText: shareText }, jsonObject);

export const userBackupShareQuery = z.object({ backupMethod });

export const userIdParam = identifier;

// The seeds' data model defaults the method to UNKNOWN, and older Portal webhooks send only
// { clientId, share }: accept a missing method as UNKNOWN rather than refuse Portal.
const webhookBackupMethod = backupMethod.default('UNKNOWN');

export const webhookBackupBody = z.object(
  { backupMethod: webhookBackupMethod, clientId: identifier, share: shareText },
  jsonObject,
);

export const webhookFetchBody = z.object({ backupMethod: webhookBackupMethod, clientId: identifier }, jsonObject);
