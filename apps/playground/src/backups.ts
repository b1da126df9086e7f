import type { BackupMethod } from '@backup-kit/core';
import { useBackupStatus } from '@backup-kit/react';

/** What the page knows of the wallet's backups, from Portal (the kit's backup status). */
export type Backups =
  | { state: 'checking' }
  | { state: 'none' }
  | { state: 'some'; methods: BackupMethod[] }
  | { state: 'unknown'; message: string };

export interface BackupsReader {
  backups: Backups;
  /** Reads them again from Portal (after a new wallet, and before the device is lost). */
  refresh: () => void;
}

/** The kit's useBackupStatus, read as "has this wallet a backup?", never guessed while it is read. */
export function useBackups(): BackupsReader {
  const status = useBackupStatus();
  let backups: Backups;
  if (status.state === 'error') backups = { state: 'unknown', message: status.error.message };
  else if (!('methods' in status)) backups = { state: 'checking' };
  else backups = status.methods.length > 0 ? { state: 'some', methods: status.methods } : { state: 'none' };
  return { backups, refresh: () => void status.refresh() };
}
