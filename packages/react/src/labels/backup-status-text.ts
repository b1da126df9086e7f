import type { BackupKitError, MpcStatus } from '@backup-kit/core';
import { errorText, progressText, type CommonLabels } from './common-labels.js';

/** States whose text is not a label of their own name. */
type Described = 'idle' | 'backing-up' | 'error' | 'cancelled';

/**
 * What the Status part says for a backup (or a passkey setup) in this state: while Portal loads,
 * that it connects; the progress while backing up; the error; else the label of the state's own
 * name (storing, notifying, success; checking, registering, unsupported).
 */
export function backupStatusText<S extends string>(
  labels: CommonLabels & Record<Exclude<S, Described>, string>,
  snapshot: { state: S; status?: MpcStatus | null; error?: BackupKitError },
  connecting: boolean,
): string {
  if (connecting) return labels.connecting;
  if (snapshot.error) return errorText(labels, snapshot.error);
  if (snapshot.state === 'idle') return '';
  if (snapshot.state === 'backing-up') return progressText(labels, snapshot.status ?? null);
  return labels[snapshot.state as Exclude<S, Described>];
}
