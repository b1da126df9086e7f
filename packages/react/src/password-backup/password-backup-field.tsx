'use client';
import { forwardRef, useCallback, useMemo, useState, type ComponentPropsWithoutRef } from 'react';
import { flag, partAttributes } from '../internal/data-attributes.js';
import {
  FieldProvider,
  fieldIds,
  usePasswordBackupContext,
  type PasswordFieldName,
} from './password-backup-context.js';

type OptionalPart = 'description' | 'strength' | 'issues';

export interface PasswordBackupFieldProps extends ComponentPropsWithoutRef<'div'> {
  /** Which value this field holds; Label, Input, Description, Strength and Issues inside follow it. */
  name: PasswordFieldName;
}

/**
 * Groups one value's label, control, hints and issues, and wires their ids. The confirmation and
 * acknowledgement fields render nothing when the policy does not ask for them.
 */
export const PasswordBackupField = forwardRef<HTMLDivElement, PasswordBackupFieldProps>(
  function PasswordBackupField(props, ref) {
    const { name, children, ...rest } = props;
    const form = usePasswordBackupContext('PasswordBackup.Field');
    const [parts, setParts] = useState<ReadonlySet<OptionalPart>>(() => new Set());
    const register = useCallback((part: OptionalPart) => {
      setParts((current) => new Set(current).add(part));
      return () =>
        setParts((current) => {
          const next = new Set(current);
          next.delete(part);
          return next;
        });
    }, []);
    const value = useMemo(
      () => ({ name, ids: fieldIds(form.id, name), has: (part: OptionalPart) => parts.has(part), register }),
      [name, form.id, parts, register],
    );

    const asked =
      name === 'password' ||
      (name === 'confirmation' ? form.policy.requireConfirmation : form.policy.requireAcknowledgement);
    if (!asked) return null;
    return (
      <FieldProvider value={value}>
        <div
          {...partAttributes('password-backup', 'field', form.state)}
          data-field={name}
          data-invalid={flag(form.visibleIssues(name).length > 0)}
          {...rest}
          ref={ref}
        >
          {children}
        </div>
      </FieldProvider>
    );
  },
);
