'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { usePasskeySetupContext } from './passkey-setup-context.js';

export type PasskeySetupIssuesProps = ComponentPropsWithoutRef<'ul'>;

/**
 * Every problem with the custom-domain options (https, no path, relying party id covering the
 * page and the domain, not a public suffix, a name), found before any passkey prompt. Renders
 * nothing while the options are fine.
 */
export const PasskeySetupIssues = forwardRef<HTMLUListElement, PasskeySetupIssuesProps>(
  function PasskeySetupIssues(props, ref) {
    const ctx = usePasskeySetupContext('PasskeySetup.Issues');
    if (ctx.issues.length === 0) return null;
    return (
      <ul {...partAttributes('passkey-setup', 'issues', ctx.state)} {...props} ref={ref}>
        {ctx.issues.map((issue) => (
          <li key={issue.code} data-part="issue" data-code={issue.code} data-field={issue.field}>
            {ctx.labels.optionIssues[issue.code] ?? issue.message}
          </li>
        ))}
      </ul>
    );
  },
);
