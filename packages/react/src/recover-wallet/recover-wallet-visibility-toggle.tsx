'use client';
import { forwardRef } from 'react';
import { VisibilityToggle, type VisibilityToggleProps } from '../internal/secret-field.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';

export type RecoverWalletVisibilityToggleProps = VisibilityToggleProps;

/**
 * Shows or hides the password: a toggle button with a constant name ("Show password"),
 * aria-pressed and aria-controls. A pointer press keeps focus and caret in the input; the form
 * hides the password again on submit.
 */
export const RecoverWalletVisibilityToggle = forwardRef<HTMLButtonElement, RecoverWalletVisibilityToggleProps>(
  function RecoverWalletVisibilityToggle(props, ref) {
    const ctx = useRecoverWalletContext('RecoverWallet.VisibilityToggle');
    return (
      <VisibilityToggle secret={ctx} label={ctx.labels.showPassword} controls={ctx.ids.input} {...props} ref={ref} />
    );
  },
);
