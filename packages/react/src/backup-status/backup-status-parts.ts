import { BackupStatusDropIn, BackupStatusStatus } from './backup-status.js';
import { BackupStatusRoot, BackupStatusRootProvider } from './backup-status-root.js';
import { BackupStatusList } from './backup-status-list.js';
import { BackupStatusItem } from './backup-status-item.js';
import { BackupStatusEmpty } from './backup-status-empty.js';
import { BackupStatusRefresh } from './backup-status-refresh.js';
import { BackupStatusEjected } from './backup-status-ejected.js';

/**
 * `<BackupStatus.Root>` and its parts, or `<BackupStatus.DropIn />` for the whole component. A plain
 * object in a module without 'use client': in a React Server Component each member is a client
 * reference, so the README's syntax works there as in a client component.
 */
export const BackupStatus = {
  DropIn: BackupStatusDropIn,
  Root: BackupStatusRoot,
  RootProvider: BackupStatusRootProvider,
  List: BackupStatusList,
  Item: BackupStatusItem,
  Status: BackupStatusStatus,
  Empty: BackupStatusEmpty,
  Refresh: BackupStatusRefresh,
  Ejected: BackupStatusEjected,
};
