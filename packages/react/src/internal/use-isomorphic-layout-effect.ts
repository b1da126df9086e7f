import { useEffect, useLayoutEffect } from 'react';

/** useLayoutEffect in the browser; on the server (where it does nothing) React 18 would warn. */
export const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
