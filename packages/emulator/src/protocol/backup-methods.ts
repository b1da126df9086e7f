/** @portal-hq/web 3.4.1's BackupMethods values. */
export const BackupMethods = {
  gdrive: 'GDRIVE',
  password: 'PASSWORD',
  passkey: 'PASSKEY',
  unknown: 'UNKNOWN',
} as const;

export type BackupMethod = (typeof BackupMethods)[keyof typeof BackupMethods];

const ALL_BACKUP_METHODS: readonly string[] = Object.values(BackupMethods);

export function isBackupMethod(value: unknown): value is BackupMethod {
  return typeof value === 'string' && ALL_BACKUP_METHODS.includes(value);
}
