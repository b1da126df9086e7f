'use client';
import { forwardRef, useEffect, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { BackupMethod } from '@backup-kit/core';
import { useComposedRefs } from '../internal/compose-refs.js';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { text } from '../labels/label.js';
import { BackupStatusBackUpAgain } from './backup-status-back-up-again.js';
import { useBackupStatusContext } from './backup-status-context.js';

export interface BackupStatusItemProps extends ComponentPropsWithoutRef<'li'> {
  method: BackupMethod;
  /**
   * What a method missing from storage offers; `null` for nothing.
   * @default <BackupStatus.BackUpAgain method={method} />
   */
  backUpAgain?: ReactNode;
}

/**
 * One method: its name, then "Backed up" or "Not backed up" in words (the stylesheet adds a
 * check or a dash), so the state never rests on colour alone. Children replace the name.
 */
export const BackupStatusItem = forwardRef<HTMLLIElement, BackupStatusItemProps>(function BackupStatusItem(props, ref) {
  const ctx = useBackupStatusContext('BackupStatus.Item');
  const { method, backUpAgain, children, onFocus, ...rest } = props;
  const backedUp = ctx.isBackedUp(method);
  // A share Portal counts but the app's storage lost is its own state, with a call to back up again.
  const missing = backedUp && ctx.isMissing(method);
  const own = useRef<HTMLLIElement>(null);
  const hadFocus = useRef(false);

  // Backed up again: the call to action goes, so focus moves to the item, which now says so.
  useEffect(() => {
    if (missing || !hadFocus.current) return;
    hadFocus.current = false;
    const active = document.activeElement;
    if (!active || active === document.body) own.current?.focus();
  }, [missing]);

  return (
    <li
      {...partAttributes('backup-status', 'item', missing ? 'missing' : ctx.state)}
      data-method={method}
      data-backed-up={flag(backedUp)}
      tabIndex={-1}
      {...rest}
      onFocus={composeEventHandlers(onFocus, () => void (hadFocus.current = missing))}
      ref={useComposedRefs(ref, own)}
    >
      <span data-part="item-label">{children ?? text(ctx.labels.method, { method })}</span>{' '}
      <span data-part="item-status">
        {missing ? ctx.labels.missing : backedUp ? ctx.labels.backedUp : ctx.labels.notBackedUp}
      </span>
      {missing && (backUpAgain === undefined ? <BackupStatusBackUpAgain method={method} /> : backUpAgain)}
    </li>
  );
});
