import type { BackupMethod } from '../portal/portal-like.js';
import { toBackupKitError } from '../errors.js';
import { coreKit } from '../internal/core-kit.js';
import { createLazyStore } from '../internal/lazy-store.js';
import { loadOnce } from '../internal/load-once.js';
import type { PortalLike } from '../portal/portal-like.js';
import type { ExportFlow, ExportFlowOptions, ExportSnapshot } from './export-flow.js';

/** The export's code (export-flow.ts, with the facade and eject), one chunk; a failed load is not kept. */
const loadExportFlow = loadOnce(() => import('./export-flow.js'));

/**
 * createExportFlow as the package exports it: the flow's code is a lazy chunk that loads as soon as
 * the flow is made (ExportWallet's mount), so by the confirmation it is in and Portal's passkey
 * window still opens inside the click. Before that the flow is `idle` (a request shows
 * `confirming` at once); a confirm waits for the code. A chunk that does not arrive is a
 * retryable EXPORT_FAILED on the confirm; the next confirm loads it again.
 */
export function createExportFlow(portal: PortalLike, initialOptions: ExportFlowOptions = {}): ExportFlow {
  coreKit.watchPortal(portal);
  let options = initialOptions;
  let requested: BackupMethod | undefined;
  let disposed = false;
  const lazy = createLazyStore<ExportSnapshot, ExportFlow>(
    () =>
      loadExportFlow().then((code) => {
        const flow = code.makeExportFlow(coreKit, portal, options);
        if (disposed) flow.dispose();
        else if (requested) flow.request(requested);
        return flow;
      }),
    { state: 'idle' },
    // Nothing asked yet: the failure waits for the confirmation, which loads the code again.
    (cause): ExportSnapshot =>
      requested
        ? { state: 'error', method: requested, error: toBackupKitError(cause, 'exporting', 'EXPORT_FAILED') }
        : { state: 'idle' },
  );
  return {
    subscribe: lazy.subscribe,
    getSnapshot: lazy.getSnapshot,
    request(method) {
      const flow = lazy.loaded();
      if (flow) return flow.request(method);
      requested = method;
      lazy.set({ state: 'confirming', method });
    },
    confirm: (input) => lazy.loaded()?.confirm(input) ?? lazy.whenLoaded((flow) => flow.confirm(input)),
    hide: () => lazy.loaded()?.hide(),
    reset() {
      const flow = lazy.loaded();
      if (flow) return flow.reset();
      requested = undefined;
      lazy.set({ state: 'idle' });
    },
    dispose() {
      disposed = true;
      lazy.loaded()?.dispose();
    },
    setOptions(next) {
      options = next;
      lazy.loaded()?.setOptions(next);
    },
  };
}
