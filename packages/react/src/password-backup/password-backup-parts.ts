import { PasswordBackupDropIn, PasswordBackupStatus, PasswordBackupRetry } from './password-backup.js';
import { PasswordBackupRoot, PasswordBackupRootProvider } from './password-backup-root.js';
import { PasswordBackupField } from './password-backup-field.js';
import { PasswordBackupLabel } from './password-backup-label.js';
import { PasswordBackupControl } from './password-backup-control.js';
import { PasswordBackupInput } from './password-backup-input.js';
import { PasswordBackupVisibilityToggle } from './password-backup-visibility-toggle.js';
import { PasswordBackupDescription } from './password-backup-description.js';
import { PasswordBackupStrength } from './password-backup-strength.js';
import { PasswordBackupIssues } from './password-backup-issues.js';
import { PasswordBackupAcknowledge } from './password-backup-acknowledge.js';
import { PasswordBackupSubmit } from './password-backup-submit.js';

/**
 * `<PasswordBackup.Root>` and its parts, or `<PasswordBackup.DropIn />` for the whole component. A plain
 * object in a module without 'use client': in a React Server Component each member is a client
 * reference, so the README's syntax works there as in a client component.
 */
export const PasswordBackup = {
  DropIn: PasswordBackupDropIn,
  Root: PasswordBackupRoot,
  RootProvider: PasswordBackupRootProvider,
  Field: PasswordBackupField,
  Label: PasswordBackupLabel,
  Control: PasswordBackupControl,
  Input: PasswordBackupInput,
  VisibilityToggle: PasswordBackupVisibilityToggle,
  Description: PasswordBackupDescription,
  Strength: PasswordBackupStrength,
  Issues: PasswordBackupIssues,
  Acknowledge: PasswordBackupAcknowledge,
  Submit: PasswordBackupSubmit,
  Status: PasswordBackupStatus,
  Retry: PasswordBackupRetry,
};
