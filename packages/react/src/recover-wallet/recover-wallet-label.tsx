'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';

export type RecoverWalletLabelProps = ComponentPropsWithoutRef<'label'>;

/** The password's `<label>`; its text comes from the labels unless children are given. */
export const RecoverWalletLabel = forwardRef<HTMLLabelElement, RecoverWalletLabelProps>(
  function RecoverWalletLabel(props, ref) {
    const ctx = useRecoverWalletContext('RecoverWallet.Label');
    const { children, ...rest } = props;
    return (
      <label
        htmlFor={ctx.ids.input}
        id={ctx.ids.label}
        {...partAttributes('recover-wallet', 'label', ctx.state)}
        {...rest}
        ref={ref}
      >
        {children ?? ctx.labels.passwordLabel}
      </label>
    );
  },
);
