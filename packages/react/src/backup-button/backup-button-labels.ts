import type { BackupMethod } from '@backup-kit/core';
import { defaultCommonLabels, type CommonLabels } from '../labels/common-labels.js';
import type { Label } from '../labels/label.js';

export interface BackupButtonLabels extends CommonLabels {
  /** The trigger before a backup, per method. */
  trigger: Label<{ method: BackupMethod }>;
  /** The trigger while the backup runs. */
  busy: string;
  /** The trigger once the wallet is backed up. */
  done: string;
}

const TRIGGER: Partial<Record<BackupMethod, string>> = {
  PASSKEY: 'Back up with a passkey',
  PASSWORD: 'Back up with a password',
  GDRIVE: 'Back up to Google Drive',
};

export const defaultBackupButtonLabels: BackupButtonLabels = {
  ...defaultCommonLabels,
  trigger: ({ method }) => TRIGGER[method] ?? 'Back up wallet',
  busy: 'Backing up…',
  done: 'Backed up',
};
