'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { text } from '../labels/label.js';
import { usePasswordBackupContext } from './password-backup-context.js';
import { useFieldPart } from './use-field-part.js';

export type PasswordBackupIssuesProps = ComponentPropsWithoutRef<'ul'>;

/**
 * Every issue with this field, once the user has changed and left it or submitted; the input
 * points at this list with aria-describedby and is aria-invalid meanwhile.
 */
export const PasswordBackupIssues = forwardRef<HTMLUListElement, PasswordBackupIssuesProps>(
  function PasswordBackupIssues(props, ref) {
    const form = usePasswordBackupContext('PasswordBackup.Issues');
    const field = useFieldPart('issues', 'PasswordBackup.Issues');
    const issues = form.visibleIssues(field.name);
    if (issues.length === 0) return null;
    const kind = form.policy.kind;
    return (
      <ul
        id={field.ids.issues}
        {...partAttributes('password-backup', 'issues', form.state)}
        data-field={field.name}
        {...props}
        ref={ref}
      >
        {issues.map((issue) => (
          <li key={issue.code} data-part="issue" data-code={issue.code}>
            {text(form.labels.issues[issue.code], { kind, limit: issue.limit })}
          </li>
        ))}
      </ul>
    );
  },
);
