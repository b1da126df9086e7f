import { parseArgs } from 'node:util';
import { defaultKeyFile, refuseLegacyKeyFile } from '../crypto/default-key-file.js';
import { type KeySourceOptions, keyProvidersOf } from '../crypto/key-providers-of.js';
import { rotateLocalKeyFile } from '../crypto/local-key-file-provider.js';
import { rewrapDataKeys } from '../crypto/rewrap-data-keys.js';
import { openBackupDatabase } from '../db/open-backup-database.js';
import { DEFAULT_DATA_DIR } from '../defaults.js';
import { createJsonLogger } from '../log/logger.js';

export const KEYS_USAGE = `Usage: backup-kit-server keys rotate [--data-dir .data/server]
                         [--key-file F | --kms-key-id NEW [--key-file OLD]]
                         [--vault-key-file F | --vault-kms-key-id NEW [--vault-key-file OLD]]

Re-wraps every stored data key (custodian shares and vault keys) under a new key-encryption
key while servers keep serving. Only wrapped data keys change, one row at a time; shares stay
readable throughout.

  key file   a new key is added to the file and made current; older keys stay in it, so any
             read in flight still opens. Running servers wrap new rows under it at once.
  AWS KMS    --kms-key-id names the new KMS key: rows under other KMS keys are re-encrypted
             (ReEncrypt), rows under --key-file move to KMS. Restart servers with the new
             --kms-key-id too, then run this again for rows they wrote meanwhile.

The same flags and environment as the server (DATABASE_URL, BACKUP_KIT_KEY_FILE, KMS_KEY_ID,
VAULT_KEY_FILE, VAULT_KMS_KEY_ID, AWS_REGION, AWS_ENDPOINT_URL_KMS). With PGlite, stop the
server first: one process owns a PGlite folder; on Postgres servers keep running.`;

/** The database and key flags the maintenance commands share with the server, and --help. */
export const STORE_FLAGS = {
  'data-dir': { type: 'string' },
  'key-file': { type: 'string' },
  'kms-key-id': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `backup-kit-server keys ...`: prints what it did on stdout; the exit code. */
export async function runKeysCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const [command, ...rest] = argv;
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        ...STORE_FLAGS,
        'vault-key-file': { type: 'string' },
        'vault-kms-key-id': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`backup-kit-server keys: ${(error as Error).message}\n\n${KEYS_USAGE}\n`);
    return 2;
  }
  if (values.help || command !== 'rotate') {
    if (!values.help) process.stderr.write(`backup-kit-server keys: unknown command "${command ?? ''}"\n\n`);
    process.stderr.write(`${KEYS_USAGE}\n`);
    return values.help ? 0 : 2;
  }

  const keys = keySourceOptionsOf(values, env);
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : (values['data-dir'] ?? DEFAULT_DATA_DIR);

  // A key file that is the target gets its new key first; a KMS key is new by being named.
  const rotated: string[] = [];
  if (!keys.kmsKeyId) {
    const path = keys.keyFile ?? defaultKeyFile();
    if (!keys.keyFile) refuseLegacyKeyFile(path);
    rotated.push(`${path}: ${await rotateLocalKeyFile(path)}`);
  }
  if (!keys.vaultKmsKeyId && keys.vaultKeyFile && keys.vaultKeyFile !== keys.keyFile) {
    rotated.push(`${keys.vaultKeyFile}: ${await rotateLocalKeyFile(keys.vaultKeyFile)}`);
  }
  const providers = await keyProvidersOf(keys, dataDir);
  const database = await openBackupDatabase({ databaseUrl, dataDir, logger: createJsonLogger() });
  try {
    const report = await rewrapDataKeys(database, providers);
    for (const line of rotated) write(`new current key in ${line}`);
    if (keys.kmsKeyId) write(`custodian shares now under KMS key ${keys.kmsKeyId}`);
    if (keys.vaultKmsKeyId) write(`vault keys now under KMS key ${keys.vaultKmsKeyId}`);
    write(
      `re-wrapped ${report.custodianShares} custodian share data keys and ${report.vaultKeys} vault data keys` +
        (report.left > 0 ? `; ${report.left} rows are still under an older key (run again)` : ''),
    );
    return report.left > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** The key flags and their environment variables, shared by the server and `keys rotate`. */
export function keySourceOptionsOf(
  values: { 'key-file'?: string; 'kms-key-id'?: string; 'vault-key-file'?: string; 'vault-kms-key-id'?: string },
  env: NodeJS.ProcessEnv,
): KeySourceOptions {
  const pick = (flag: string | undefined, variable: string | undefined) => flag ?? (variable || undefined);
  const options: KeySourceOptions = {
    keyFile: pick(values['key-file'], env.BACKUP_KIT_KEY_FILE),
    kmsKeyId: pick(values['kms-key-id'], env.KMS_KEY_ID),
    vaultKeyFile: pick(values['vault-key-file'], env.VAULT_KEY_FILE),
    vaultKmsKeyId: pick(values['vault-kms-key-id'], env.VAULT_KMS_KEY_ID),
  };
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
