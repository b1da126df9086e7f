import { BackupButtonDropIn, BackupButtonTrigger, BackupButtonStatus, BackupButtonRetry } from './backup-button.js';
import { BackupButtonRoot, BackupButtonRootProvider } from './backup-button-root.js';

/**
 * `<BackupButton.Root>` and its parts, or `<BackupButton.DropIn />` for the whole component. A plain
 * object in a module without 'use client': in a React Server Component each member is a client
 * reference, so the README's syntax works there as in a client component.
 */
export const BackupButton = {
  DropIn: BackupButtonDropIn,
  Root: BackupButtonRoot,
  RootProvider: BackupButtonRootProvider,
  Trigger: BackupButtonTrigger,
  Status: BackupButtonStatus,
  Retry: BackupButtonRetry,
};
