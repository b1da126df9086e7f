import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { EyeIcon } from '../internal/eye-icon.js';
import { useRecoverWalletContext } from './recover-wallet-context.js';

export type RecoverWalletVisibilityToggleProps = ComponentPropsWithoutRef<'button'>;

/**
 * Shows or hides the password: a toggle button with a constant name ("Show password"),
 * aria-pressed and aria-controls. A pointer press keeps focus and caret in the input; the form
 * hides the password again on submit.
 */
export const RecoverWalletVisibilityToggle = forwardRef<HTMLButtonElement, RecoverWalletVisibilityToggleProps>(
  function RecoverWalletVisibilityToggle(props, ref) {
    const ctx = useRecoverWalletContext('RecoverWallet.VisibilityToggle');
    const { children, onClick, onMouseDown, ...rest } = props;
    return (
      <button
        type="button"
        aria-pressed={ctx.visible}
        aria-controls={ctx.ids.input}
        aria-label={children === undefined ? ctx.labels.showPassword : undefined}
        disabled={ctx.disabled}
        {...partAttributes('recover-wallet', 'visibility-toggle', ctx.state)}
        data-visible={flag(ctx.visible)}
        {...rest}
        ref={ref}
        onMouseDown={composeEventHandlers(onMouseDown, (event) => {
          // Keep focus (and so the caret) in the input the user is typing in.
          if (ctx.isSecretInput(document.activeElement)) event.preventDefault();
        })}
        onClick={composeEventHandlers(onClick, ctx.toggleVisible)}
      >
        {children ?? <EyeIcon open={!ctx.visible} />}
      </button>
    );
  },
);
