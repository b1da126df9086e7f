import { createLazyFlow } from '../internal/lazy-flow.js';
import type { PortalLike } from '../portal/portal-like.js';
import type { PasskeyFlow, PasskeyFlowOptions } from './passkey-flow.js';
import { coreKit } from '../internal/core-kit.js';
import type { PasskeySnapshot } from './passkey-snapshot.js';

/**
 * createPasskeyFlow as the package exports it: the flow's code (passkey-flow.ts) is a lazy chunk
 * that loads while the flow checks passkey support (it starts in `checking` either way), so apps
 * pay for it only where a passkey component mounts, and BackupButton shares it without carrying it.
 */
export function createPasskeyFlow(portal: PortalLike, options: PasskeyFlowOptions): PasskeyFlow {
  coreKit.watchPortal(portal);
  const flow = createLazyFlow<PasskeySnapshot, PasskeyFlowOptions, { signal?: AbortSignal }>(
    () =>
      import('./passkey-flow.js').then(
        ({ makePasskeyFlow }) =>
          (next: PasskeyFlowOptions) =>
            makePasskeyFlow(coreKit, portal, next),
      ),
    options,
    { state: 'checking' } as PasskeySnapshot,
    (error): PasskeySnapshot => ({ state: 'error', error }),
    'passkey',
  );
  const { loaded, ...rest } = flow;
  // The path is chosen by the flow's code (passkey-path.ts, lazy too): unknown until it is in.
  return { ...rest, resolvePath: () => (loaded() as PasskeyFlow | undefined)?.resolvePath() };
}
