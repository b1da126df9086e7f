'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { BackupMethod } from '@backup-kit/core';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { text } from '../labels/label.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';

export interface RecoverWalletMethodProps extends Omit<ComponentPropsWithoutRef<'label'>, 'htmlFor'> {
  value: BackupMethod;
}

/**
 * One method in the choice: a `<label>` around a native radio, so it works with the keyboard,
 * in forms and with screen readers as any radio does. While a recovery runs the choice holds.
 */
export const RecoverWalletMethod = forwardRef<HTMLLabelElement, RecoverWalletMethodProps>(
  function RecoverWalletMethod(props, ref) {
    const ctx = useRecoverWalletContext('RecoverWallet.Method');
    const { value, children, ...rest } = props;
    const checked = ctx.method === value;
    return (
      <label
        {...partAttributes('recover-wallet', 'method', ctx.state)}
        data-method={value}
        data-checked={flag(checked)}
        {...rest}
        ref={ref}
      >
        <input
          type="radio"
          name={ctx.ids.methods}
          value={value}
          checked={checked}
          aria-disabled={ctx.locked ? true : undefined}
          disabled={ctx.disabled}
          data-part="method-input"
          onChange={() => ctx.select(value)}
        />
        <span data-part="method-label">{children ?? text(ctx.labels.method, { method: value })}</span>
      </label>
    );
  },
);
