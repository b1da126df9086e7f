'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { text } from '../labels/label.js';
import { usePasswordBackupContext } from './password-backup-context.js';
import { useFieldPart } from './use-field-part.js';

export type PasswordBackupDescriptionProps = ComponentPropsWithoutRef<'p'>;

/** The requirements, read with the input (aria-describedby). The password field has default text. */
export const PasswordBackupDescription = forwardRef<HTMLParagraphElement, PasswordBackupDescriptionProps>(
  function PasswordBackupDescription(props, ref) {
    const form = usePasswordBackupContext('PasswordBackup.Description');
    const field = useFieldPart('description', 'PasswordBackup.Description');
    const { children, ...rest } = props;
    const { kind, minLength, maxLength } = form.policy;
    const content =
      children ?? (field.name === 'password' ? text(form.labels.description, { kind, minLength, maxLength }) : null);
    return (
      <p
        id={field.ids.description}
        {...partAttributes('password-backup', 'description', form.state)}
        data-field={field.name}
        {...rest}
        ref={ref}
      >
        {content}
      </p>
    );
  },
);
