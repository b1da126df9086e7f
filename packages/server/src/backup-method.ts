/**
 * The backup methods a share can be stored under. The seeds name GDRIVE, PASSWORD, PASSKEY and
 * UNKNOWN (what @portal-hq/web 3.4.1 sends); CUSTOM is the seed's passkey-direct path, where the
 * kit encrypts under its own key and stores the key in the passkey vault.
 */
export const BACKUP_METHODS = ['GDRIVE', 'PASSWORD', 'PASSKEY', 'UNKNOWN', 'CUSTOM'] as const;

export type BackupMethod = (typeof BACKUP_METHODS)[number];
