'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { text } from '../labels/label.js';
import { usePasswordBackupContext } from './password-backup-context.js';
import { useFieldPart } from './use-field-part.js';

export type PasswordBackupStrengthProps = ComponentPropsWithoutRef<'p'>;

/**
 * The estimator's verdict (policy.estimateStrength), with the score in data-score (0 to 4).
 * Renders nothing without an estimator or before anything is typed.
 */
export const PasswordBackupStrength = forwardRef<HTMLParagraphElement, PasswordBackupStrengthProps>(
  function PasswordBackupStrength(props, ref) {
    const form = usePasswordBackupContext('PasswordBackup.Strength');
    const field = useFieldPart('strength', 'PasswordBackup.Strength');
    const strength = form.check.strength;
    if (!strength) return null;
    const { children, ...rest } = props;
    return (
      <p
        id={field.ids.strength}
        {...partAttributes('password-backup', 'strength', form.state)}
        data-score={strength.score}
        {...rest}
        ref={ref}
      >
        {children ?? text(form.labels.strength, strength)}
      </p>
    );
  },
);
