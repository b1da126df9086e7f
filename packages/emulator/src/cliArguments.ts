import { parseArgs } from 'node:util';
import type { StartEmulatorOptions } from './startEmulator.js';

export const DEFAULT_CLI_PORT = 5190;

export const CLI_USAGE = `Usage: backup-kit-emulator [--port N] [--portal-managed | --webhook-url URL --webhook-secret SECRET]

A local Portal for @portal-hq/web 3.4.1, for development and tests only (NOT MPC, not secure).

  --port N             port on localhost (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --portal-managed     Portal-managed backups: the emulator keeps the encrypted client backup
                       share too (backupWithPortalEnabled: true; recoverWallet('', method))
  --webhook-url URL    self-managed backups: POST custodian backup shares to URL/webhook/backup
  --webhook-secret S   sent as X-Webhook-Secret (or set WEBHOOK_SECRET)
  --help               show this help`;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'start'; options: Pick<StartEmulatorOptions, 'port' | 'webhook' | 'portalManagedBackups'> };

/** Reads the command line (and WEBHOOK_SECRET); throws an Error with a message for the user. */
export function parseCliArguments(args: string[], env: Record<string, string | undefined>): CliCommand {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: String(DEFAULT_CLI_PORT) },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'portal-managed': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { kind: 'help' };
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`invalid --port ${JSON.stringify(values.port)}`);
  const url = values['webhook-url'];
  const secret = values['webhook-secret'] ?? env.WEBHOOK_SECRET;
  if (url === undefined) {
    if (values['webhook-secret'] !== undefined) throw new Error('--webhook-secret needs --webhook-url');
    return { kind: 'start', options: values['portal-managed'] ? { port, portalManagedBackups: true } : { port } };
  }
  if (values['portal-managed']) {
    throw new Error('--portal-managed and --webhook-url exclude each other: a webhook means self-managed backups');
  }
  if (!/^https?:\/\/[^/]/.test(url)) throw new Error('--webhook-url must be an http(s) URL');
  if (!secret) throw new Error('--webhook-url needs --webhook-secret or WEBHOOK_SECRET');
  return { kind: 'start', options: { port, webhook: { url, secret } } };
}
