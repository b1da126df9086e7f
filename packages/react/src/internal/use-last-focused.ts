import { useEffect, useRef, type RefObject } from 'react';

/**
 * The element inside the root that last held focus, so a part can tell when focus went away with
 * an element that left the page (and bring it back instead of dropping it on <body>).
 */
export function useLastFocused(rootRef: RefObject<HTMLElement | null>): RefObject<Element | null> {
  const lastFocused = useRef<Element | null>(null);
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const remember = (event: FocusEvent) => (lastFocused.current = event.target as Element);
    root.addEventListener('focusin', remember);
    return () => root.removeEventListener('focusin', remember);
  }, [rootRef]);
  return lastFocused;
}
