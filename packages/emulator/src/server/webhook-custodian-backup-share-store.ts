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
export class WebhookCustodianBackupShareStore implements CustodianBackupShareStore {
  readonly location = 'webhook';
  private readonly baseUrl: string;

  constructor(
    private readonly options: WebhookOptions,
    private readonly logger: EmulatorLogger,
  ) {
    this.baseUrl = options.url.replace(/\/+$/, '');
  }

  private async post(path: string, body: unknown): Promise<Response> {
    const url = `${this.baseUrl}${path}`;
    try {
      return await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-secret': this.options.secret },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not connect';
      this.logger.warn(`custodian webhook POST ${url} ${reason}`);
      throw webhookFailed(`POST ${url} ${reason}`);
    }
  }

  private async fetchShare(clientId: string, backupMethod: BackupMethod): Promise<{ status: number; share?: string }> {
    const response = await this.post('/webhook/backup/fetch', { clientId, backupMethod });
    if (response.status !== 200) return { status: response.status };
    const body = (await response.json().catch(() => null)) as { share?: unknown } | null;
    if (typeof body?.share !== 'string') {
      throw webhookFailed(`POST ${this.baseUrl}/webhook/backup/fetch answered 200 without a string "share"`);
    }
    return { status: 200, share: body.share };
  }

  async save(clientId: string, backupMethod: BackupMethod, share: string): Promise<void> {
    const stored = await this.post('/webhook/backup', { backupMethod, clientId, share });
    if (stored.status !== 204) {
      this.logger.warn(`custodian webhook POST /webhook/backup answered ${stored.status} (expected 204)`);
      throw webhookFailed(`POST ${this.baseUrl}/webhook/backup answered HTTP ${stored.status} (expected 204)`);
    }
    const fetched = await this.fetchShare(clientId, backupMethod);
    if (fetched.status !== 200) {
      throw webhookFailed(
        `POST ${this.baseUrl}/webhook/backup/fetch answered HTTP ${fetched.status} right after the backup (expected 200)`,
      );
    }
    if (fetched.share !== share) {
      throw webhookFailed(
        `POST ${this.baseUrl}/webhook/backup/fetch returned a different share than the one just stored`,
      );
    }
    this.logger.info(`custodian webhook stored and returned the ${backupMethod} share of ${clientId}`);
  }

  async load(clientId: string, backupMethod: BackupMethod): Promise<string> {
    const fetched = await this.fetchShare(clientId, backupMethod);
    if (fetched.status === 404) throw noCustodianShare(backupMethod);
    if (fetched.share === undefined) {
      throw webhookFailed(`POST ${this.baseUrl}/webhook/backup/fetch answered HTTP ${fetched.status} (expected 200)`);
    }
    return fetched.share;
  }

  clear(): void {
    // The shares live on the custodian's server; resetting the emulator does not reach there.
  }
}
