import { open, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { USER_BACKUP_SHARE_METHODS, type UserBackupShareMethod } from '../backup-method.js';
import { keyProvidersOf } from '../crypto/key-providers-of.js';
import { openBackupDatabase } from '../db/open-backup-database.js';
import { DEFAULT_DATA_DIR } from '../defaults.js';
import { createJsonLogger } from '../log/logger.js';
import { PORTAL_API_BASE_URL, PORTAL_MPC_BASE_URL, createBackupPipeline } from '../pipeline/create-backup-pipeline.js';
import type { SigningShares, StoredStatus } from '../pipeline/enclave-client.js';
import { isPipelineError } from '../pipeline/pipeline-error.js';
import { STORE_FLAGS, keySourceOptionsOf } from './keys-command.js';

/** Where the client API key is read from: never a flag, which `ps` would show. */
export const API_KEY_VARIABLE = 'PORTAL_CLIENT_API_KEY';

export const PIPELINE_USAGE = `Usage: backup-kit-server pipeline run --user ID [--signing-shares FILE]
                         [--mpc-url ${PORTAL_MPC_BASE_URL}] [--api-url ${PORTAL_API_BASE_URL}]
                         [--passkey] [--backup-method UNKNOWN] [--timeout 30]
                         [--api-key-stdin] [--data-dir .data/server] [--key-file F | --kms-key-id K]

Runs the server-side backup for one user over Portal's Enclave MPC API: generate (unless
--signing-shares holds the wallet's) → back up → encrypt each curve's share → store → verify by
a recovery from what was stored → mark the pairs stored. Run it again after a failure: once the
shares are stored it resumes at verify, without a second backup.

  --user ID            the user share row the ciphertexts go to (the server's user id)
  --signing-shares F   the wallet's signing shares as /v1/generate answers them; when this run
                       generates the wallet, they are written there (mode 600, never replaced)
  --mpc-url, --api-url Portal's hosts (env PORTAL_MPC_URL, PORTAL_API_URL)
  --passkey            the shares are encrypted with a passkey's key: STORED_CLIENT_BACKUP_SHARE_KEY
  --backup-method M    the user share row's method (default UNKNOWN, as Portal marks the pairs)
  --timeout S          seconds per HTTP call (default 30)
  --api-key-stdin      read the user's Portal client API key from stdin's first line

The client API key comes from ${API_KEY_VARIABLE} or stdin, never from a flag. The database and
keys are the server's (DATABASE_URL, --data-dir, --key-file, --kms-key-id and their variables);
with PGlite, stop the server first. Prints one JSON line without secrets; on failure, the step
that failed on stderr and exit code 1 (3 when running it again cannot help).`;

interface Io {
  write: (line: string) => void;
  error: (line: string) => void;
  stdin: () => Promise<string>;
}

const defaultIo: Io = {
  write: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** `backup-kit-server pipeline run ...`: the exit code (0 done, 1 failed, 2 usage, 3 failed for good). */
export async function runPipelineCommand(argv: string[], env: NodeJS.ProcessEnv, io: Io = defaultIo): Promise<number> {
  const usage = (message: string) => {
    io.error(`backup-kit-server pipeline: ${message}\n\n${PIPELINE_USAGE}`);
    return 2;
  };
  const [command, ...rest] = argv;
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        user: { type: 'string' },
        'signing-shares': { type: 'string' },
        'mpc-url': { type: 'string' },
        'api-url': { type: 'string' },
        passkey: { type: 'boolean' },
        'backup-method': { type: 'string' },
        timeout: { type: 'string' },
        'api-key-stdin': { type: 'boolean' },
        ...STORE_FLAGS,
      },
      strict: true,
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    io.error(PIPELINE_USAGE);
    return 0;
  }
  if (command !== 'run') return usage(`unknown command "${command ?? ''}"`);
  const userId = values.user?.trim();
  if (!userId) return usage('--user is required');
  const backupMethod = values['backup-method'] ?? 'UNKNOWN';
  if (!(USER_BACKUP_SHARE_METHODS as readonly string[]).includes(backupMethod))
    return usage(`--backup-method must be one of ${USER_BACKUP_SHARE_METHODS.join(', ')}`);
  const timeout = Number(values.timeout ?? 30);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600) return usage('--timeout must be 1 to 600 seconds');
  const urls = {
    mpcBaseUrl: values['mpc-url'] ?? env.PORTAL_MPC_URL,
    apiBaseUrl: values['api-url'] ?? env.PORTAL_API_URL,
  };
  for (const [name, url] of Object.entries(urls)) {
    if (url !== undefined && !URL.canParse(url))
      return usage(`${name === 'mpcBaseUrl' ? '--mpc-url' : '--api-url'} is not a URL`);
  }
  const clientApiKey = (values['api-key-stdin'] ? (await io.stdin()).split(/\r?\n/)[0] : env[API_KEY_VARIABLE])?.trim();
  if (!clientApiKey) {
    return usage(`no client API key: set ${API_KEY_VARIABLE}, or pass --api-key-stdin and write it to stdin`);
  }

  const sharesFile = values['signing-shares'];
  let signingShares: SigningShares | undefined;
  if (sharesFile) {
    try {
      const parsed: unknown = JSON.parse(await readFile(sharesFile, 'utf8'));
      if (!isSigningShares(parsed)) return usage('--signing-shares: not the signing shares /v1/generate answers');
      signingShares = parsed;
    } catch (error) {
      // A file that is not there yet is where a generated wallet's shares go.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        return usage(`--signing-shares: ${sharesFileError(error)}`);
    }
  }

  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : (values['data-dir'] ?? DEFAULT_DATA_DIR);
  const logger = createJsonLogger(io.error);
  const { keyProvider } = await keyProvidersOf(keySourceOptionsOf(values, env), dataDir);
  const database = await openBackupDatabase({ databaseUrl, dataDir, logger });
  try {
    const pipeline = createBackupPipeline({
      keyProvider,
      store: database,
      ...definedOnly(urls),
      timeoutMs: Math.round(timeout * 1000),
      logger,
    });
    const status: StoredStatus = values.passkey ? 'STORED_CLIENT_BACKUP_SHARE_KEY' : 'STORED_CLIENT_BACKUP_SHARE';
    const result = await pipeline.run({
      userId,
      clientApiKey,
      status,
      backupMethod: backupMethod as UserBackupShareMethod,
      ...(signingShares && { signingShares }),
      ...(sharesFile && {
        storeSigningShares: (_user: string, shares: SigningShares) => keepShares(sharesFile, shares),
      }),
    });
    if (result.generated && !sharesFile) {
      io.error(
        "backup-kit-server pipeline: the new wallet's signing shares were not kept (no --signing-shares): " +
          'it can only be recovered from this backup',
      );
    }
    io.write(
      JSON.stringify({
        userId,
        backupSharePairIds: result.backupSharePairIds,
        resumed: result.resumed,
        generated: result.generated !== undefined,
        status,
      }),
    );
    return 0;
  } catch (error) {
    if (!isPipelineError(error)) throw error;
    io.error(
      `backup-kit-server pipeline: failed at ${error.step}` +
        `${error.retryable ? ' (run it again to resume)' : ''}: ${error.message}`,
    );
    return error.retryable ? 1 : 3;
  } finally {
    await database.close();
  }
}

/** Written once, readable by this user only: an existing file is never replaced. */
async function keepShares(path: string, shares: SigningShares): Promise<void> {
  const file = await open(path, 'wx', 0o600);
  try {
    await file.writeFile(`${JSON.stringify(shares)}\n`);
  } finally {
    await file.close();
  }
}

// The file's content never reaches the message (it holds signing shares).
const sharesFileError = (error: unknown) =>
  error instanceof SyntaxError ? 'not JSON' : ((error as NodeJS.ErrnoException).code ?? 'unreadable');

const definedOnly = <T extends Record<string, string | undefined>>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: string };

const isSigningShares = (value: unknown): value is SigningShares =>
  (['SECP256K1', 'ED25519'] as const).every((curve) => {
    const part = (value as Partial<SigningShares> | null)?.[curve];
    return typeof part?.id === 'string' && typeof part.share === 'string';
  });
