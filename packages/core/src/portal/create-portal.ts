import { BackupKitError } from '../errors.js';
import { coreKit } from '../internal/core-kit.js';
import { toPortalPasskeyConfig, type PortalPasskeyConfig } from '../passkey/passkey-options.js';
import type { PasskeyOptions, PortalLike } from './portal-like.js';
import type { startPortal } from './start-portal.js';

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
  /** See toPortalPasskeyConfig() to build it from the seed's custom-domain options, or give `passkeyOptions`. */
  passkey?: PortalPasskeyConfig | { relyingParty?: string; relyingPartyOrigins?: [string]; webAuthnHost?: string };
  featureFlags?: { isMultiBackupEnabled?: boolean };
}

export type SdkModule = { default: new (options: PortalSdkOptions) => unknown };

export interface CreatePortalOptions extends PortalSdkOptions {
  /** How long to wait for Portal's iframe. @default 15000 */
  readyTimeoutMs?: number;
  signal?: AbortSignal;
  /** Loads the SDK module; the default is a dynamic import('@portal-hq/web'). */
  loadSdk?: () => Promise<SdkModule>;
  /**
   * The seed's custom-domain passkey options: Portal's `passkey` config is built from them
   * (toPortalPasskeyConfig) unless `passkey` is given. Options that do not parse are left out;
   * the passkey components report them as issues.
   */
  passkeyOptions?: PasskeyOptions | undefined;
}

/**
 * Starts Portal in the browser and resolves once it is ready. The work (with the SDK, about
 * 105 kB gzip, and the passkey config) is loaded with a dynamic import, so it stays out of the
 * first chunk, and only in a browser: `new Portal()` touches `document`, so on a server this
 * rejects with SSR_UNSUPPORTED.
 */
export async function createPortal(options: CreatePortalOptions): Promise<PortalLike> {
  let start: typeof startPortal;
  try {
    ({ startPortal: start } = await import('./start-portal.js'));
  } catch (cause) {
    // The kit's own chunk did not arrive (a network failure): worth another try.
    throw new BackupKitError('PORTAL_NOT_READY', { stage: 'initializing', cause });
  }
  // Handed over, not imported there: a module shared with the eager code would become a chunk of its own.
  return start(options, { ...coreKit, toPortalPasskeyConfig });
}
