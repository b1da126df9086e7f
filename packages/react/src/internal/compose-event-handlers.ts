import type { SyntheticEvent } from 'react';

/**
 * Runs the app's handler first, then ours unless the app called preventDefault(): the app can
 * always stop the built-in behaviour (Radix's composeEventHandlers).
 */
export function composeEventHandlers<E extends SyntheticEvent>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}
