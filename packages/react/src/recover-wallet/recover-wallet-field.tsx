'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';

export type RecoverWalletFieldProps = ComponentPropsWithoutRef<'div'>;

/** Groups the password's label, control and message. Renders nothing unless the method is PASSWORD. */
export const RecoverWalletField = forwardRef<HTMLDivElement, RecoverWalletFieldProps>(
  function RecoverWalletField(props, ref) {
    const ctx = useRecoverWalletContext('RecoverWallet.Field');
    if (ctx.method !== 'PASSWORD') return null;
    return (
      <div
        {...partAttributes('recover-wallet', 'field', ctx.state)}
        data-invalid={flag(!!ctx.fieldError)}
        {...props}
        ref={ref}
      />
    );
  },
);
