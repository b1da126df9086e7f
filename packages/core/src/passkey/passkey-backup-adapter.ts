import { makeBackupFlow } from '../backup/backup-flow.js';
import { openPasskeyWindow } from './passkey-window.js';
import type { BackupSnapshot } from '../backup/backup-snapshot.js';
import type { PortalLike } from '../portal/portal-like.js';
import type { PasskeyBackupFlow, PasskeyBackupFlowOptions } from './passkey-backup-flow.js';
import { makePasskeyFlow } from './passkey-flow.js';
import type { CoreKit } from '../internal/core-kit.js';
import type { PasskeySnapshot } from './passkey-snapshot.js';

// The lazy half of createPasskeyBackupFlow (passkey-backup-flow.ts). Like passkey-flow.ts it
// imports nothing the eager code has: that comes in as `kit`.

const METHOD = 'PASSKEY';

/** A passkey flow's states as a backup's: the extra ones fold into the nearest backup state. */
function toBackupSnapshot(kit: CoreKit, snapshot: PasskeySnapshot, idle: BackupSnapshot): BackupSnapshot {
  switch (snapshot.state) {
    case 'checking':
      return { state: 'checking', method: METHOD };
    case 'idle':
      return idle;
    case 'unsupported':
      return {
        state: 'error',
        method: METHOD,
        error: new kit.BackupKitError('PASSKEY_UNSUPPORTED', { stage: 'passkey' }),
      };
    case 'registering':
      return { state: 'backing-up', method: METHOD, status: null };
    case 'success':
      return { state: 'success', method: METHOD, storage: snapshot.storage };
    case 'cancelled':
      return { state: 'error', method: METHOD, error: snapshot.error };
    default:
      return { ...snapshot, method: METHOD };
  }
}

/** With passkey options: PasskeySetup's flow, seen as a backup. */
function throughPasskeyFlow(kit: CoreKit, portal: PortalLike, options: PasskeyBackupFlowOptions): PasskeyBackupFlow {
  const idle: BackupSnapshot = { state: 'idle', method: METHOD };
  const withOptions = (next: PasskeyBackupFlowOptions) => ({ ...next, passkey: next.passkey! });
  const flow = makePasskeyFlow(kit, portal, withOptions(options));
  const store = kit.createStore(toBackupSnapshot(kit, flow.getSnapshot(), idle));
  flow.subscribe(() => store.set(toBackupSnapshot(kit, flow.getSnapshot(), idle)));
  const settled = () => store.getSnapshot();
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    start: (input) => flow.start(input).then(settled),
    retry: (input) => flow.retry(input).then(settled),
    reset: flow.reset,
    setOptions: (next) => flow.setOptions(withOptions(next)),
  };
}

/**
 * Without passkey options (an app-made Portal with its own passkey config, which the kit cannot
 * read): 3.4.1's backupWallet(PASSKEY), with Portal's passkey window opened inside the click.
 */
function onPortalConfig(kit: CoreKit, portal: PortalLike, options: PasskeyBackupFlowOptions): PasskeyBackupFlow {
  const { isBusy } = kit;
  let windowOptions = options.passkeyWindow;
  const flow = makeBackupFlow(kit, portal, { ...options, method: METHOD });
  // Not while one runs, nor for a retry that only stores or notifies again (no ceremony).
  const opensWindow = () => {
    const snapshot = flow.getSnapshot();
    return !isBusy(snapshot) && !(snapshot.state === 'error' && /^(storing|notifying)$/.test(snapshot.error.stage));
  };
  return {
    subscribe: flow.subscribe,
    getSnapshot: flow.getSnapshot,
    start: (input) => (opensWindow() && openPasskeyWindow(windowOptions), flow.start(input)),
    retry: (input) => (opensWindow() && openPasskeyWindow(windowOptions), flow.retry(input)),
    reset: flow.reset,
    setOptions(next) {
      windowOptions = next.passkeyWindow;
      flow.setOptions({ ...next, method: METHOD });
    },
  };
}

/**
 * The flow for these options; a change between with and without passkey options swaps it while
 * nothing runs.
 */
export function adaptPasskeyBackup(
  kit: CoreKit,
  portal: PortalLike,
  initial: PasskeyBackupFlowOptions,
): PasskeyBackupFlow {
  const { createStore, isBusy } = kit;
  const make = (options: PasskeyBackupFlowOptions) =>
    (options.passkey ? throughPasskeyFlow : onPortalConfig)(kit, portal, options);
  let withPasskey = !!initial.passkey;
  let flow = make(initial);
  const store = createStore(flow.getSnapshot());
  let unsubscribe = flow.subscribe(() => store.set(flow.getSnapshot()));
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    start: (input) => flow.start(input),
    retry: (input) => flow.retry(input),
    reset: () => flow.reset(),
    setOptions(next) {
      if (!!next.passkey === withPasskey || isBusy(flow.getSnapshot())) return flow.setOptions(next);
      unsubscribe();
      withPasskey = !withPasskey;
      flow = make(next);
      unsubscribe = flow.subscribe(() => store.set(flow.getSnapshot()));
      store.set(flow.getSnapshot());
    },
  };
}
