import { useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { notStarted, type PortalLike } from '@backup-kit/core';
import { announceFlowSuccess } from '../internal/flow-success-events.js';
import { BackupKitContext, type PortalStatus } from '../provider/backup-kit-context.js';

// Bundlers replace process.env.NODE_ENV (production builds then drop the development-only text);
// declared here so the sources type-check without Node's types, in any app that includes them.
declare const process: { env: { NODE_ENV?: string } };

/** The shape every core flow has: an external store with actions and replaceable options. */
interface FlowStore<S, O, I> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
  setOptions(options: O): void;
  start(input?: I): Promise<S>;
  retry(input?: I): Promise<S>;
  reset(): void;
}

export interface FlowBinding<S, I, F = unknown> {
  snapshot: S;
  /** The flow itself, once there is a Portal (for actions beyond start, retry and reset). */
  flow: F | undefined;
  portalStatus: PortalStatus;
  start: (input?: I) => Promise<S>;
  retry: (input?: I) => Promise<S>;
  reset: () => void;
}

const noSubscription = () => () => {};
const nothing = () => {};

/**
 * TanStack's useMutation shape over a core flow: the flow is created once per Portal instance
 * (a new one only when the Portal changes, e.g. the provider finished loading), its options are
 * synced in an effect, and React reads it with useSyncExternalStore. Unmounting only
 * unsubscribes: a running backup goes on and still tells Portal (promise 7).
 *
 * Before the provider has a Portal the placeholder shows; if Portal failed to start, a flow that
 * has not started shows that error (an `error` snapshot) and `retry` retries Portal.
 */
export function useFlowStore<S extends { state: string }, O, I, F extends FlowStore<S, O, I> = FlowStore<S, O, I>>(
  /** Must keep its identity between renders (a new one makes a new flow). */
  create: (portal: PortalLike, options: O) => F,
  options: O,
  explicitPortal: PortalLike | undefined,
  /** Must keep its identity between renders. */
  placeholder: S,
): FlowBinding<S, I, F> {
  const kit = useContext(BackupKitContext);
  if (!explicitPortal && !kit)
    throw new Error(
      // The full sentence is for development; production builds keep a short one (React does the same).
      process.env.NODE_ENV !== 'production'
        ? 'Backup Kit needs a <BackupKitProvider> above it, or a `portal` option.'
        : 'No BackupKitProvider',
    );
  const portal = explicitPortal ?? kit?.portal ?? null;

  const make = (portal: PortalLike | null) => {
    if (!portal) return null;
    const flow = create(portal, options);
    // Heard by BackupStatus; the flow's own subscription, so it holds after an unmount too.
    flow.subscribe(() => flow.getSnapshot().state === 'success' && announceFlowSuccess(portal));
    return { portal, flow, create };
  };
  const [entry, setEntry] = useState(() => make(portal));
  let current = entry;
  // A new flow for a new Portal, or another kind of flow (useBackup's method became PASSKEY or left it).
  if ((entry?.portal ?? null) !== portal || (entry && entry.create !== create)) {
    current = make(portal);
    setEntry(current);
  }
  const flow = current?.flow;

  useEffect(() => {
    flow?.setOptions(options);
  }, [flow, options]);

  const getSnapshot = useCallback(() => (flow ? flow.getSnapshot() : placeholder), [flow, placeholder]);
  const snapshot = useSyncExternalStore(flow ? flow.subscribe : noSubscription, getSnapshot, getSnapshot);

  const status = explicitPortal ? 'ready' : kit!.status;
  // Nothing started yet (idle, checking support, loading what there is): show why Portal failed.
  const failed = status === 'error' && notStarted(snapshot) ? kit!.error : null;
  const settled = () => Promise.resolve(snapshot);
  return {
    // The snapshot as it was, in `error` with why Portal failed (e.g. { state, method, error }).
    snapshot: failed ? ({ ...snapshot, state: 'error', error: failed } as S) : snapshot,
    flow,
    portalStatus: status,
    start: flow ? flow.start : settled,
    retry: failed ? () => (kit!.retry(), settled()) : flow ? flow.retry : settled,
    reset: flow ? flow.reset : nothing,
  };
}

/**
 * Reads the flow (what the wallet has) once Portal is ready, and again for a new Portal or after
 * Portal retried.
 */
export function useRefreshWhenReady(flow: { refresh(): Promise<unknown> } | undefined, portalStatus: PortalStatus) {
  const ready = portalStatus === 'ready';
  useEffect(() => {
    if (flow && ready) void flow.refresh();
  }, [flow, ready]);
}

/** Picks the flow's options out of a component's props; the rest goes to the DOM. */
export function splitProps<P extends object, K extends keyof P>(
  props: P,
  keys: readonly K[],
): [Pick<P, K>, Omit<P, K>] {
  const picked = {} as Pick<P, K>;
  const rest = { ...props };
  for (const key of keys) {
    picked[key] = props[key];
    delete rest[key];
  }
  return [picked, rest];
}
