import { useRef, type RefObject } from 'react';
import { useControllableState } from './use-controllable-state.js';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect.js';

/** Whether a component's secret shows: the app may own it (Radix's value / default / on-change). */
export interface SecretVisibilityProps {
  /** Shows the password (controlled); pair with `onPasswordVisibleChange`. */
  passwordVisible?: boolean | undefined;
  /** Shows the password at first (uncontrolled). @default false */
  defaultPasswordVisible?: boolean | undefined;
  /** The user showed or hid the password, or the form hid it on submit. */
  onPasswordVisibleChange?: ((visible: boolean) => void) | undefined;
}

/**
 * Shows or hides a component's secret inputs. Switching an input's type can reset the caret, so
 * the toggle remembers where it was in the focused secret input and puts it back.
 */
export function useSecretVisibility(
  inputs: ReadonlyArray<RefObject<HTMLInputElement | null>>,
  { passwordVisible, defaultPasswordVisible = false, onPasswordVisibleChange }: SecretVisibilityProps,
) {
  const [visible, setVisible] = useControllableState(passwordVisible, defaultPasswordVisible, onPasswordVisibleChange);
  const caret = useRef<{ element: HTMLInputElement; start: number | null; end: number | null } | null>(null);
  /** Is this element one of the secret inputs (the toggle keeps their focus and caret). */
  const ownsInput = (element: Element | null) => element !== null && inputs.some((input) => input.current === element);

  useIsomorphicLayoutEffect(() => {
    const saved = caret.current;
    caret.current = null;
    if (saved && document.activeElement === saved.element) {
      saved.element.setSelectionRange(saved.start, saved.end);
    }
  }, [visible]);

  return {
    visible,
    ownsInput,
    toggleVisible: () => {
      const active = document.activeElement;
      if (ownsInput(active)) {
        const input = active as HTMLInputElement;
        caret.current = { element: input, start: input.selectionStart, end: input.selectionEnd };
      }
      setVisible(!visible);
    },
    hide: () => setVisible(false),
  };
}
