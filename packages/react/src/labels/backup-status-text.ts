import type { BackupSnapshot } from '@backup-kit/core';
import { errorText, progressText, type CommonLabels } from './common-labels.js';

/** What the Status part says for a backup in this state. */
export function backupStatusText(labels: CommonLabels, snapshot: BackupSnapshot, connecting: boolean): string {
  switch (snapshot.state) {
    case 'idle':
      return connecting ? labels.connecting : '';
    case 'backing-up':
      return progressText(labels, snapshot.status);
    case 'storing':
      return labels.storing;
    case 'notifying':
      return labels.notifying;
    case 'success':
      return labels.success;
    case 'error':
      return errorText(labels, snapshot.error);
  }
}
