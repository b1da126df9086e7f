import type { BackupMethod } from '../../protocol/backup-methods.js';
import { fieldsOf, type MessageHandler } from './handler-context.js';

/** `portal:api:setBackupStatus` (storageCallback): marks the backup share pairs by id. */
export const setBackupStatus: MessageHandler = async (data, { server }) => {
  const { backupIds, status } = fieldsOf(data);
  await server.setBackupStatus({ backupIds: backupIds as string[], status: status as string });
  return true;
};

/** `portal:storedClientBackupShare`: the app reports whether it stored the cipherText of a method. */
export const storedClientBackupShare: MessageHandler = async (data, { server }) => {
  const { success, backupMethod } = fieldsOf(data);
  await server.reportClientBackupShareStored({
    success: success as boolean,
    backupMethod: backupMethod as BackupMethod,
  });
  return true;
};
