import { createLazyFlow } from '../internal/lazy-flow.js';
import type { PortalLike } from '../portal/portal-like.js';
import type { PasskeyFlow, PasskeyFlowOptions } from './passkey-flow.js';
import { passkeyFlowKit } from './passkey-flow-kit.js';
import { choosePasskeyPath } from './passkey-path.js';
import type { PasskeySnapshot } from './passkey-snapshot.js';

/**
 * createPasskeyFlow as the package exports it: the flow's code (passkey-flow.ts) is a lazy chunk
 * that loads while the flow checks passkey support (it starts in `checking` either way), so apps
 * pay for it only where a passkey component mounts, and BackupButton shares it without carrying it.
 */
export function createPasskeyFlow(portal: PortalLike, options: PasskeyFlowOptions): PasskeyFlow {
  const flow = createLazyFlow<PasskeySnapshot, PasskeyFlowOptions, { signal?: AbortSignal }>(
    () =>
      import('./passkey-flow.js').then(
        ({ makePasskeyFlow }) =>
          (next: PasskeyFlowOptions) =>
            makePasskeyFlow(passkeyFlowKit, portal, next),
      ),
    options,
    { state: 'checking' } as PasskeySnapshot,
    (error): PasskeySnapshot => ({ state: 'error', error }),
    'passkey',
  );
  const { loaded, options: current, ...rest } = flow;
  return {
    ...rest,
    resolvePath: () => (loaded() as PasskeyFlow | undefined)?.resolvePath() ?? choosePasskeyPath(portal, current()),
  };
}
