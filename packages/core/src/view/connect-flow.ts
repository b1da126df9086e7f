import type { BackupKitError } from '../errors.js';
import type { MpcStatus } from '../portal/portal-like.js';

/** Whether Portal can be used yet: what a UI knows before any flow can run. */
export type PortalStatus = 'loading' | 'ready' | 'error';

/** What every `connect` function reads besides the snapshot. */
export interface ConnectOptions {
  /** Whether Portal can be used yet (a UI shows `connecting` while it loads). */
  portalStatus: PortalStatus;
  /** The app turned the component off (a real `disabled`, unlike the busy state). */
  disabled?: boolean | undefined;
}

/**
 * What the status line says, as a key the UI turns into text: nothing, that Portal is loading,
 * the view's `error`, the view's `progress` (the MPC status), or the label named after the state
 * (storing, success, recovered...).
 */
export type StatusKey<Named extends string = string> = 'none' | 'connecting' | 'error' | 'progress' | Named;

/** Which label the trigger shows: its own (start), busy, done, or retry after a retryable error. */
export type TriggerLabel = 'start' | 'busy' | 'done' | 'retry';

/** What the parts of any flow show: computed once, here, from the snapshot. */
export interface FlowView<State extends string = string, Key extends string = string> {
  /** data-state on every part. */
  state: State;
  /** Something runs: registering a passkey, backing up, storing, notifying, fetching, recovering. */
  busy: boolean;
  /** Portal is loading and nothing has started: the status says so. */
  connecting: boolean;
  /** The trigger ignores activation (focus kept): running, done, Portal not usable, or disabled. */
  blocked: boolean;
  disabled: boolean;
  /** The error to show (an `error` state, or a cancelled passkey prompt). */
  error: BackupKitError | undefined;
  /** The MPC status while Portal works (null until it reports one). */
  progress: MpcStatus | null | undefined;
  /** What the status line says. */
  statusKey: StatusKey<Key>;
  /** Which label the trigger shows. */
  triggerKey: TriggerLabel;
  /** No trigger at all: something else takes its place (a fallback, an empty state). */
  triggerHidden: boolean;
}

const BUSY_STATES = ['registering', 'backing-up', 'storing', 'notifying', 'fetching', 'recovering'];
/** Nothing has started yet: a loading Portal shows as connecting, a failed one as the error. */
const NOT_STARTED = ['idle', 'checking', 'loading'];
/** Besides the busy ones, the states in which the trigger does nothing: not ready, or done. */
const STOPPED = ['checking', 'unsupported', 'loading', 'success'];

/** Something runs, in any flow: the one definition of busy. */
export function isBusy(snapshot: { state: string }): boolean {
  return BUSY_STATES.includes(snapshot.state);
}

/** Nothing has started yet (idle, checking support, loading what there is). */
export function notStarted(snapshot: { state: string }): boolean {
  return NOT_STARTED.includes(snapshot.state);
}

/** Portal itself cannot start and a retry would not help (e.g. a wrong API key). */
export function portalDead(error: BackupKitError | undefined): boolean {
  return error?.stage === 'initializing' && !error.retryable;
}

type AnySnapshot = { state: string; status?: MpcStatus | null; error?: BackupKitError };

/** The states a snapshot names with a label of their own: not idle, no error, no progress. */
export type NamedStates<S> = S extends { state: 'idle' } | { error: BackupKitError } | { status: MpcStatus | null }
  ? never
  : S extends { state: infer N extends string }
    ? N
    : never;

/**
 * The view every flow shares: while Portal loads and nothing has started it connects; running,
 * checking, loading, unsupported or done, the trigger does nothing.
 */
export function connectFlow<S extends AnySnapshot>(
  snapshot: S,
  { portalStatus, disabled = false }: ConnectOptions,
): FlowView<S['state'], NamedStates<S>> {
  const { state, error, status } = snapshot;
  const busy = isBusy(snapshot);
  const connecting = portalStatus === 'loading' && notStarted(snapshot);
  return {
    state,
    busy,
    connecting,
    blocked: disabled || busy || connecting || portalDead(error) || STOPPED.includes(state),
    disabled,
    error,
    progress: status,
    statusKey: connecting
      ? 'connecting'
      : error
        ? 'error'
        : status !== undefined
          ? 'progress'
          : state === 'idle'
            ? 'none'
            : (state as NamedStates<S>),
    triggerKey: busy ? 'busy' : state === 'success' ? 'done' : error?.retryable ? 'retry' : 'start',
    triggerHidden: false,
  };
}
