import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { useFieldContext, usePasswordBackupContext } from './password-backup-context.js';

export type PasswordBackupInputProps = Omit<ComponentPropsWithoutRef<'input'>, 'type' | 'value' | 'defaultValue'>;

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
        '<PasswordBackup.Input> belongs in the password or confirmation field; use <PasswordBackup.Acknowledge>.',
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
        id={field.ids.control}
        type={form.visible ? 'text' : 'password'}
        autoComplete="new-password"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        inputMode={form.policy.charset === 'digits' ? 'numeric' : undefined}
        required
        aria-invalid={issues.length > 0 ? true : undefined}
        aria-describedby={describedBy || undefined}
        readOnly={form.locked}
        disabled={form.disabled}
        {...partAttributes('password-backup', 'input', form.state)}
        data-field={name}
        data-invalid={flag(issues.length > 0)}
        {...rest}
        ref={composedRef}
        onChange={composeEventHandlers(onChange, () => form.changed(name))}
        onBlur={composeEventHandlers(onBlur, () => form.left(name))}
      />
    );
  },
);
