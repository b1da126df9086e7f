/** A client signing or backup share with its pair id, as Portal's Enclave MPC API answers. */
export interface SharePart {
  id: string;
  share: string;
}
export type SigningShares = Record<'SECP256K1' | 'ED25519', SharePart>;
export interface BackupShares {
  secp256k1Share: SharePart;
  ed25519Share: SharePart;
}
export type StoredStatus = 'STORED_CLIENT_BACKUP_SHARE' | 'STORED_CLIENT_BACKUP_SHARE_KEY';

/** An HTTP answer other than 2xx. The message is Portal's, the body is not kept (it may echo input). */
export class PortalHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PortalHttpError';
  }
}

export const isRetryableHttp = (error: unknown): boolean =>
  !(error instanceof PortalHttpError) || error.status >= 500 || error.status === 429 || error.status === 408;

export interface EnclaveClientOptions {
  mpcBaseUrl: string;
  apiBaseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** Portal's Enclave MPC API (seed 002, mpc-client host) and backup-share-pair API (api host). */
export function createEnclaveClient(options: EnclaveClientOptions, clientApiKey: string) {
  async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await options.fetch(new URL(path, base), {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${clientApiKey}` },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok)
      throw new PortalHttpError(response.status, `${method} ${path} answered ${response.status}${portalMessage(text)}`);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new PortalHttpError(502, `${method} ${path} answered a body that is not JSON`);
    }
  }
  return {
    generate: () => call<SigningShares>(options.mpcBaseUrl, 'POST', '/v1/generate'),
    backup: (signingShares: SigningShares) =>
      call<BackupShares>(options.mpcBaseUrl, 'POST', '/v1/backup', { generateResponse: JSON.stringify(signingShares) }),
    recover: (backup: BackupShares) =>
      call<SigningShares>(options.mpcBaseUrl, 'POST', '/v1/recover', { backupResponse: JSON.stringify(backup) }),
    markStored: (status: StoredStatus, backupSharePairIds: string[]) =>
      call<unknown>(options.apiBaseUrl, 'PATCH', '/api/v3/clients/me/backup-share-pairs', {
        status,
        backupSharePairIds,
      }),
  };
}

// Only Portal's own error message, short, and only when it is one (never the raw body).
function portalMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message =
      typeof parsed.error === 'object'
        ? parsed.error?.message
        : typeof parsed.message === 'string'
          ? parsed.message
          : undefined;
    return typeof message === 'string' ? `: ${message.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
