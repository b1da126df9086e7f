import type { DirectPathKit } from './direct-path-kit.js';
import type {
  AuthenticationOptionsRequest,
  AuthenticationVerifyRequest,
  AuthenticationVerifyResult,
  CeremonyOptions,
  RegistrationOptionsRequest,
  RegistrationVerifyRequest,
} from './vault-protocol.js';

export interface VaultClientOptions {
  /** The passkey options' customDomain (an origin); the vault is under /vault. */
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface VaultClient {
  registrationOptions(body: RegistrationOptionsRequest, signal?: AbortSignal): Promise<CeremonyOptions>;
  registrationVerify(body: RegistrationVerifyRequest, signal?: AbortSignal): Promise<{ credentialId: string }>;
  authenticationOptions(body: AuthenticationOptionsRequest, signal?: AbortSignal): Promise<CeremonyOptions>;
  authenticationVerify(body: AuthenticationVerifyRequest, signal?: AbortSignal): Promise<AuthenticationVerifyResult>;
}

/** A small JSON client for the vault protocol; failures are PASSKEY_FAILED, never with the body. */
export function createVaultClient(
  options: VaultClientOptions,
  { BackupKitError }: Pick<DirectPathKit, 'BackupKitError'>,
): VaultClient {
  const base = new URL('/vault/', options.baseUrl);
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function post<T>(path: string, body: unknown, outer?: AbortSignal): Promise<T> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    try {
      const response = await (options.fetch ?? globalThis.fetch)(new URL(path, base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: outer ? AbortSignal.any([outer, timeout.signal]) : timeout.signal,
      });
      // The vault answers 404 for a passkey that holds no backup key (e.g. a sign-in passkey).
      if (response.status === 404) throw new BackupKitError('NO_BACKUP_FOUND', { stage: 'passkey', details: { path } });
      if (!response.ok) {
        throw new BackupKitError('PASSKEY_FAILED', {
          stage: 'passkey',
          message: 'The passkey vault refused the request.',
          details: { status: response.status, path },
        });
      }
      return (await response.json()) as T;
    } catch (error) {
      if (error instanceof BackupKitError) throw error;
      if (timeout.signal.aborted) throw new BackupKitError('TIMEOUT', { stage: 'passkey' });
      if (outer?.aborted) throw new BackupKitError('ABORTED', { stage: 'passkey', cause: outer.reason });
      throw new BackupKitError('PASSKEY_FAILED', {
        stage: 'passkey',
        message: 'The passkey vault could not be reached.',
        cause: error,
        details: { path },
      });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    registrationOptions: (body, signal) => post('registration/options', body, signal),
    registrationVerify: (body, signal) => post('registration/verify', body, signal),
    authenticationOptions: (body, signal) => post('authentication/options', body, signal),
    authenticationVerify: (body, signal) => post('authentication/verify', body, signal),
  };
}
