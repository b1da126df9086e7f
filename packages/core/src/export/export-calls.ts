import type { CallOptions, PortalFacade } from '../portal/portal-facade.js';
import type { BackupMethod, PortalLike } from '../portal/portal-like.js';

export interface ExportCallOptions extends CallOptions {
  method: BackupMethod;
  /** The stored client backup share; '' when Portal stores it (Portal-managed backups). */
  cipherText: string;
  /** The custodian backup share the app's server released; '' for Portal-managed backups. */
  custodianShare: string;
  password?: string | undefined;
  /** `secp256k1` runs 3.4.1's `eject`; `all` runs `ejectPrivateKeys` (Solana's key too). */
  curves?: 'secp256k1' | 'all' | undefined;
}

/** The exported private keys: secp256k1 (EVM) always, ed25519 (Solana) with `curves: 'all'`. */
export interface ExportedKeys {
  SECP256K1: string;
  ED25519?: string;
}

/** An eject method the call checked Portal has (CallSpec.requires), bound to Portal. */
function ejectMethod<K extends 'eject' | 'ejectPrivateKeys'>(portal: PortalLike, name: K) {
  return (portal[name] as (...args: never[]) => unknown).bind(portal) as NonNullable<PortalLike[K]>;
}

/**
 * 3.4.1's `eject` / `ejectPrivateKeys` through the facade: a time limit, a signal, one export at a
 * time, and a BackupKitError whose message never holds the key (the key is only in the result).
 */
export function exportPrivateKeys(facade: PortalFacade, options: ExportCallOptions): Promise<ExportedKeys> {
  const configs = options.password !== undefined ? { passwordStorage: { password: options.password } } : {};
  return facade.call(
    {
      kind: 'eject',
      stage: 'exporting',
      fallback: 'EXPORT_FAILED',
      limit: 'mpcMs',
      requires: options.curves === 'all' ? 'ejectPrivateKeys' : 'eject',
    },
    options,
    async () => {
      if (options.curves === 'all') {
        const keys = await ejectMethod(facade.portal, 'ejectPrivateKeys')(
          options.method,
          configs,
          { SECP256K1: options.custodianShare, ED25519: options.custodianShare },
          options.cipherText,
        );
        return { SECP256K1: keys.SECP256K1, ED25519: keys.ED25519 };
      }
      const { SECP256K1 } = await ejectMethod(facade.portal, 'eject')(
        options.method,
        configs,
        options.custodianShare,
        options.cipherText,
      );
      return { SECP256K1 };
    },
  );
}
