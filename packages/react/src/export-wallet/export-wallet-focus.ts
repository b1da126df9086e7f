import { useRef, type RefObject } from 'react';
import type { ExportState } from '@backup-kit/core';
import { useIsomorphicLayoutEffect } from '../internal/use-isomorphic-layout-effect.js';
import { useLastFocused } from '../internal/use-last-focused.js';

/** Where focus goes in each state: the first of these parts that is rendered. */
function targetsFor(state: ExportState, shown: boolean): string[] {
  switch (state) {
    case 'confirming':
      return ['password', 'confirm'];
    case 'error':
      return ['password', 'confirm', 'trigger'];
    case 'revealed':
      return shown ? ['copy', 'hide'] : ['reveal', 'copy'];
    case 'revealing':
      return [];
    default:
      return ['trigger'];
  }
}

/**
 * Moves focus along with the export (trigger → confirmation → Reveal → Copy → trigger), but only
 * when the user is in the component: focus is inside it, or was and went away with a part (the
 * timer cleared the key under the Copy button). Focus elsewhere on the page is left alone.
 */
export function useExportFocus(rootRef: RefObject<HTMLElement | null>, state: ExportState, shown: boolean) {
  const lastFocused = useLastFocused(rootRef);

  const first = useRef(true);
  useIsomorphicLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = rootRef.current;
    if (!root) return;
    const doc = root.ownerDocument;
    const active = doc.activeElement;
    const inside = !!active && root.contains(active);
    const left = lastFocused.current;
    const lost = (!active || active === doc.body) && !!left && !left.isConnected;
    if (!inside && !lost) return;
    for (const name of targetsFor(state, shown)) {
      const target = root.querySelector<HTMLElement>(`[data-scope="export-wallet"][data-part="${name}"]`);
      if (target) {
        if (target !== active) target.focus();
        return;
      }
    }
    if (!inside) root.focus();
  }, [state, shown, rootRef, lastFocused]);
}
