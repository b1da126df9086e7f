import { parseArgs } from 'node:util';
import type { StartEmulatorOptions } from './start-emulator.js';

export const DEFAULT_CLI_PORT = 5190;

export const CLI_USAGE = `Usage: backup-kit-emulator [--port N] [--portal-managed | --webhook-url URL --webhook-secret SECRET]
                           [--vault-origin ORIGIN… [--vault-rp-id RP…] [--vault-data-dir DIR]]

A local Portal for @portal-hq/web 3.4.1, for development and tests only (NOT MPC, not secure).

  --port N             port on localhost (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --portal-managed     Portal-managed backups: the emulator keeps the encrypted client backup
                       share too (backupWithPortalEnabled: true; recoverWallet('', method))
  --webhook-url URL    self-managed backups: POST custodian backup shares to URL/webhook/backup
  --webhook-secret S   sent as X-Webhook-Secret (or set WEBHOOK_SECRET)
  --vault-origin O     serve Backup Kit's passkey key vault at /vault/ for the app origin O
                       (repeatable), e.g. http://localhost:5173; customDomain is the emulator's URL
  --vault-rp-id RP     a relying party the vault serves (repeatable; default localhost)
  --vault-data-dir D   keep the vault's passkeys and keys in D (default: in memory)
  --help               show this help`;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'start'; options: Pick<StartEmulatorOptions, 'port' | 'webhook' | 'portalManagedBackups' | 'vault'> };

/** Reads the command line (and WEBHOOK_SECRET); throws an Error with a message for the user. */
export function parseCliArguments(args: string[], env: Record<string, string | undefined>): CliCommand {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: String(DEFAULT_CLI_PORT) },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'portal-managed': { type: 'boolean', default: false },
      'vault-origin': { type: 'string', multiple: true },
      'vault-rp-id': { type: 'string', multiple: true },
      'vault-data-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { kind: 'help' };
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`invalid --port ${JSON.stringify(values.port)}`);
  const vault = vaultOptionsOf(values['vault-origin'], values['vault-rp-id'], values['vault-data-dir']);
  const withVault = <T extends object>(options: T) => (vault ? { ...options, vault } : options);
  const url = values['webhook-url'];
  const secret = values['webhook-secret'] ?? env.WEBHOOK_SECRET;
  if (url === undefined) {
    if (values['webhook-secret'] !== undefined) throw new Error('--webhook-secret needs --webhook-url');
    return {
      kind: 'start',
      options: withVault(values['portal-managed'] ? { port, portalManagedBackups: true } : { port }),
    };
  }
  if (values['portal-managed']) {
    throw new Error('--portal-managed and --webhook-url exclude each other: a webhook means self-managed backups');
  }
  if (!/^https?:\/\/[^/]/.test(url)) throw new Error('--webhook-url must be an http(s) URL');
  if (!secret) throw new Error('--webhook-url needs --webhook-secret or WEBHOOK_SECRET');
  return { kind: 'start', options: withVault({ port, webhook: { url, secret } }) };
}

function vaultOptionsOf(
  origins: string[] | undefined,
  relyingParties: string[] | undefined,
  dataDir: string | undefined,
): StartEmulatorOptions['vault'] {
  if (origins === undefined) {
    if (relyingParties !== undefined || dataDir !== undefined) {
      throw new Error('--vault-rp-id and --vault-data-dir need --vault-origin (the app origin the vault serves)');
    }
    return undefined;
  }
  for (const origin of origins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new Error(`--vault-origin ${JSON.stringify(origin)} is not an origin`);
  }
  return {
    relyingParties: relyingParties ?? ['localhost'],
    allowedOrigins: origins,
    ...(dataDir === undefined ? {} : { dataDir }),
  };
}
