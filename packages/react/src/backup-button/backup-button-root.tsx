'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { BACKUP_OPTION_KEYS, useBackup, type UseBackupOptions, type UseBackupResult } from '../hooks/use-backup.js';
import { splitProps } from '../hooks/use-flow-store.js';
import { connectBackup } from '@backup-kit/core';
import { FlowProvider } from '../internal/flow-context.js';
import { flowContext, rootAttributes, useFlowRoot } from '../internal/flow-root.js';
import type { LabelOverrides } from '../labels/common-labels.js';
import { text } from '../labels/label.js';
import { defaultBackupButtonLabels, type BackupButtonLabels } from './backup-button-labels.js';

export interface BackupButtonRootProviderProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onError' | 'onProgress'> {
  /** The flow to show: what `useBackup` returned (the app holds the flow itself). */
  value: UseBackupResult;
  /** PASSWORD only: the password Portal encrypts the backup with (for a full form, use PasswordBackup). */
  password?: string | undefined;
  /** Any text to replace; the rest stays English. */
  labels?: LabelOverrides<BackupButtonLabels> | undefined;
  /** Turns the trigger off (a real `disabled`, unlike the busy state). */
  disabled?: boolean | undefined;
}

export interface BackupButtonRootProps extends UseBackupOptions, Omit<BackupButtonRootProviderProps, 'value'> {}

/** Holds the backup flow and renders a `<div>` around the parts. */
export const BackupButtonRoot = forwardRef<HTMLDivElement, BackupButtonRootProps>(
  function BackupButtonRoot(props, ref) {
    const [options, rest] = splitProps(props, BACKUP_OPTION_KEYS);
    return <BackupButtonRootProvider {...rest} value={useBackup(options)} ref={ref} />;
  },
);

/** Renders the parts over a backup flow the app holds: `value={useBackup(...)}`. */
export const BackupButtonRootProvider = forwardRef<HTMLDivElement, BackupButtonRootProviderProps>(
  function BackupButtonRootProvider(props, ref) {
    const { value: backup, password, labels: overrides, disabled, children, ...rest } = props;
    const root = useFlowRoot(defaultBackupButtonLabels, overrides);
    const view = connectBackup(backup, { portalStatus: backup.portalStatus, disabled });
    const { method } = view;
    // Only PASSWORD backups read the password (core sends '' when there is none).
    const ctx = flowContext(
      'backup-button',
      view,
      root,
      text(root.labels.trigger, { method }),
      () => void backup.retry({ password }),
    );

    return (
      <FlowProvider value={ctx}>
        <div {...rootAttributes(ctx, backup)} data-method={method} {...rest} ref={ref}>
          {children}
        </div>
      </FlowProvider>
    );
  },
);
