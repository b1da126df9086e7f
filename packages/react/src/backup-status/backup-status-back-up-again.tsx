'use client';
import { forwardRef, useId, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { BackupMethod } from '@backup-kit/core';
import { BackupButtonRoot } from '../backup-button/backup-button-root.js';
import type { StartableBackupMethod } from '../hooks/use-backup.js';
import { FlowStatus } from '../internal/flow-status.js';
import { PasswordBackupDropIn } from '../password-backup/password-backup.js';
import { FlowTrigger } from '../internal/flow-trigger.js';
import { text } from '../labels/label.js';
import { useBackupStatusContext } from './backup-status-context.js';

export interface BackupStatusBackUpAgainProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onError' | 'onProgress'> {
  /** The method to back up again (PASSWORD, PASSKEY or GDRIVE; others render nothing). */
  method: BackupMethod;
  /**
   * PASSWORD: the form the button reveals. @default `<PasswordBackup.DropIn />` with the Root's
   * storage and Portal
   */
  passwordForm?: ReactNode;
}

const PART = { 'data-scope': 'backup-status', 'data-part': 'back-up-again' } as const;

/**
 * Makes a new backup of a method whose share is missing from the app's storage, into the Root's
 * storage, with BackupButton's flow: one press for PASSKEY and GDRIVE (their own status line
 * announces progress), a disclosure with a password form for PASSWORD. Once the backup succeeds
 * the status is read again and the item says "Backed up". Its accessible name ends with the
 * method's ("Back up again Password"); children replace the button's text.
 */
export const BackupStatusBackUpAgain = forwardRef<HTMLDivElement, BackupStatusBackUpAgainProps>(
  function BackupStatusBackUpAgain(props, ref) {
    const { method, passwordForm, children, ...rest } = props;
    const ctx = useBackupStatusContext('BackupStatus.BackUpAgain');
    const id = useId();
    const [open, setOpen] = useState(false);
    if (!/^(PASSWORD|PASSKEY|GDRIVE)$/.test(method)) return null;
    const label = children ?? ctx.labels.backUpAgain;
    // Named "Back up again Password": the visible text first, then the method from a hidden span.
    const name = (
      <span hidden id={`${id}method`}>
        {text(ctx.labels.method, { method })}
      </span>
    );
    const labelledBy = `${id}button ${id}method`;
    const { storage, portal } = ctx;

    if (method !== 'PASSWORD') {
      return (
        <BackupButtonRoot
          method={method as StartableBackupMethod}
          storage={storage}
          portal={portal}
          labels={{ trigger: ctx.labels.backUpAgain }}
          {...PART}
          {...rest}
          ref={ref}
        >
          <FlowTrigger id={`${id}button`} aria-labelledby={labelledBy}>
            {children}
          </FlowTrigger>
          {name}
          <FlowStatus />
        </BackupButtonRoot>
      );
    }
    return (
      <div {...PART} data-state={open ? 'open' : 'closed'} {...rest} ref={ref}>
        <button
          type="button"
          id={`${id}button`}
          aria-labelledby={labelledBy}
          aria-expanded={open}
          aria-controls={open ? `${id}form` : undefined}
          data-scope="backup-status"
          data-part="back-up-again-trigger"
          onClick={() => setOpen(!open)}
        >
          {label}
        </button>
        {name}
        {open && (
          <div id={`${id}form`}>{passwordForm ?? <PasswordBackupDropIn storage={storage} portal={portal} />}</div>
        )}
      </div>
    );
  },
);
