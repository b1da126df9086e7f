import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from './compose-event-handlers.js';
import { flag, partAttributes, type Scope } from './data-attributes.js';
import { EyeIcon } from './eye-icon.js';

/**
 * What a component with secret inputs (PasswordBackup, RecoverWallet) tells the parts it shares:
 * the input and the visibility toggle are written once, here, and each component's part adds
 * its own ids, text and handlers.
 */
export interface SecretState {
  scope: Scope;
  /** data-state on every part. */
  state: string;
  /** The secret is shown (the inputs are type="text"). */
  visible: boolean;
  toggleVisible: () => void;
  /** Is this element one of the component's inputs (the toggle keeps their focus and caret). */
  ownsInput: (element: Element | null) => boolean;
  /** The inputs take no edits: the flow runs, or it is done. */
  locked: boolean;
  disabled: boolean;
}

export type SecretInputProps = Omit<ComponentPropsWithoutRef<'input'>, 'type' | 'value' | 'defaultValue'>;

/**
 * What every secret input carries: the type that shows or hides it, no autocapitalise,
 * autocorrect or spellcheck, the invalid and read-only states, the part attributes. The input is
 * uncontrolled on purpose: React never holds the value, so it is not in state, props or the DOM's
 * value attribute. The component's part adds the id, the autocomplete and the description.
 */
export function secretInputAttributes(secret: SecretState, invalid: boolean) {
  return {
    type: secret.visible ? 'text' : 'password',
    autoCapitalize: 'off',
    autoCorrect: 'off',
    spellCheck: false,
    required: true,
    'aria-invalid': invalid || undefined,
    readOnly: secret.locked,
    disabled: secret.disabled,
    ...partAttributes(secret.scope, 'input', secret.state),
    'data-invalid': flag(invalid),
  };
}

export type VisibilityToggleProps = ComponentPropsWithoutRef<'button'>;

/**
 * Shows or hides the secret. A toggle button: a constant name (`label`, e.g. "Show password")
 * with aria-pressed, and aria-controls naming the inputs. A pointer press keeps focus and caret
 * in the input; the component hides the secret again on submit.
 */
export const VisibilityToggle = forwardRef<
  HTMLButtonElement,
  VisibilityToggleProps & { secret: SecretState; label: string; controls: string }
>(function VisibilityToggle({ secret, label, controls, children, onClick, onMouseDown, ...rest }, ref) {
  return (
    <button
      type="button"
      aria-pressed={secret.visible}
      aria-controls={controls}
      aria-label={children === undefined ? label : undefined}
      disabled={secret.disabled}
      {...partAttributes(secret.scope, 'visibility-toggle', secret.state)}
      data-visible={flag(secret.visible)}
      {...rest}
      ref={ref}
      onMouseDown={composeEventHandlers(onMouseDown, (event) => {
        // Keep focus (and so the caret) in the input the user is typing in.
        if (secret.ownsInput(document.activeElement)) event.preventDefault();
      })}
      onClick={composeEventHandlers(onClick, secret.toggleVisible)}
    >
      {children ?? <EyeIcon open={!secret.visible} />}
    </button>
  );
});
