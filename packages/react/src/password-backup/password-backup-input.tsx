'use client';
import { forwardRef } from 'react';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { secretInputAttributes, type SecretInputProps } from '../internal/secret-field.js';
import { useFieldContext, usePasswordBackupContext } from './password-backup-context.js';

export type PasswordBackupInputProps = SecretInputProps;

/**
 * The password (or confirmation) input. Uncontrolled on purpose: React never holds the value,
 * so it is not in state, props or the DOM's value attribute. New-password autocomplete, no
 * autocapitalise, autocorrect or spellcheck; a numeric keyboard for PINs.
 */
export const PasswordBackupInput = forwardRef<HTMLInputElement, PasswordBackupInputProps>(
  function PasswordBackupInput(props, ref) {
    const form = usePasswordBackupContext('PasswordBackup.Input');
    const field = useFieldContext('PasswordBackup.Input');
    if (field.name === 'acknowledgement') {
      throw new Error(
        process.env.NODE_ENV !== 'production'
          ? '<PasswordBackup.Input> belongs in the password or confirmation field; use <PasswordBackup.Acknowledge>.'
          : 'PasswordBackup.Input in acknowledgement',
      );
    }
    const name = field.name;
    const composedRef = useComposedRefs(ref, form.inputRef(name));
    const { onChange, onBlur, ...rest } = props;
    const issues = form.visibleIssues(name);
    const describedBy = [
      field.has('description') && field.ids.description,
      field.has('strength') && form.check.strength && field.ids.strength,
      field.has('issues') && issues.length > 0 && field.ids.issues,
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <input
        {...secretInputAttributes(form, issues.length > 0)}
        id={field.ids.control}
        autoComplete="new-password"
        inputMode={form.policy.charset === 'digits' ? 'numeric' : undefined}
        aria-describedby={describedBy || undefined}
        data-field={name}
        {...rest}
        ref={composedRef}
        onChange={composeEventHandlers(onChange, () => form.changed(name))}
        onBlur={composeEventHandlers(onBlur, () => form.left(name))}
      />
    );
  },
);
