// The emulator depends on @backup-kit/server to mount the passkey key vault on its own origin
// (server/key-vault.ts); the wire types come through it from their one source,
// @backup-kit/core/wire (types only, so nothing of the browser kit runs here).
import type { PortalBackupMethod } from '@backup-kit/server';

/** @portal-hq/web 3.4.1's BackupMethods values. */
export const BackupMethods = {
  gdrive: 'GDRIVE',
  password: 'PASSWORD',
  passkey: 'PASSKEY',
  unknown: 'UNKNOWN',
} as const satisfies Record<string, PortalBackupMethod>;

export type BackupMethod = PortalBackupMethod;

const ALL_BACKUP_METHODS: readonly string[] = Object.values(BackupMethods);

export function isBackupMethod(value: unknown): value is BackupMethod {
  return typeof value === 'string' && ALL_BACKUP_METHODS.includes(value);
}
