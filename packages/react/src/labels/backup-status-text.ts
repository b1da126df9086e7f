import type { BackupSnapshot } from '@backup-kit/core';
import { errorText, progressText, type CommonLabels } from './common-labels.js';

/** What the Status part says for a backup in this state. */
export function backupStatusText(labels: CommonLabels, snapshot: BackupSnapshot, connecting: boolean): string {
  if (snapshot.state === 'idle') return connecting ? labels.connecting : '';
  if (snapshot.state === 'backing-up') return progressText(labels, snapshot.status);
  if (snapshot.state === 'error') return errorText(labels, snapshot.error);
  // storing, notifying and success: each state has a label of its own name.
  return labels[snapshot.state];
}
