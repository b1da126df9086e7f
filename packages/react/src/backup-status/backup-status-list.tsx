'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { useBackupStatusContext } from './backup-status-context.js';
import { BackupStatusItem } from './backup-status-item.js';

export type BackupStatusListProps = ComponentPropsWithoutRef<'ul'>;

/**
 * Every listed method, each saying in words whether it is backed up. Shown once the status has
 * been read, and kept while it is read again. Children replace the default items.
 */
export const BackupStatusList = forwardRef<HTMLUListElement, BackupStatusListProps>(
  function BackupStatusList(props, ref) {
    const ctx = useBackupStatusContext('BackupStatus.List');
    if (!ctx.known) return null;
    const { children, ...rest } = props;
    return (
      <ul aria-label={ctx.labels.listLabel} {...partAttributes('backup-status', 'list', ctx.state)} {...rest} ref={ref}>
        {children ?? ctx.methods.map((method) => <BackupStatusItem key={method} method={method} />)}
      </ul>
    );
  },
);
