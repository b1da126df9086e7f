'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { BackupMethod } from '@backup-kit/core';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { text } from '../labels/label.js';
import { useBackupStatusContext } from './backup-status-context.js';

export interface BackupStatusItemProps extends ComponentPropsWithoutRef<'li'> {
  method: BackupMethod;
}

/**
 * One method: its name, then "Backed up" or "Not backed up" in words (the stylesheet adds a
 * check or a dash), so the state never rests on colour alone. Children replace the name.
 */
export const BackupStatusItem = forwardRef<HTMLLIElement, BackupStatusItemProps>(function BackupStatusItem(props, ref) {
  const ctx = useBackupStatusContext('BackupStatus.Item');
  const { method, children, ...rest } = props;
  const backedUp = ctx.isBackedUp(method);
  // A share Portal counts but the app's storage lost is its own state, with a call to back up again.
  const missing = backedUp && ctx.isMissing(method);
  return (
    <li
      {...partAttributes('backup-status', 'item', missing ? 'missing' : ctx.state)}
      data-method={method}
      data-backed-up={flag(backedUp)}
      {...rest}
      ref={ref}
    >
      <span data-part="item-label">{children ?? text(ctx.labels.method, { method })}</span>{' '}
      <span data-part="item-status">
        {missing ? ctx.labels.missing : backedUp ? ctx.labels.backedUp : ctx.labels.notBackedUp}
      </span>
    </li>
  );
});
