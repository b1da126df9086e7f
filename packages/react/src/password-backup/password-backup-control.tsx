'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { useFieldContext, usePasswordBackupContext } from './password-backup-context.js';

export type PasswordBackupControlProps = ComponentPropsWithoutRef<'div'>;

/** Holds the input and the visibility toggle side by side (a styling hook, no behaviour). */
export const PasswordBackupControl = forwardRef<HTMLDivElement, PasswordBackupControlProps>(
  function PasswordBackupControl(props, ref) {
    const form = usePasswordBackupContext('PasswordBackup.Control');
    const field = useFieldContext('PasswordBackup.Control');
    return (
      <div {...partAttributes('password-backup', 'control', form.state)} data-field={field.name} {...props} ref={ref} />
    );
  },
);
