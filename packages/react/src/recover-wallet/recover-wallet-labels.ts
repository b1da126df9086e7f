import type { BackupMethod } from '@backup-kit/core';
import { defaultCommonLabels, type CommonLabels } from '../labels/common-labels.js';
import type { Label } from '../labels/label.js';
import { methodName } from '../labels/method-name.js';

export interface RecoverWalletLabels extends CommonLabels {
  /** While the kit reads which methods the wallet has backups for. */
  loading: string;
  /** The method choice's legend. */
  methodsLabel: string;
  /** A method's name in the choice (CUSTOM, the kit's own passkey backup, is a passkey too). */
  method: Label<{ method: BackupMethod }>;
  passwordLabel: string;
  /** The visibility toggle's accessible name (its pressed state says whether it is shown). */
  showPassword: string;
  /** Submitted without a password. */
  passwordRequired: string;
  /** The submit button, per method (`undefined` until the methods are known). */
  submit: Label<{ method: BackupMethod | undefined }>;
  /** Self-managed backups: reading the encrypted backup from the app's storage. */
  fetching: string;
  /** The wallet is back, with its address (public, shown so the user can check it). */
  recovered: Label<{ method: BackupMethod; address: string }>;
  /** The wallet has no backup to recover from. */
  empty: string;
  busy: string;
  done: string;
}

const SUBMIT: Partial<Record<BackupMethod, string>> = {
  PASSWORD: 'Recover with password',
  PASSKEY: 'Recover with passkey',
  CUSTOM: 'Recover with passkey',
  GDRIVE: 'Recover from Google Drive',
};

export const defaultRecoverWalletLabels: RecoverWalletLabels = {
  ...defaultCommonLabels,
  starting: 'Starting the recovery…',
  statuses: {
    'Reading share': 'Reading the backup…',
    'Decrypting share': 'Decrypting the backup…',
    'Recovering backup share': 'Restoring the backup share…',
    'Recovering signing share': 'Restoring the signing share…',
    Done: 'Backup restored.',
  },
  // Core's message speaks of saving; here the storage failed to read the backup back.
  errors: { STORAGE_FAILED: 'Your backup could not be read. Nothing was lost; please try again.' },
  loading: 'Looking for your backups…',
  methodsLabel: 'Recover with',
  method: methodName,
  passwordLabel: 'Backup password',
  showPassword: 'Show password',
  passwordRequired: 'Enter the password of your backup.',
  submit: ({ method }) => (method && SUBMIT[method]) || 'Recover wallet',
  fetching: 'Reading your backup…',
  recovered: ({ address }) => `Your wallet is recovered: ${address}`,
  empty: 'No backup was found for this wallet.',
  busy: 'Recovering…',
  done: 'Recovered',
};
