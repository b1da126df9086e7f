import type { BackupMethod } from '@backup-kit/core';
import { defaultCommonLabels, type CommonLabels } from '../labels/common-labels.js';
import type { Label } from '../labels/label.js';
import { ejectedText } from '../labels/ejected-text.js';
import { methodName } from '../labels/method-name.js';

export interface BackupStatusLabels extends CommonLabels {
  /** While the status is read. */
  loading: string;
  /** The list's accessible name. */
  listLabel: string;
  /** A method's name in the list. */
  method: Label<{ method: BackupMethod }>;
  /** Next to a method with a completed backup. */
  backedUp: string;
  /** Next to a method without one. */
  notBackedUp: string;
  /** Next to a method Portal counts as backed up whose share your storage no longer holds. */
  missing: string;
  /** The status line when some methods are backed up; `names` are the listed ones, labelled. */
  summary: Label<{ methods: BackupMethod[]; names: string[] }>;
  /** The status line when no method is backed up. */
  empty: string;
  /** The status line when there is no wallet yet. */
  noWallet: string;
  /** The refresh button. */
  refresh: string;
  /** The note once the wallet's private key was exported (eject). */
  ejected: Label<{ ejectedAt: string }>;
}

export const defaultBackupStatusLabels: BackupStatusLabels = {
  ...defaultCommonLabels,
  loading: 'Checking your backups…',
  listLabel: 'Backup methods',
  method: methodName,
  backedUp: 'Backed up',
  notBackedUp: 'Not backed up',
  missing: 'Missing from storage: back up again',
  summary: ({ names }) => `Backed up with ${new Intl.ListFormat('en', { type: 'conjunction' }).format(names)}.`,
  empty: 'This wallet is not backed up yet.',
  noWallet: 'There is no wallet to back up yet.',
  refresh: 'Refresh',
  ejected: ejectedText,
};
