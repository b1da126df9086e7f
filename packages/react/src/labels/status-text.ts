import type { BackupKitError, MpcStatus } from '@backup-kit/core';
import { errorText, progressText, type CommonLabels } from './common-labels.js';

type FlowSnapshot = { state: string; status?: MpcStatus | null; error?: BackupKitError };

/** The states a snapshot names with a label of their own: not idle, no error, no progress. */
type Named<T> = T extends { state: 'idle' } | { error: BackupKitError } | { status: MpcStatus | null }
  ? never
  : T extends { state: infer S extends string }
    ? S
    : never;

/**
 * What the Status part says for a flow in this state: while Portal loads, that it connects; the
 * error; the progress while Portal works; nothing while idle; else the label of the state's own
 * name (storing, notifying, success; checking, registering, unsupported; loading, fetching).
 */
export function flowStatusText<T extends FlowSnapshot>(
  labels: CommonLabels & Record<Named<T>, string>,
  snapshot: T,
  connecting: boolean,
): string {
  if (connecting) return labels.connecting;
  if (snapshot.error) return errorText(labels, snapshot.error);
  if (snapshot.status !== undefined) return progressText(labels, snapshot.status);
  return snapshot.state === 'idle' ? '' : labels[snapshot.state as Named<T>];
}
