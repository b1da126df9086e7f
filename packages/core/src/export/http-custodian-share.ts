import { BackupKitError } from '../errors.js';
import type { BackupMethod } from '../portal/portal-like.js';

export interface LoadCustodianShareRequest {
  backupMethod: BackupMethod;
  /** The Portal client whose custodian share is asked for (getClient().id). */
  clientId: string;
  signal: AbortSignal;
}

/** Where a self-managed wallet's custodian backup share comes from for an export. */
export interface CustodianShareSource {
  load(request: LoadCustodianShareRequest): Promise<string>;
}

export interface HttpCustodianShareOptions {
  /** `@backup-kit/server`'s export route, e.g. `https://api.example.com/users/42/custodian-backup-share/export`. */
  url: string;
  /** Sent with every request; a function is called each time (a fresh re-authentication token). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** @default 15000 */
  timeoutMs?: number;
  credentials?: RequestCredentials;
  fetch?: typeof fetch;
}

/**
 * Asks the app's server for the custodian backup share (POST, JSON body, never in the URL).
 * 401/403, or a 404 that is not the export route's own "no share" answer (`no_custodian_share`;
 * any other 404 means there is no export route: the server has no authorizeExport hook), is
 * EXPORT_REFUSED; no share stored is NO_BACKUP_FOUND.
 */
export function httpCustodianShare(options: HttpCustodianShareOptions): CustodianShareSource {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async load({ backupMethod, clientId, signal }) {
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
      headers.set('Content-Type', 'application/json');
      let response: Response;
      try {
        response = await (options.fetch ?? globalThis.fetch)(options.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ backupMethod, clientId }),
          signal: AbortSignal.any([signal, timeout.signal]),
          ...(options.credentials && { credentials: options.credentials }),
        });
      } catch (error) {
        if (timeout.signal.aborted) throw new BackupKitError('TIMEOUT', { stage: 'loading' });
        if (signal.aborted) throw new BackupKitError('ABORTED', { stage: 'loading', cause: signal.reason });
        throw new BackupKitError('EXPORT_FAILED', { stage: 'loading', cause: error, details: { reason: 'network' } });
      } finally {
        clearTimeout(timer);
      }
      const body = (await response.json().catch(() => null)) as { share?: unknown; error?: unknown } | null;
      if (response.status === 404 && body?.error === 'no_custodian_share') {
        throw new BackupKitError('NO_BACKUP_FOUND', { stage: 'loading', retryable: false });
      }
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        throw new BackupKitError('EXPORT_REFUSED', { stage: 'loading', details: { status: response.status } });
      }
      if (!response.ok || typeof body?.share !== 'string' || body.share === '') {
        throw new BackupKitError('EXPORT_FAILED', { stage: 'loading', details: { status: response.status } });
      }
      return body.share;
    },
  };
}
