import { useEffect, useRef } from 'react';

/**
 * Starts a flow the story holds (a hook's result handed to a RootProvider) once it can start,
 * so a state story opens in the state its scenario holds or fails at: no scripted typing or
 * clicks, and a designer sees the state at once.
 */
export function useStartWhenReady(ready: boolean, start: () => Promise<unknown>): void {
  const started = useRef(false);
  useEffect(() => {
    if (!ready || started.current) return;
    started.current = true;
    // The flow settles into its own error state; nothing to catch here but a stray rejection.
    start().catch(() => {});
  }, [ready, start]);
}
