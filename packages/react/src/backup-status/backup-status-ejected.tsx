'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { text } from '../labels/label.js';
import { useBackupStatusContext } from './backup-status-context.js';

export type BackupStatusEjectedProps = ComponentPropsWithoutRef<'p'>;

/**
 * Says that the wallet's private key was exported (Portal's `ejectedAt`), and when: backups no
 * longer keep the wallet safe on their own. Renders nothing for a wallet never exported.
 */
export const BackupStatusEjected = forwardRef<HTMLParagraphElement, BackupStatusEjectedProps>(
  function BackupStatusEjected(props, ref) {
    const ctx = useBackupStatusContext('BackupStatus.Ejected');
    const { children, ...rest } = props;
    if (!ctx.ejectedAt) return null;
    return (
      <p
        {...partAttributes('backup-status', 'ejected', ctx.state)}
        data-ejected-at={ctx.ejectedAt}
        role="note"
        {...rest}
        ref={ref}
      >
        {children ?? text(ctx.labels.ejected, { ejectedAt: ctx.ejectedAt })}
      </p>
    );
  },
);
