import { BackupKitError } from '../errors.js';
import type { BackupStorage, LoadBackupRequest } from './backup-storage.js';
import type { UserBackupShareRequest } from './backup-share-protocol.js';

type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface HttpStorageOptions {
  /**
   * The user's backup-share endpoint, as in Portal's self-managed guide, e.g.
   * `https://api.example.com/users/42/user-backup-share`. POST stores, GET ?backupMethod= reads.
   */
  url: string;
  /** Sent with every request; a function is called each time (fresh auth tokens). */
  headers?: HeadersSource;
  /** @default 15000 */
  timeoutMs?: number;
  credentials?: RequestCredentials;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

/**
 * Storage over HTTP: POSTs `{ backupMethod, cipherText, backupSharePairIds }` as JSON to `url` and reads it back
 * with GET `url?backupMethod=...`. The cipherText travels only in the request body.
 */
export function httpStorage(options: HttpStorageOptions): BackupStorage {
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function request(init: RequestInit & { url: string }, outer: AbortSignal, stage: 'storing' | 'loading') {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const doFetch = options.fetch ?? globalThis.fetch;
    const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    try {
      return await doFetch(init.url, {
        ...init,
        headers,
        signal: AbortSignal.any([outer, timeout.signal]),
        ...(options.credentials && { credentials: options.credentials }),
      });
    } catch (error) {
      if (timeout.signal.aborted) throw new BackupKitError('TIMEOUT', { stage });
      if (outer.aborted) throw new BackupKitError('ABORTED', { stage, cause: outer.reason });
      // A network failure (server down, CORS): the cause is the browser's TypeError.
      throw new BackupKitError('STORAGE_FAILED', { stage, cause: error, details: { reason: 'network' } });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async save({ backupMethod, cipherText, backupSharePairIds, signal }) {
      const body: UserBackupShareRequest = { backupMethod, cipherText, backupSharePairIds: backupSharePairIds ?? [] };
      const response = await request(
        { url: options.url, method: 'POST', body: JSON.stringify(body) },
        signal,
        'storing',
      );
      if (!response.ok) {
        throw new BackupKitError('STORAGE_FAILED', { stage: 'storing', details: { status: response.status } });
      }
    },

    load: async (load) => (await read(load))?.cipherText ?? null,

    async loadPairIds(load) {
      const answer = await read(load);
      if (!answer) return null;
      const ids = answer.backupSharePairIds;
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
    },
  };

  /** GET ?backupMethod=: the stored share and its pair ids, or null when there is none. */
  async function read({ backupMethod, signal }: LoadBackupRequest) {
    const url = new URL(options.url, globalThis.location?.href);
    url.searchParams.set('backupMethod', backupMethod);
    const response = await request({ url: url.toString(), method: 'GET' }, signal, 'loading');
    if (response.status === 404) return null;
    if (!response.ok) {
      throw new BackupKitError('STORAGE_FAILED', { stage: 'loading', details: { status: response.status } });
    }
    const body = (await response.json()) as { cipherText?: unknown; backupSharePairIds?: unknown } | null;
    if (typeof body?.cipherText !== 'string' || body.cipherText === '') {
      throw new BackupKitError('STORAGE_FAILED', { stage: 'loading', details: { reason: 'malformed response' } });
    }
    return { cipherText: body.cipherText, backupSharePairIds: body.backupSharePairIds };
  }
}
