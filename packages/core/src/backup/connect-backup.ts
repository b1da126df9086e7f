import type { BackupMethod } from '../portal/portal-like.js';
import { connectFlow, type ConnectOptions, type FlowView } from '../view/connect-flow.js';
import type { BackupSnapshot, BackupState } from './backup-snapshot.js';

export interface BackupView extends FlowView<BackupState, 'storing' | 'notifying' | 'success'> {
  method: BackupMethod;
}

/** What a backup's parts show: one place for blocked, connecting, the status and the trigger. */
export function connectBackup(snapshot: BackupSnapshot, options: ConnectOptions): BackupView {
  const view = connectFlow(snapshot, options);
  // No passkeys in this browser: a click could do nothing, so the trigger says so (the reason stays shown).
  const unsupported = snapshot.state === 'error' && snapshot.error.code === 'PASSKEY_UNSUPPORTED';
  return {
    ...view,
    blocked: view.blocked || unsupported,
    // Checking is short (the passkey code loading): the trigger waits without a status line.
    statusKey: view.statusKey === 'checking' ? 'none' : view.statusKey,
    method: snapshot.method,
  };
}

/**
 * True once the password is no longer needed: the share exists (storing, notifying, done, or a
 * storage/notification failure that a retry resumes without it).
 */
export function hasTakenPassword(snapshot: BackupSnapshot): boolean {
  if (snapshot.state === 'error') return snapshot.error.stage === 'storing' || snapshot.error.stage === 'notifying';
  return snapshot.state === 'storing' || snapshot.state === 'notifying' || snapshot.state === 'success';
}

export interface PasswordBackupView extends BackupView {
  /** The backup has the encrypted share: forget the password; a retry resumes without it. */
  passwordTaken: boolean;
  /** The fields take no input: running, done, or the password was taken. */
  locked: boolean;
}

/** A PASSWORD backup's view: the backup's, and what happens to the password fields. */
export function connectPasswordBackup(snapshot: BackupSnapshot, options: ConnectOptions): PasswordBackupView {
  const view = connectBackup(snapshot, options);
  const passwordTaken = hasTakenPassword(snapshot);
  return { ...view, passwordTaken, locked: view.busy || view.state === 'success' || passwordTaken };
}
