import type { BackupMethod } from '@backup-kit/core';

/** How the playground names each backup method (both passkey paths are "Passkey" to the kit). */
export const METHOD_NAMES: Record<BackupMethod, string> = {
  PASSWORD: 'Password',
  PASSKEY: "Passkey (Portal's window)",
  CUSTOM: 'Passkey (key vault)',
  GDRIVE: 'Google Drive',
  UNKNOWN: 'Unknown method',
};
