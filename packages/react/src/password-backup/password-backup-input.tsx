'use client';
import { forwardRef } from 'react';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { useIsomorphicLayoutEffect } from '../internal/use-isomorphic-layout-effect.js';
import { secretInputAttributes, type SecretInputProps } from '../internal/secret-field.js';
import { useFieldContext, usePasswordBackupContext } from './password-backup-context.js';

// Bundlers replace process.env.NODE_ENV (production builds then drop the development-only text);
// declared here so the sources type-check without Node's types, in any app that includes them.
declare const process: { env: { NODE_ENV?: string } };

export interface PasswordBackupInputProps extends SecretInputProps {
  /**
   * A value to start with (a password you suggest, say). Written into the input's value before
   * the first paint, never into an HTML attribute (React's own `defaultValue` would write one,
   * in server-rendered HTML too), and checked then: its strength and issues show at once.
   */
  defaultValue?: string | undefined;
}

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
    const { onChange, onBlur, defaultValue, ...rest } = props;
    // A default applies at mount only, as React's own defaultValue does.
    useIsomorphicLayoutEffect(() => {
      if (defaultValue) form.prefill(name, defaultValue);
    }, []);
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
