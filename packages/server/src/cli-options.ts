import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { keySourceOptionsOf } from './cli/keys-command.js';
import { clientAddressResolver } from './http/client-address.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, MIN_WEBHOOK_SECRET_LENGTH } from './defaults.js';
import type { Authorize } from './router-options.js';
import type { StartServerOptions } from './start-server.js';

export const USAGE = `Usage: backup-kit-server [--port 8787] [--host 127.0.0.1] [--data-dir .data/server]
                         [--key-file ~/.config/backup-kit/keys.json] [--authorize ./authorize.js]
                         [--vault-rp-id localhost ... --vault-origin http://localhost:5173 ...]
                         [--dev] [--request-timeout 30]

Who may call the user routes (one of the two is required):
  --authorize          a module exporting the authorize hook that identifies the caller
  --dev                development mode (env BACKUP_KIT_DEV=1): trusts the X-Backup-Kit-User
                       header, which anyone can send; loopback --host and Host headers only

Slow clients:
  --request-timeout    seconds a whole request may take to arrive (default 30; env REQUEST_TIMEOUT)

Passkey key vault (served under /vault when both are given; each flag may repeat):
  --vault-rp-id        a relying party ID the vault serves (env VAULT_RP_IDS, comma-separated)
  --vault-origin       a page origin ceremonies may come from (env VAULT_ORIGINS, comma-separated)

Limits and proxies (see README):
  --trust-proxy ADDR   a reverse proxy (address or CIDR) whose X-Forwarded-For is believed; repeats
                       (env TRUST_PROXY, comma-separated). Without it the socket peer is the client.

Keys at rest (see README; each flag also reads the variable named):
  --key-file F         local key file (BACKUP_KIT_KEY_FILE; default $XDG_CONFIG_HOME/backup-kit/keys.json)
  --kms-key-id K       wrap data keys with AWS KMS key K (KMS_KEY_ID; region and endpoint from
                       AWS_REGION, AWS_ENDPOINT_URL_KMS); with --key-file too, that file opens older rows
  --vault-key-file F   a key file of the vault's own (VAULT_KEY_FILE)
  --vault-kms-key-id K an AWS KMS key of the vault's own (VAULT_KMS_KEY_ID)
  backup-kit-server keys rotate --help   re-wrap every data key under a new key
  backup-kit-server pipeline run --help  back up one user over Portal's Enclave MPC API

Environment:
  WEBHOOK_SECRET       required, at least 32 characters: the X-Webhook-Secret Portal sends
                       (make one with: openssl rand -hex 32)
  DATABASE_URL         a Postgres connection string; without it, PGlite in --data-dir
  PORT, HOST           defaults for --port and --host
  BACKUP_KIT_DEV=1     same as --dev (NODE_ENV decides nothing)`;

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** Turns argv and the environment into `startServer` options (loads an --authorize module). */
export async function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): Promise<StartServerOptions> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'key-file': { type: 'string' },
        authorize: { type: 'string' },
        'vault-rp-id': { type: 'string', multiple: true },
        'vault-origin': { type: 'string', multiple: true },
        'trust-proxy': { type: 'string', multiple: true },
        'kms-key-id': { type: 'string' },
        'vault-key-file': { type: 'string' },
        'vault-kms-key-id': { type: 'string' },
        dev: { type: 'boolean' },
        'request-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) throw new CliUsageError('');

  const webhookSecret = env.WEBHOOK_SECRET;
  if (!webhookSecret) throw new CliUsageError('WEBHOOK_SECRET is not set; make one with: openssl rand -hex 32');
  if (webhookSecret.length < MIN_WEBHOOK_SECRET_LENGTH) {
    throw new CliUsageError(
      `WEBHOOK_SECRET must be at least ${MIN_WEBHOOK_SECRET_LENGTH} characters (it has ${webhookSecret.length}); ` +
        'make one with: openssl rand -hex 32',
    );
  }
  const dev = values.dev === true || isOn(env.BACKUP_KIT_DEV);
  if (!dev && !values.authorize) {
    throw new CliUsageError(
      'no way to tell who calls: pass --authorize ./authorize.js (your app decides who the caller is), ' +
        'or --dev (or BACKUP_KIT_DEV=1) for local development, where the X-Backup-Kit-User header is trusted',
    );
  }
  const requestTimeout = Number(values['request-timeout'] ?? env.REQUEST_TIMEOUT ?? DEFAULT_REQUEST_TIMEOUT_MS / 1000);
  if (!Number.isFinite(requestTimeout) || requestTimeout <= 0 || requestTimeout > 3600) {
    throw new CliUsageError('--request-timeout must be a number of seconds from 0 to 3600');
  }
  const port = Number(values.port ?? env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError('--port must be 0..65535');

  const relyingParties = values['vault-rp-id'] ?? listOf(env.VAULT_RP_IDS);
  const allowedOrigins = values['vault-origin'] ?? listOf(env.VAULT_ORIGINS);
  if ((relyingParties.length === 0) !== (allowedOrigins.length === 0)) {
    throw new CliUsageError(
      'the vault needs both --vault-rp-id and --vault-origin (or VAULT_RP_IDS and VAULT_ORIGINS)',
    );
  }

  const trustProxy = values['trust-proxy'] ?? listOf(env.TRUST_PROXY);
  try {
    clientAddressResolver(trustProxy);
  } catch (error) {
    throw new CliUsageError(`--trust-proxy: ${(error as Error).message.replace(/^trustProxy: /, '')}`);
  }

  return {
    port,
    host: values.host ?? env.HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: values['data-dir'],
    webhookSecret,
    authorize: values.authorize ? await loadAuthorize(values.authorize) : undefined,
    mode: dev ? 'development' : 'production',
    requestTimeoutMs: Math.round(requestTimeout * 1000),
    ...(relyingParties.length > 0 && { vault: { relyingParties, allowedOrigins } }),
    ...(trustProxy.length > 0 && { trustProxy }),
    ...keySourceOptionsOf(values, env),
  };
}

const isOn = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());

const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The module's default export (or `authorize` export) is the hook. */
async function loadAuthorize(path: string): Promise<Authorize> {
  const loaded = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown; authorize?: unknown };
  const hook = loaded.default ?? loaded.authorize;
  if (typeof hook !== 'function') throw new CliUsageError(`${path} exports no authorize function`);
  return hook as Authorize;
}
