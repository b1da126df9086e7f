import { useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect.js';

/**
 * Shows or hides a secret input. Switching the input's type can reset the caret, so the toggle
 * remembers where it was in the focused secret input and puts it back.
 */
export function useSecretVisibility(isSecretInput: (element: Element | null) => boolean) {
  const [visible, setVisible] = useState(false);
  const caret = useRef<{ element: HTMLInputElement; start: number | null; end: number | null } | null>(null);

  useIsomorphicLayoutEffect(() => {
    const saved = caret.current;
    caret.current = null;
    if (saved && document.activeElement === saved.element) {
      saved.element.setSelectionRange(saved.start, saved.end);
    }
  }, [visible]);

  return {
    visible,
    toggle: () => {
      const active = document.activeElement;
      if (isSecretInput(active)) {
        const input = active as HTMLInputElement;
        caret.current = { element: input, start: input.selectionStart, end: input.selectionEnd };
      }
      setVisible((shown) => !shown);
    },
    hide: () => setVisible(false),
  };
}
