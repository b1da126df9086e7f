'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';
import { RecoverWalletMethod } from './recover-wallet-method.js';

export type RecoverWalletMethodsProps = ComponentPropsWithoutRef<'fieldset'>;

/**
 * The choice among the methods the wallet really has: a radio group in a `<fieldset>` with a
 * legend, so Tab reaches the chosen method and the arrow keys move between them. Renders nothing
 * when there is nothing to choose (one method or none). Children replace the default options.
 */
export const RecoverWalletMethods = forwardRef<HTMLFieldSetElement, RecoverWalletMethodsProps>(
  function RecoverWalletMethods(props, ref) {
    const ctx = useRecoverWalletContext('RecoverWallet.Methods');
    if (ctx.methods.length < 2) return null;
    const { children, ...rest } = props;
    return (
      <fieldset disabled={ctx.disabled} {...partAttributes('recover-wallet', 'methods', ctx.state)} {...rest} ref={ref}>
        <legend id={ctx.ids.legend} {...partAttributes('recover-wallet', 'legend', ctx.state)}>
          {ctx.labels.methodsLabel}
        </legend>
        {children ?? ctx.methods.map((method) => <RecoverWalletMethod key={method} value={method} />)}
      </fieldset>
    );
  },
);
