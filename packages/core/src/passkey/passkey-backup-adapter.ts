import { createBackupFlow } from '../backup/backup-flow.js';
import type { BackupSnapshot } from '../backup/backup-snapshot.js';
import { BackupKitError } from '../errors.js';
import { createStore } from '../internal/store.js';
import type { PortalLike } from '../portal/portal-like.js';
import { isBusy } from '../view/connect-flow.js';
import type { PasskeyBackupFlow, PasskeyBackupFlowOptions } from './passkey-backup-flow.js';
import { createPasskeyFlow } from './passkey-flow.js';
import type { PasskeySnapshot } from './passkey-snapshot.js';
import { openPasskeyWindow } from './passkey-window.js';

// The lazy half of createPasskeyBackupFlow (passkey-backup-flow.ts).

const METHOD = 'PASSKEY';

/** A passkey flow's states as a backup's: the extra ones fold into the nearest backup state. */
function toBackupSnapshot(snapshot: PasskeySnapshot, idle: BackupSnapshot): BackupSnapshot {
  switch (snapshot.state) {
    case 'checking':
    case 'idle':
      return idle;
    case 'unsupported':
      return {
        state: 'error',
        method: METHOD,
        error: new BackupKitError('PASSKEY_UNSUPPORTED', { stage: 'passkey' }),
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
function throughPasskeyFlow(portal: PortalLike, options: PasskeyBackupFlowOptions): PasskeyBackupFlow {
  const idle: BackupSnapshot = { state: 'idle', method: METHOD };
  const withOptions = (next: PasskeyBackupFlowOptions) => ({ ...next, passkey: next.passkey! });
  const flow = createPasskeyFlow(portal, withOptions(options));
  const store = createStore(toBackupSnapshot(flow.getSnapshot(), idle));
  flow.subscribe(() => store.set(toBackupSnapshot(flow.getSnapshot(), idle)));
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
function onPortalConfig(portal: PortalLike, options: PasskeyBackupFlowOptions): PasskeyBackupFlow {
  let windowOptions = options.passkeyWindow;
  const flow = createBackupFlow(portal, { ...options, method: METHOD });
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
export function adaptPasskeyBackup(portal: PortalLike, initial: PasskeyBackupFlowOptions): PasskeyBackupFlow {
  const make = (options: PasskeyBackupFlowOptions) =>
    (options.passkey ? throughPasskeyFlow : onPortalConfig)(portal, options);
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
