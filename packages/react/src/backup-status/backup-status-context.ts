import type { RefObject } from 'react';
import type { BackupMethod } from '@backup-kit/core';
import type { KnownBackupStatus } from '../hooks/use-backup-status.js';
import { createStrictContext } from '../internal/create-strict-context.js';
import type { BackupStatusLabels } from './backup-status-labels.js';

/** What BackupStatus's own parts read. */
export interface BackupStatusContextValue {
  /** data-state on every part: loading, ready, empty or error. */
  state: string;
  labels: BackupStatusLabels;
  /** The methods to list, in order. */
  methods: readonly BackupMethod[];
  /** The last status read (kept while it is read again); undefined before one or after an error. */
  known: KnownBackupStatus | undefined;
  isBackedUp: (method: BackupMethod) => boolean;
  /** Portal counts it as backed up, but the app's storage lacks the share. */
  isMissing: (method: BackupMethod) => boolean;
  /** Nothing is backed up: the call to action shows. */
  empty: boolean;
  /** When the wallet's private keys were exported; undefined when never. */
  ejectedAt: string | undefined;
  /** The Refresh button, where focus goes when the call to action that held it goes away. */
  triggerRef: RefObject<HTMLButtonElement | null>;
}

export const [BackupStatusProvider, useBackupStatusContext] =
  createStrictContext<BackupStatusContextValue>('BackupStatus.Root');
