import type { CoreKit } from '../internal/core-kit.js';
import type { toPortalPasskeyConfig } from '../passkey/passkey-options.js';
import type { CreatePortalOptions, SdkModule } from './create-portal.js';
import { getPortalFacade } from './portal-facade.js';
import type { PortalLike } from './portal-like.js';

/** What starting Portal uses from the rest of core, handed over by createPortal (see core-kit.ts). */
export interface StartPortalKit extends CoreKit {
  toPortalPasskeyConfig: typeof toPortalPasskeyConfig;
}

const loadPortalSdk = () => import('@portal-hq/web') as unknown as Promise<SdkModule>;

/** createPortal's work, loaded only when the kit creates Portal (see createPortal). */
export async function startPortal(options: CreatePortalOptions, kit: StartPortalKit): Promise<PortalLike> {
  const { readyTimeoutMs, signal, loadSdk = loadPortalSdk, passkeyOptions, ...sdkOptions } = options;
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    throw new kit.BackupKitError('SSR_UNSUPPORTED', { stage: 'initializing' });
  }
  if (passkeyOptions && !sdkOptions.passkey) {
    try {
      sdkOptions.passkey = kit.toPortalPasskeyConfig(passkeyOptions, location.origin);
    } catch {
      // Left out: the passkey components list what does not parse.
    }
  }
  let sdk: SdkModule;
  try {
    sdk = await loadSdk();
  } catch (cause) {
    throw new kit.BackupKitError('SDK_NOT_INSTALLED', { stage: 'initializing', cause });
  }
  let portal: PortalLike;
  try {
    portal = new sdk.default(sdkOptions) as PortalLike;
  } catch (cause) {
    throw kit.toBackupKitError(cause, 'initializing', 'PORTAL_INIT_FAILED');
  }
  // new Portal() appends a 0×0 iframe with no title (axe: frame-title) that Tab can land in.
  const frame = (portal as { mpc?: { iframe?: { title: string; tabIndex: number } } }).mpc?.iframe;
  if (frame) {
    frame.title ||= 'Portal wallet connection (no visible content)';
    frame.tabIndex = -1;
  }
  const facade = getPortalFacade(portal, kit, readyTimeoutMs !== undefined ? { readyMs: readyTimeoutMs } : undefined);
  await facade.whenReady({ signal });
  return portal;
}
