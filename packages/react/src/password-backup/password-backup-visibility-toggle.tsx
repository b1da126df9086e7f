'use client';
import { forwardRef } from 'react';
import { VisibilityToggle, type VisibilityToggleProps } from '../internal/secret-field.js';
import { text } from '../labels/label.js';
import { fieldIds, usePasswordBackupContext } from './password-backup-context.js';

export type PasswordBackupVisibilityToggleProps = VisibilityToggleProps;

/**
 * Shows or hides the password and its confirmation. A toggle button: constant name ("Show
 * password") with aria-pressed, aria-controls naming the inputs. A pointer press keeps focus and
 * caret in the input; the form hides the password again on submit.
 */
export const PasswordBackupVisibilityToggle = forwardRef<HTMLButtonElement, PasswordBackupVisibilityToggleProps>(
  function PasswordBackupVisibilityToggle(props, ref) {
    const form = usePasswordBackupContext('PasswordBackup.VisibilityToggle');
    const controls = [
      fieldIds(form.id, 'password').control,
      form.policy.requireConfirmation && fieldIds(form.id, 'confirmation').control,
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <VisibilityToggle
        secret={form}
        label={text(form.labels.showSecret, { kind: form.policy.kind })}
        controls={controls}
        {...props}
        ref={ref}
      />
    );
  },
);
