import type { BackupMethod } from '@backup-kit/core';

const NAMES: Partial<Record<BackupMethod, string>> = {
  PASSWORD: 'Password',
  PASSKEY: 'Passkey',
  CUSTOM: 'Passkey',
  GDRIVE: 'Google Drive',
  UNKNOWN: 'Unknown method',
};

/**
 * A method's default name, as RecoverWallet and BackupStatus list it. CUSTOM, the kit's own
 * passkey backup, is a passkey too.
 */
export const methodName = ({ method }: { method: BackupMethod }): string => NAMES[method] ?? method;
