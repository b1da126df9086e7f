import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliOptions } from '../src/cli-options.js';
import { WEBHOOK_SECRET, getUserShare, putUserShare, tempDir } from './support/test-server.js';
import { vaultPost } from './support/vault.js';

describe('backup-kit-server options', () => {
  it('reads --port and --data-dir, and the secret and database from the environment', async () => {
    const options = await parseCliOptions(['--port', '9000', '--data-dir', '/srv/pg'], {
      WEBHOOK_SECRET: 's3cret',
      DATABASE_URL: 'postgresql://db/backups',
    });
    expect(options).toMatchObject({
      port: 9000,
      dataDir: '/srv/pg',
      webhookSecret: 's3cret',
      databaseUrl: 'postgresql://db/backups',
    });
  });

  it('defaults to port 8787 and PGlite', async () => {
    const options = await parseCliOptions([], { WEBHOOK_SECRET: 's' });
    expect(options.port).toBe(8787);
    expect(options.databaseUrl).toBeUndefined();
  });

  it.each([
    [[], {}, /WEBHOOK_SECRET/],
    [['--port', 'eighty'], { WEBHOOK_SECRET: 's' }, /--port/],
    [['--bogus'], { WEBHOOK_SECRET: 's' }, /bogus/],
  ])('refuses %j with %j', async (argv, env, message) => {
    await expect(parseCliOptions(argv, env)).rejects.toThrow(message);
    await expect(parseCliOptions(argv, env)).rejects.toBeInstanceOf(CliUsageError);
  });

  it('serves the passkey vault for every --vault-rp-id and --vault-origin given', async () => {
    const options = await parseCliOptions(
      [
        '--vault-rp-id',
        'localhost',
        '--vault-origin',
        'http://localhost:5173',
        '--vault-origin',
        'http://localhost:6006',
      ],
      { WEBHOOK_SECRET: 's' },
    );
    expect(options.vault).toEqual({
      relyingParties: ['localhost'],
      allowedOrigins: ['http://localhost:5173', 'http://localhost:6006'],
    });
    expect((await parseCliOptions([], { WEBHOOK_SECRET: 's' })).vault).toBeUndefined();
  });

  it('reads the vault from VAULT_RP_IDS and VAULT_ORIGINS, and refuses one without the other', async () => {
    const env = {
      WEBHOOK_SECRET: 's',
      VAULT_RP_IDS: 'wallet.example, localhost',
      VAULT_ORIGINS: 'https://wallet.example',
    };
    expect((await parseCliOptions([], env)).vault).toEqual({
      relyingParties: ['wallet.example', 'localhost'],
      allowedOrigins: ['https://wallet.example'],
    });
    await expect(parseCliOptions(['--vault-rp-id', 'localhost'], { WEBHOOK_SECRET: 's' })).rejects.toThrow(
      /--vault-origin/,
    );
    await expect(
      parseCliOptions([], { WEBHOOK_SECRET: 's', VAULT_ORIGINS: 'https://a.example' }),
    ).rejects.toBeInstanceOf(CliUsageError);
  });

  it('trusts the proxies of every --trust-proxy, or of TRUST_PROXY, and refuses one that is no address', async () => {
    const flags = await parseCliOptions(['--trust-proxy', '10.0.0.0/8', '--trust-proxy', '::1'], {
      WEBHOOK_SECRET,
    });
    expect(flags.trustProxy).toEqual(['10.0.0.0/8', '::1']);
    const env = await parseCliOptions([], { WEBHOOK_SECRET, TRUST_PROXY: '10.0.0.5, fd00::/8' });
    expect(env.trustProxy).toEqual(['10.0.0.5', 'fd00::/8']);
    expect((await parseCliOptions([], { WEBHOOK_SECRET })).trustProxy).toBeUndefined();
    await expect(parseCliOptions(['--trust-proxy', 'lb.internal'], { WEBHOOK_SECRET })).rejects.toThrow(
      /--trust-proxy: "lb.internal" is not an IP address or CIDR range/,
    );
  });

  it('takes the key flags, or their environment variables, the flags first', async () => {
    const flags = await parseCliOptions(
      ['--kms-key-id', 'alias/shares', '--key-file', '/k/old.json', '--vault-kms-key-id', 'alias/vault'],
      { WEBHOOK_SECRET, KMS_KEY_ID: 'ignored' },
    );
    expect(flags).toMatchObject({ kmsKeyId: 'alias/shares', keyFile: '/k/old.json', vaultKmsKeyId: 'alias/vault' });
    const env = await parseCliOptions([], {
      WEBHOOK_SECRET,
      KMS_KEY_ID: 'arn:aws:kms:eu-west-1:1:key/a',
      VAULT_KEY_FILE: '/k/vault.json',
      BACKUP_KIT_KEY_FILE: '/k/keys.json',
    });
    expect(env).toMatchObject({
      kmsKeyId: 'arn:aws:kms:eu-west-1:1:key/a',
      vaultKeyFile: '/k/vault.json',
      keyFile: '/k/keys.json',
    });
    expect(await parseCliOptions([], { WEBHOOK_SECRET })).not.toHaveProperty('kmsKeyId');
  });

  it('loads an authorize hook from --authorize', async () => {
    const module = join(await tempDir(), 'authorize.mjs');
    await writeFile(module, 'export default async (request) => ({ userId: request.headers.get("x-app-user") });\n');
    const options = await parseCliOptions(['--authorize', module], { WEBHOOK_SECRET: 's' });
    const caller = await options.authorize?.(new Request('http://x', { headers: { 'x-app-user': 'u1' } }), {});
    expect(caller).toEqual({ userId: 'u1' });
  });
});

const builtBin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

// Runs the built bin as a user would; `pnpm -r build` runs before the tests in scripts/test.sh.
describe.skipIf(!existsSync(builtBin))('the built backup-kit-server bin', () => {
  it('starts on PGlite, prints its URL, serves, and stops on SIGTERM', async () => {
    const dir = await tempDir();
    const child = spawn(
      process.execPath,
      [
        builtBin,
        ...['--port', '0', '--data-dir', join(dir, 'pg'), '--key-file', join(dir, 'keys.json')],
        ...['--vault-rp-id', 'localhost', '--vault-origin', 'http://localhost:5173'],
      ],
      {
        env: { ...process.env, WEBHOOK_SECRET, NODE_ENV: 'development', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (chunk) => resolve(String(chunk).trim()));
        child.once('exit', (code) => reject(new Error(`bin exited with ${code}: ${stderr}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await putUserShare(url, 'cli-user', { backupMethod: 'PASSWORD', cipherText: 'from-cli' })).status).toBe(
        200,
      );
      expect((await (await getUserShare(url, 'cli-user', 'PASSWORD')).json()).cipherText).toBe('from-cli');
      const vault = await vaultPost(url, 'registration/options', { rpId: 'localhost', rpName: 'CLI' });
      expect(vault.body.options).toMatchObject({ rp: { id: 'localhost' } });
      expect(stderr).toContain('DEVELOPMENT MODE');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('refuses to start in production without --authorize', async () => {
    const dir = await tempDir();
    const child = spawn(
      process.execPath,
      [builtBin, '--port', '0', '--data-dir', 'memory://', '--key-file', join(dir, 'k.json')],
      {
        env: { ...process.env, WEBHOOK_SECRET, NODE_ENV: 'production', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/refusing to run in production without an authorize hook/);
  });
});
