'use client';
import { forwardRef } from 'react';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { secretInputAttributes, type SecretInputProps } from '../internal/secret-field.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';

export type RecoverWalletInputProps = SecretInputProps;

/**
 * The backup password. Uncontrolled on purpose: React never holds the value, so it is not in
 * state, props or the DOM's value attribute. Current-password autocomplete (a password manager
 * can fill it), no autocapitalise, autocorrect or spellcheck.
 */
export const RecoverWalletInput = forwardRef<HTMLInputElement, RecoverWalletInputProps>(
  function RecoverWalletInput(props, ref) {
    const ctx = useRecoverWalletContext('RecoverWallet.Input');
    const composedRef = useComposedRefs(ref, ctx.inputRef);
    const { onChange, ...rest } = props;
    const invalid = !!ctx.fieldError;
    return (
      <input
        {...secretInputAttributes(ctx, invalid)}
        id={ctx.ids.input}
        autoComplete="current-password"
        aria-describedby={invalid && ctx.hasFieldError ? ctx.ids.error : undefined}
        {...rest}
        ref={composedRef}
        onChange={composeEventHandlers(onChange, ctx.changed)}
      />
    );
  },
);
