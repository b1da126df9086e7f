'use client';
import { useMemo } from 'react';
import {
  checkPassword,
  hasTakenPassword,
  resolvePasswordPolicy,
  type PasswordCheck,
  type PasswordInput,
  type PasswordPolicy,
  type ResolvedPasswordPolicy,
} from '@backup-kit/core';
import { BACKUP_OPTION_KEYS, useBackup, type UseBackupOptions, type UseBackupResult } from './use-backup.js';

export interface UsePasswordBackupOptions extends Omit<UseBackupOptions, 'method'> {
  /** Kind (password, PIN, passcode), length bounds, confirmation, acknowledgement, strength. */
  policy?: PasswordPolicy | undefined;
}

/** Every option of usePasswordBackup, to tell them apart from DOM props. */
export const PASSWORD_OPTION_KEYS = [
  ...BACKUP_OPTION_KEYS.filter((key) => key !== 'method'),
  'policy',
] as ReadonlyArray<keyof UsePasswordBackupOptions>;

export type UsePasswordBackupResult = UseBackupResult & {
  policy: ResolvedPasswordPolicy;
  /** Every issue with a candidate password (never below the SDK's 4 characters). */
  check: (input: PasswordInput) => PasswordCheck;
  /**
   * The backup has taken the password: Portal made the encrypted share, so keep the password
   * no longer. False after an MPC failure, where the user retries with the same password.
   */
  passwordTaken: boolean;
};

export { hasTakenPassword };

/** A PASSWORD backup with its policy. The form state (and the password) stays with you. */
export function usePasswordBackup(options: UsePasswordBackupOptions = {}): UsePasswordBackupResult {
  const { policy: policyInput, ...backupOptions } = options;
  const backup = useBackup({ ...backupOptions, method: 'PASSWORD' });
  const policy = useMemo(() => resolvePasswordPolicy(policyInput), [policyInput]);
  const check = useMemo(() => (input: PasswordInput) => checkPassword(input, policy), [policy]);
  return { ...backup, policy, check, passwordTaken: hasTakenPassword(backup) };
}
