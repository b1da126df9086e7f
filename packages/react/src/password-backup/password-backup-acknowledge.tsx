'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { useIsomorphicLayoutEffect } from '../internal/use-isomorphic-layout-effect.js';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { useFieldContext, usePasswordBackupContext } from './password-backup-context.js';

export interface PasswordBackupAcknowledgeProps extends Omit<
  ComponentPropsWithoutRef<'input'>,
  'type' | 'checked' | 'defaultChecked'
> {
  /** Checked (or not) from the start, and checked then: unchecked, its issue shows at once. */
  defaultChecked?: boolean | undefined;
}

/**
 * The checkbox saying a forgotten password cannot be recovered (Portal cannot reset it). Put it
 * in `<PasswordBackup.Field name="acknowledgement">` with a Label and Issues.
 */
export const PasswordBackupAcknowledge = forwardRef<HTMLInputElement, PasswordBackupAcknowledgeProps>(
  function PasswordBackupAcknowledge(props, ref) {
    const form = usePasswordBackupContext('PasswordBackup.Acknowledge');
    const field = useFieldContext('PasswordBackup.Acknowledge');
    const composedRef = useComposedRefs(ref, form.inputRef('acknowledgement'));
    const { onChange, onClick, defaultChecked, ...rest } = props;
    // A default applies at mount only, as React's own defaultValue does.
    useIsomorphicLayoutEffect(() => {
      if (defaultChecked !== undefined) form.setAcknowledged(defaultChecked);
    }, []);
    const issues = form.visibleIssues('acknowledgement');
    const describedBy = field.has('issues') && issues.length > 0 ? field.ids.issues : undefined;
    return (
      <input
        type="checkbox"
        id={field.ids.control}
        checked={form.acknowledged}
        required
        aria-invalid={issues.length > 0 ? true : undefined}
        aria-describedby={describedBy}
        aria-disabled={form.locked ? true : undefined}
        disabled={form.disabled}
        {...partAttributes('password-backup', 'acknowledge', form.state)}
        data-invalid={flag(issues.length > 0)}
        {...rest}
        ref={composedRef}
        onClick={composeEventHandlers(onClick, (event) => {
          // A checkbox has no readOnly: while locked, a click changes nothing.
          if (form.locked) event.preventDefault();
        })}
        onChange={composeEventHandlers(onChange, (event) => form.setAcknowledged(event.currentTarget.checked))}
      />
    );
  },
);
