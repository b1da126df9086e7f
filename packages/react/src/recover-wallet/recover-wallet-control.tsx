'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';

export type RecoverWalletControlProps = ComponentPropsWithoutRef<'div'>;

/** Holds the input and the visibility toggle side by side (a styling hook, no behaviour). */
export const RecoverWalletControl = forwardRef<HTMLDivElement, RecoverWalletControlProps>(
  function RecoverWalletControl(props, ref) {
    const ctx = useRecoverWalletContext('RecoverWallet.Control');
    return <div {...partAttributes('recover-wallet', 'control', ctx.state)} {...props} ref={ref} />;
  },
);
