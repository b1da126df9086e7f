'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { text } from '../labels/label.js';
import { useFieldContext, usePasswordBackupContext } from './password-backup-context.js';

export type PasswordBackupLabelProps = ComponentPropsWithoutRef<'label'>;

/** The field's `<label>`; its text comes from the labels unless children are given. */
export const PasswordBackupLabel = forwardRef<HTMLLabelElement, PasswordBackupLabelProps>(
  function PasswordBackupLabel(props, ref) {
    const form = usePasswordBackupContext('PasswordBackup.Label');
    const field = useFieldContext('PasswordBackup.Label');
    const { children, ...rest } = props;
    const { labels } = form;
    const kind = { kind: form.policy.kind };
    const fallback =
      field.name === 'password'
        ? text(labels.passwordLabel, kind)
        : field.name === 'confirmation'
          ? text(labels.confirmationLabel, kind)
          : text(labels.acknowledgement, kind);
    return (
      <label
        htmlFor={field.ids.control}
        id={field.ids.label}
        {...partAttributes('password-backup', 'label', form.state)}
        data-field={field.name}
        {...rest}
        ref={ref}
      >
        {children ?? fallback}
      </label>
    );
  },
);
