import type { BackupMethod } from '../protocol/backup-methods.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import { noCustodianShare, type CustodianBackupShareStore } from './custodian-backup-share-store.js';
import type { EmulatorLogger } from './logger.js';

export interface WebhookOptions {
  /** Base URL of the custodian's server; the emulator calls `${url}/webhook/backup` and `${url}/webhook/backup/fetch`. */
  url: string;
  /** Sent as `X-Webhook-Secret` on every call. */
  secret: string;
  /** Per request (default 10 s). */
  timeoutMs?: number;
}

function webhookFailed(what: string): PortalProtocolError {
  return new PortalProtocolError(ErrorCodes.CustodianWebhookFailed, `The custodian webhook failed: ${what}`);
}

/**
 * Self-managed backups, as in Portal's docs: POST the share to `/webhook/backup` (expects 204),
 * then read it straight back from `/webhook/backup/fetch` (expects 200 `{ share }`) to prove it
 * was stored. Recovery reads it from `/webhook/backup/fetch` too. Errors name the URL and the
 * status, never the share or the secret.
 */
export function createWebhookCustodianBackupShareStore(
  options: WebhookOptions,
  logger: EmulatorLogger,
): CustodianBackupShareStore {
  const baseUrl = options.url.replace(/\/+$/, '');

  async function post(path: string, body: unknown): Promise<Response> {
    const url = `${baseUrl}${path}`;
    try {
      return await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-secret': options.secret },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not connect';
      logger.warn(`custodian webhook POST ${url} ${reason}`);
      throw webhookFailed(`POST ${url} ${reason}`);
    }
  }

  async function fetchShare(clientId: string, backupMethod: BackupMethod): Promise<{ status: number; share?: string }> {
    const response = await post('/webhook/backup/fetch', { clientId, backupMethod });
    if (response.status !== 200) return { status: response.status };
    const body = (await response.json().catch(() => null)) as { share?: unknown } | null;
    if (typeof body?.share !== 'string') {
      throw webhookFailed(`POST ${baseUrl}/webhook/backup/fetch answered 200 without a string "share"`);
    }
    return { status: 200, share: body.share };
  }

  async function save(clientId: string, backupMethod: BackupMethod, share: string): Promise<void> {
    const stored = await post('/webhook/backup', { backupMethod, clientId, share });
    if (stored.status !== 204) {
      logger.warn(`custodian webhook POST /webhook/backup answered ${stored.status} (expected 204)`);
      throw webhookFailed(`POST ${baseUrl}/webhook/backup answered HTTP ${stored.status} (expected 204)`);
    }
    const fetched = await fetchShare(clientId, backupMethod);
    if (fetched.status !== 200) {
      throw webhookFailed(
        `POST ${baseUrl}/webhook/backup/fetch answered HTTP ${fetched.status} right after the backup (expected 200)`,
      );
    }
    if (fetched.share !== share) {
      throw webhookFailed(`POST ${baseUrl}/webhook/backup/fetch returned a different share than the one just stored`);
    }
    logger.info(`custodian webhook stored and returned the ${backupMethod} share of ${clientId}`);
  }

  async function load(clientId: string, backupMethod: BackupMethod): Promise<string> {
    const fetched = await fetchShare(clientId, backupMethod);
    if (fetched.status === 404) throw noCustodianShare(backupMethod);
    if (fetched.share === undefined) {
      throw webhookFailed(`POST ${baseUrl}/webhook/backup/fetch answered HTTP ${fetched.status} (expected 200)`);
    }
    return fetched.share;
  }

  return {
    location: 'webhook',
    save,
    load,
    clear() {
      // The shares live on the custodian's server; resetting the emulator does not reach there.
    },
  };
}
