import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';

export type RecoverWalletInputProps = Omit<ComponentPropsWithoutRef<'input'>, 'type' | 'value' | 'defaultValue'>;

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
        id={ctx.ids.input}
        type={ctx.visible ? 'text' : 'password'}
        autoComplete="current-password"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        required
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid && ctx.hasFieldError ? ctx.ids.error : undefined}
        readOnly={ctx.locked}
        disabled={ctx.disabled}
        {...partAttributes('recover-wallet', 'input', ctx.state)}
        data-invalid={flag(invalid)}
        {...rest}
        ref={composedRef}
        onChange={composeEventHandlers(onChange, ctx.changed)}
      />
    );
  },
);
