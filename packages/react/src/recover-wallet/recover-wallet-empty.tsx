'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';

export type RecoverWalletEmptyProps = ComponentPropsWithoutRef<'div'>;

/**
 * The call to action when the wallet has no backup to recover from (e.g. a link to create a new
 * wallet); the Status part says that none was found. Renders its children in that state only.
 */
export const RecoverWalletEmpty = forwardRef<HTMLDivElement, RecoverWalletEmptyProps>(
  function RecoverWalletEmpty(props, ref) {
    const ctx = useRecoverWalletContext('RecoverWallet.Empty');
    if (ctx.state !== 'empty' || props.children == null) return null;
    return <div {...partAttributes('recover-wallet', 'empty', ctx.state)} {...props} ref={ref} />;
  },
);
