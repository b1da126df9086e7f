import { useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { PortalLike } from '@backup-kit/core';
import { BackupKitContext, type BackupKitContextValue } from '../provider/backup-kit-context.js';

/** The shape every core flow has: an external store whose options can be replaced. */
interface FlowStore<S, O> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
  setOptions(options: O): void;
}

const noSubscription = () => () => {};

/**
 * TanStack's useMutation shape over a core flow: the flow is created once per Portal instance
 * (a new one only when the Portal changes, e.g. the provider finished loading), its options are
 * synced in an effect, and React reads it with useSyncExternalStore. Unmounting only
 * unsubscribes: a running backup goes on and still tells Portal (promise 7).
 */
export function useFlowStore<S, O, F extends FlowStore<S, O>>(
  create: (portal: PortalLike, options: O) => F,
  options: O,
  explicitPortal: PortalLike | undefined,
  /** What to show before there is a Portal; must keep its identity between renders. */
  placeholder: S,
): { flow: F | null; snapshot: S; kit: BackupKitContextValue | null } {
  const kit = useContext(BackupKitContext);
  if (!explicitPortal && !kit) {
    throw new Error('Backup Kit components and hooks need a <BackupKitProvider> above them, or a `portal` option.');
  }
  const portal = explicitPortal ?? kit?.portal ?? null;

  const [entry, setEntry] = useState(() => (portal ? { portal, flow: create(portal, options) } : null));
  let current = entry;
  if ((entry?.portal ?? null) !== portal) {
    current = portal ? { portal, flow: create(portal, options) } : null;
    setEntry(current);
  }
  const flow = current?.flow ?? null;

  useEffect(() => {
    flow?.setOptions(options);
  }, [flow, options]);

  const getSnapshot = useCallback(() => (flow ? flow.getSnapshot() : placeholder), [flow, placeholder]);
  const snapshot = useSyncExternalStore(flow ? flow.subscribe : noSubscription, getSnapshot, getSnapshot);
  return { flow, snapshot, kit: explicitPortal ? null : kit };
}
