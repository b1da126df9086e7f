'use client';
import { forwardRef, useEffect, useRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { partAttributes } from '../internal/data-attributes.js';
import { useBackupStatusContext } from './backup-status-context.js';

export type BackupStatusEmptyProps = ComponentPropsWithoutRef<'div'>;

/**
 * The call to action while nothing is backed up, e.g. a `<PasswordBackup.DropIn />`. When a backup
 * succeeds the status is read again and this goes away; if focus was inside it, focus moves to
 * the Refresh button instead of being lost.
 */
export const BackupStatusEmpty = forwardRef<HTMLDivElement, BackupStatusEmptyProps>(
  function BackupStatusEmpty(props, ref) {
    const ctx = useBackupStatusContext('BackupStatus.Empty');
    const { children, onFocus, onBlur, ...rest } = props;
    const shown = ctx.empty && children != null;
    const hadFocus = useRef(false);

    useEffect(() => {
      if (shown || !hadFocus.current) return;
      hadFocus.current = false;
      const active = document.activeElement;
      if (!active || active === document.body) ctx.triggerRef.current?.focus();
    }, [shown, ctx.triggerRef]);

    if (!shown) return null;
    return (
      <div
        {...partAttributes('backup-status', 'empty', ctx.state)}
        {...rest}
        ref={ref}
        onFocus={composeEventHandlers(onFocus, () => {
          hadFocus.current = true;
        })}
        onBlur={composeEventHandlers(onBlur, (event) => {
          // Focus moved elsewhere on purpose; a removed element blurs without a new target.
          if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) hadFocus.current = false;
        })}
      >
        {children}
      </div>
    );
  },
);
