import { createInMemoryCustodianBackupShareStore } from './server/custodian-backup-share-store.js';
import { developmentNotice } from './server/development-notice.js';
import { createEmulatorCore, type EmulatorControl } from './server/emulator-core.js';
import { loadBrowserScript } from './server/iframe-script.js';
import { mountVault, type EmulatorVaultOptions } from './server/key-vault.js';
import { consoleLogger, type EmulatorLogger } from './server/logger.js';
import { listenOnLoopback } from './server/loopback-server.js';
import { createRequestHandler } from './server/request-handler.js';
import {
  createWebhookCustodianBackupShareStore,
  type WebhookOptions,
} from './server/webhook-custodian-backup-share-store.js';

export interface StartEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Self-managed backups: custodian backup shares go to `${url}/webhook/backup` with `X-Webhook-Secret`. Without it the emulator keeps them (Portal-managed). */
  webhook?: WebhookOptions;
  /**
   * Portal-managed backups (Portal's default for real environments): Portal keeps the
   * encrypted client backup share as well. `getClient` answers
   * `environment.backupWithPortalEnabled: true`, a backup is complete at once, and
   * `recoverWallet('', method, configs)` recovers from the stored cipherText. Default false:
   * the app keeps the cipherText and reports it with `storedClientBackupShare`.
   * Cannot be combined with `webhook` (self-managed backups).
   */
  portalManagedBackups?: boolean;
  /**
   * Passkey backups through the SDK: how long the iframe waits for the passkey window to say
   * hello before it answers PASSKEY_POPUP_NOT_OPENED (default 30 s; also `control.configurePasskeys`).
   */
  passkeyPopupTimeoutMs?: number;
  /**
   * Serves Backup Kit's passkey key vault (@backup-kit/server's `createVaultRouter`, the
   * protocol of `@backup-kit/core`'s vault-protocol.ts) on the emulator's origin under
   * `/vault/`, so a local app can use `customDomain: emulator.url` for the direct passkey path.
   * In memory unless `dataDir` is given.
   */
  vault?: EmulatorVaultOptions;
  /** Defaults to the console. */
  logger?: EmulatorLogger;
}

export interface RunningEmulator {
  /** What to pass to `new Portal({ host })`: 'localhost:PORT'. */
  host: string;
  /** 'http://localhost:PORT'; the control API is under `${url}/_emulator/`. */
  url: string;
  port: number;
  control: EmulatorControl;
  stop(): Promise<void>;
}

/** Starts a local Portal for @portal-hq/web 3.4.1. For development and tests only: NOT MPC, not secure. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const logger = options.logger ?? consoleLogger;
  const portalManagedBackups = options.portalManagedBackups ?? false;
  if (portalManagedBackups && options.webhook) {
    throw new Error(
      'portalManagedBackups and webhook exclude each other: with a webhook the backups are self-managed, so your app keeps the cipherText',
    );
  }
  const custodian = options.webhook
    ? createWebhookCustodianBackupShareStore(options.webhook, logger)
    : createInMemoryCustodianBackupShareStore();
  const core = createEmulatorCore(custodian, {
    portalManagedBackups,
    ...(options.passkeyPopupTimeoutMs === undefined ? {} : { passkeyPopupTimeoutMs: options.passkeyPopupTimeoutMs }),
  });
  const [iframeScript, passkeyPopupScript] = await Promise.all([
    loadBrowserScript('iframe'),
    loadBrowserScript('passkeyPopup'),
  ]);
  const vault = options.vault ? await mountVault(options.vault, logger) : undefined;
  let server: Awaited<ReturnType<typeof listenOnLoopback>>;
  try {
    server = await listenOnLoopback(
      createRequestHandler({ core, logger, iframeScript, passkeyPopupScript, vault }),
      options.port ?? 0,
    );
  } catch (error) {
    await vault?.close();
    throw error;
  }
  const url = `http://localhost:${server.port}`;
  logger.warn(`\n${developmentNotice(url)}`);
  logger.info(
    options.webhook
      ? `self-managed backups: custodian backup shares go to ${options.webhook.url.replace(/\/+$/, '')}/webhook/backup`
      : portalManagedBackups
        ? 'Portal-managed backups: the emulator keeps the custodian backup shares and the encrypted client backup shares'
        : 'the emulator keeps the custodian backup shares; your app keeps the encrypted client backup shares',
  );
  if (options.vault) {
    logger.info(
      `Backup Kit's key vault at ${url}/vault/ for ${options.vault.relyingParties.join(', ')} from ${options.vault.allowedOrigins.join(', ')} (${options.vault.dataDir ? `data in ${options.vault.dataDir}` : 'in memory'}): customDomain '${url}'`,
    );
  }
  return {
    host: `localhost:${server.port}`,
    url,
    port: server.port,
    control: {
      reset: () => core.reset(),
      state: () => core.state(),
      injectFault: (spec) => core.injectFault(spec),
      clearFaults: () => core.clearFaults(),
      configurePasskeys: (settings) => core.configurePasskeys(settings),
    },
    stop: async () => {
      await server.close();
      await vault?.close();
    },
  };
}
