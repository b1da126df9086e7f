import { BackupKitError, toBackupKitError } from '../errors.js';
import type { PortalPasskeyConfig } from '../passkey/passkey-options.js';
import { getPortalFacade } from './portal-facade.js';
import type { PortalLike } from './portal-like.js';

/** The options `new Portal(...)` takes in @portal-hq/web 3.4.1 (the ones the kit knows of). */
export interface PortalSdkOptions {
  apiKey?: string;
  authToken?: string;
  authUrl?: string;
  /** Required by the SDK: chain id → RPC URL, e.g. { 'eip155:11155111': 'https://…' }. */
  rpcConfig: Record<string, string>;
  /** Portal's web host; 'localhost:PORT' for the Backup Kit emulator. */
  host?: string;
  mpcHost?: string;
  mpcVersion?: string;
  chainId?: string;
  autoApprove?: boolean;
  gdrive?: { clientId: string };
  /** See toPortalPasskeyConfig() to build it from the seed's custom-domain options. */
  passkey?: PortalPasskeyConfig | { relyingParty?: string; relyingPartyOrigins?: [string]; webAuthnHost?: string };
  featureFlags?: { isMultiBackupEnabled?: boolean };
}

type SdkModule = { default: new (options: PortalSdkOptions) => unknown };

export interface CreatePortalOptions extends PortalSdkOptions {
  /** How long to wait for Portal's iframe. @default 15000 */
  readyTimeoutMs?: number;
  signal?: AbortSignal;
  /** Loads the SDK module; the default is a dynamic import('@portal-hq/web'). */
  loadSdk?: () => Promise<SdkModule>;
}

const loadPortalSdk = () => import('@portal-hq/web') as unknown as Promise<SdkModule>;

/**
 * Starts Portal in the browser and resolves once it is ready. The SDK (about 105 kB gzip) is
 * loaded with a dynamic import, so it stays out of the first chunk, and only in a browser:
 * `new Portal()` touches `document`, so on a server this rejects with SSR_UNSUPPORTED.
 */
export async function createPortal(options: CreatePortalOptions): Promise<PortalLike> {
  const { readyTimeoutMs, signal, loadSdk = loadPortalSdk, ...sdkOptions } = options;
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    throw new BackupKitError('SSR_UNSUPPORTED', { stage: 'initializing' });
  }
  let sdk: SdkModule;
  try {
    sdk = await loadSdk();
  } catch (cause) {
    throw new BackupKitError('SDK_NOT_INSTALLED', { stage: 'initializing', cause });
  }
  let portal: PortalLike;
  try {
    portal = new sdk.default(sdkOptions) as PortalLike;
  } catch (cause) {
    throw toBackupKitError(cause, 'initializing', 'PORTAL_INIT_FAILED');
  }
  // new Portal() appends a 0×0 iframe with no title (axe: frame-title) that Tab can land in.
  const frame = (portal as { mpc?: { iframe?: { title: string; tabIndex: number } } }).mpc?.iframe;
  if (frame) {
    frame.title ||= 'Portal wallet connection (no visible content)';
    frame.tabIndex = -1;
  }
  const facade = getPortalFacade(portal, readyTimeoutMs !== undefined ? { readyMs: readyTimeoutMs } : undefined);
  await facade.whenReady({ signal });
  return portal;
}
