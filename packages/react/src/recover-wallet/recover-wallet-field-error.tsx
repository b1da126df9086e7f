'use client';
import { forwardRef, useEffect, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';

export type RecoverWalletFieldErrorProps = ComponentPropsWithoutRef<'p'>;

/**
 * The password's message, next to it: a wrong password, or none typed. The input is
 * aria-invalid and names this message in aria-describedby meanwhile, and the Status part leaves
 * the message to it. Renders nothing while there is no message.
 */
export const RecoverWalletFieldError = forwardRef<HTMLParagraphElement, RecoverWalletFieldErrorProps>(
  function RecoverWalletFieldError(props, ref) {
    const ctx = useRecoverWalletContext('RecoverWallet.FieldError');
    const { registerFieldError } = ctx;
    useEffect(registerFieldError, [registerFieldError]);
    if (!ctx.fieldError) return null;
    const { children, ...rest } = props;
    return (
      <p id={ctx.ids.error} {...partAttributes('recover-wallet', 'field-error', ctx.state)} {...rest} ref={ref}>
        {children ?? ctx.fieldError}
      </p>
    );
  },
);
