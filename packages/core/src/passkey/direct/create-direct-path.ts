import type { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { BackupMethod, PasskeyOptions } from '../../portal/portal-like.js';
import type { DirectPasskeyPath } from '../passkey-flow.js';
import type { DirectPathKit } from './direct-path-kit.js';
import { backupWallet } from '../../portal/portal-calls.js';
import { keyFromPrf, prfExtension, randomKey, readPrfOutput, withoutPrfOutput } from './prf.js';
import { createVaultClient, type VaultClient } from './vault-client.js';

export interface DirectPathConfig {
  /** Shown by some authenticators beside the passkey. @default 'Wallet backup' */
  userName?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Replaces @simplewebauthn/browser (tests). */
  webauthn?: WebAuthnModule;
}

export interface DirectPasskeyPathWithRecovery extends DirectPasskeyPath {
  /** Authenticates with the passkey and gives back what Portal recovers the backup with. */
  unlock(options: PasskeyOptions, signal?: AbortSignal): Promise<{ method: BackupMethod; password: string }>;
}

type WebAuthn = { startRegistration: typeof startRegistration; startAuthentication: typeof startAuthentication };
export type WebAuthnModule = WebAuthn & { WebAuthnAbortService: { cancelCeremony(): void } };

/**
 * The kit's own passkey path (usePopup: false), for SDKs without the seed's passkey API. The
 * ceremony runs in this page with @simplewebauthn/browser against the key vault at
 * customDomain:
 *
 * - register: a discoverable passkey with user verification; where the authenticator answers
 *   the PRF extension already, the backup key is derived from it and the vault keeps no key;
 * - back up: otherwise authenticate once more (PRF again, or a fresh random 256-bit key written
 *   to the vault), then a PASSWORD backup under that key — @portal-hq/web 3.4.1 has no
 *   CUSTOM method, so Portal knows this backup as PASSWORD;
 * - recover (`unlock`): authenticate, read the key back (or derive it from PRF).
 *
 * It takes core's errors, Portal calls and signals from `kit` rather than importing them; see
 * direct-path-kit.ts for why.
 */
export function createDirectPath(kit: DirectPathKit, config: DirectPathConfig = {}): DirectPasskeyPathWithRecovery {
  const { BackupKitError, toBackupKitError } = kit;
  let credentialId: string | undefined;
  let registeredKey: string | undefined;
  let webauthn: WebAuthnModule | undefined = config.webauthn;

  const vaultFor = (options: PasskeyOptions): VaultClient =>
    createVaultClient(
      {
        baseUrl: options.customDomain,
        ...(config.timeoutMs !== undefined && { timeoutMs: config.timeoutMs }),
        ...(config.fetch && { fetch: config.fetch }),
      },
      kit,
    );

  /** Runs one WebAuthn ceremony; an abort cancels the browser prompt. */
  async function ceremony<T>(run: (lib: WebAuthn) => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    webauthn ??= (await import('@simplewebauthn/browser')) as WebAuthnModule;
    const lib = webauthn;
    signal?.throwIfAborted();
    const cancel = () => lib.WebAuthnAbortService.cancelCeremony();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await run(lib);
    } catch (error) {
      throw toBackupKitError(error, 'passkey', 'PASSKEY_FAILED');
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  async function authenticate(options: PasskeyOptions, signal: AbortSignal | undefined, onlyCredential?: string) {
    const vault = vaultFor(options);
    const { ceremonyId, options: optionsJSON } = await vault.authenticationOptions(
      { rpId: options.relyingPartyId, ...(onlyCredential && { credentialId: onlyCredential }) },
      signal,
    );
    const response = await ceremony(
      (lib) => lib.startAuthentication({ optionsJSON: { ...optionsJSON, extensions: prfExtension() } as never }),
      signal,
    );
    const prfOutput = readPrfOutput(response.clientExtensionResults);
    const safeResponse = { ...response, clientExtensionResults: withoutPrfOutput(response.clientExtensionResults) };
    return { vault, ceremonyId, prfOutput, safeResponse };
  }

  return {
    async register(options, signal) {
      const vault = vaultFor(options);
      const { ceremonyId, options: optionsJSON } = await vault.registrationOptions(
        {
          rpId: options.relyingPartyId,
          rpName: options.relyingPartyName,
          userName: config.userName ?? 'Wallet backup',
        },
        signal,
      );
      const response = await ceremony(
        (lib) => lib.startRegistration({ optionsJSON: { ...optionsJSON, extensions: prfExtension() } as never }),
        signal,
      );
      const prfOutput = readPrfOutput(response.clientExtensionResults);
      registeredKey = prfOutput ? await keyFromPrf(prfOutput) : undefined;
      const verified = await vault.registrationVerify(
        {
          ceremonyId,
          response: { ...response, clientExtensionResults: withoutPrfOutput(response.clientExtensionResults) },
          prf: registeredKey !== undefined,
        },
        signal,
      );
      credentialId = verified.credentialId;
    },

    async backUp({ facade, options, signal, onProgress }) {
      if (!credentialId) {
        throw new BackupKitError('PASSKEY_FAILED', {
          stage: 'passkey',
          message: 'Create the passkey before backing up.',
        });
      }
      if (registeredKey) {
        // 3.4.1's storageCallback travels with the share: the flow calls it once the share is stored.
        const { cipherText, storageCallback } = await backupWallet(facade, {
          method: 'PASSWORD',
          password: registeredKey,
          signal,
          onProgress,
        });
        return { cipherText, portalMethod: 'PASSWORD', storageCallback };
      }
      // The passkey prompt comes first (a cancel costs nothing); the vault's copy of the key is
      // replaced only once a backup under the new key exists, so a failed backup leaves the
      // previous key, and the backup it unlocks, intact.
      const auth = await authenticate(options, signal, credentialId);
      const key = auth.prfOutput ? await keyFromPrf(auth.prfOutput) : randomKey();
      const { cipherText, storageCallback } = await backupWallet(facade, {
        method: 'PASSWORD',
        password: key,
        signal,
        onProgress,
      });
      await auth.vault.authenticationVerify(
        { ceremonyId: auth.ceremonyId, response: auth.safeResponse, write: auth.prfOutput ? { prf: true } : { key } },
        signal,
      );
      return { cipherText, portalMethod: 'PASSWORD', storageCallback };
    },

    async unlock(options, signal) {
      const auth = await authenticate(options, signal);
      const result = await auth.vault.authenticationVerify(
        { ceremonyId: auth.ceremonyId, response: auth.safeResponse },
        signal,
      );
      if (result.mode === 'prf') {
        if (!auth.prfOutput) {
          throw new BackupKitError('PASSKEY_FAILED', {
            stage: 'passkey',
            message:
              'This passkey did not return the secret its backup was made with. Try the device you backed up on.',
          });
        }
        return { method: 'PASSWORD', password: await keyFromPrf(auth.prfOutput) };
      }
      if (!result.key) throw new BackupKitError('NO_BACKUP_FOUND', { stage: 'passkey' });
      return { method: 'PASSWORD', password: result.key };
    },
  };
}
