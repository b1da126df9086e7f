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
    const options = await parseCliOptions(['--dev', '--port', '9000', '--data-dir', '/srv/pg'], {
      WEBHOOK_SECRET,
      DATABASE_URL: 'postgresql://db/backups',
    });
    expect(options).toMatchObject({
      port: 9000,
      dataDir: '/srv/pg',
      webhookSecret: WEBHOOK_SECRET,
      databaseUrl: 'postgresql://db/backups',
    });
  });

  it('defaults to port 8787 and PGlite', async () => {
    const options = await parseCliOptions(['--dev'], { WEBHOOK_SECRET });
    expect(options.port).toBe(8787);
    expect(options.databaseUrl).toBeUndefined();
  });

  it.each([
    [[], {}, /WEBHOOK_SECRET/],
    [['--dev', '--port', 'eighty'], { WEBHOOK_SECRET }, /--port/],
    [['--dev', '--bogus'], { WEBHOOK_SECRET }, /bogus/],
  ])('refuses %j with %j', async (argv, env, message) => {
    await expect(parseCliOptions(argv, env)).rejects.toThrow(message);
    await expect(parseCliOptions(argv, env)).rejects.toBeInstanceOf(CliUsageError);
  });

  it('serves the passkey vault for every --vault-rp-id and --vault-origin given', async () => {
    const options = await parseCliOptions(
      [
        '--dev',
        '--vault-rp-id',
        'localhost',
        '--vault-origin',
        'http://localhost:5173',
        '--vault-origin',
        'http://localhost:6006',
      ],
      { WEBHOOK_SECRET },
    );
    expect(options.vault).toEqual({
      relyingParties: ['localhost'],
      allowedOrigins: ['http://localhost:5173', 'http://localhost:6006'],
    });
    expect((await parseCliOptions(['--dev'], { WEBHOOK_SECRET })).vault).toBeUndefined();
  });

  it('reads the vault from VAULT_RP_IDS and VAULT_ORIGINS, and refuses one without the other', async () => {
    const env = {
      WEBHOOK_SECRET,
      VAULT_RP_IDS: 'wallet.example, localhost',
      VAULT_ORIGINS: 'https://wallet.example',
    };
    expect((await parseCliOptions(['--dev'], env)).vault).toEqual({
      relyingParties: ['wallet.example', 'localhost'],
      allowedOrigins: ['https://wallet.example'],
    });
    await expect(parseCliOptions(['--dev', '--vault-rp-id', 'localhost'], { WEBHOOK_SECRET })).rejects.toThrow(
      /--vault-origin/,
    );
    await expect(
      parseCliOptions(['--dev'], { WEBHOOK_SECRET, VAULT_ORIGINS: 'https://a.example' }),
    ).rejects.toBeInstanceOf(CliUsageError);
  });

  it('trusts the proxies of every --trust-proxy, or of TRUST_PROXY, and refuses one that is no address', async () => {
    const flags = await parseCliOptions(['--dev', '--trust-proxy', '10.0.0.0/8', '--trust-proxy', '::1'], {
      WEBHOOK_SECRET,
    });
    expect(flags.trustProxy).toEqual(['10.0.0.0/8', '::1']);
    const env = await parseCliOptions(['--dev'], { WEBHOOK_SECRET, TRUST_PROXY: '10.0.0.5, fd00::/8' });
    expect(env.trustProxy).toEqual(['10.0.0.5', 'fd00::/8']);
    expect((await parseCliOptions(['--dev'], { WEBHOOK_SECRET })).trustProxy).toBeUndefined();
    await expect(parseCliOptions(['--dev', '--trust-proxy', 'lb.internal'], { WEBHOOK_SECRET })).rejects.toThrow(
      /--trust-proxy: "lb.internal" is not an IP address or CIDR range/,
    );
  });

  it('takes the key flags, or their environment variables, the flags first', async () => {
    const flags = await parseCliOptions(
      ['--dev', '--kms-key-id', 'alias/shares', '--key-file', '/k/old.json', '--vault-kms-key-id', 'alias/vault'],
      { WEBHOOK_SECRET, KMS_KEY_ID: 'ignored' },
    );
    expect(flags).toMatchObject({ kmsKeyId: 'alias/shares', keyFile: '/k/old.json', vaultKmsKeyId: 'alias/vault' });
    const env = await parseCliOptions(['--dev'], {
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
    expect(await parseCliOptions(['--dev'], { WEBHOOK_SECRET })).not.toHaveProperty('kmsKeyId');
  });

  it('turns development mode on only with --dev or BACKUP_KIT_DEV=1, never from NODE_ENV', async () => {
    expect((await parseCliOptions(['--dev'], { WEBHOOK_SECRET })).mode).toBe('development');
    expect((await parseCliOptions([], { WEBHOOK_SECRET, BACKUP_KIT_DEV: '1' })).mode).toBe('development');
    await expect(parseCliOptions([], { WEBHOOK_SECRET, NODE_ENV: 'development' })).rejects.toThrow(/--dev/);
    await expect(parseCliOptions([], { WEBHOOK_SECRET, BACKUP_KIT_DEV: '0' })).rejects.toBeInstanceOf(CliUsageError);
  });

  it('refuses a WEBHOOK_SECRET under 32 characters', async () => {
    await expect(parseCliOptions(['--dev'], { WEBHOOK_SECRET: 'x'.repeat(31) })).rejects.toThrow(
      /at least 32 characters.*openssl rand -hex 32/,
    );
  });

  it('cuts slow requests after 30 s by default, or after --request-timeout seconds', async () => {
    expect((await parseCliOptions(['--dev'], { WEBHOOK_SECRET })).requestTimeoutMs).toBeLessThanOrEqual(30_000);
    expect((await parseCliOptions(['--dev', '--request-timeout', '5'], { WEBHOOK_SECRET })).requestTimeoutMs).toBe(
      5_000,
    );
    await expect(parseCliOptions(['--dev', '--request-timeout', '0'], { WEBHOOK_SECRET })).rejects.toThrow(
      /--request-timeout/,
    );
  });

  it('loads an authorize hook from --authorize', async () => {
    const module = join(await tempDir(), 'authorize.mjs');
    await writeFile(module, 'export default async (request) => ({ userId: request.headers.get("x-app-user") });\n');
    const options = await parseCliOptions(['--authorize', module], { WEBHOOK_SECRET });
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
        ...['--vault-rp-id', 'localhost', '--vault-origin', 'http://localhost:5173', '--dev'],
      ],
      {
        env: { ...process.env, WEBHOOK_SECRET, NODE_ENV: '', BACKUP_KIT_DEV: '', DATABASE_URL: '' },
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

  const runBin = async (argv: string[], env: Record<string, string>) => {
    const dir = await tempDir();
    const child = spawn(
      process.execPath,
      [builtBin, '--port', '0', '--data-dir', 'memory://', '--key-file', join(dir, 'k.json'), ...argv],
      {
        env: { ...process.env, WEBHOOK_SECRET, BACKUP_KIT_DEV: '', DATABASE_URL: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { code, stderr, stdout };
  };

  it.each(['production', 'Production', 'development', ''])(
    'refuses to start without --authorize or --dev, saying what to pass (NODE_ENV=%j)',
    async (nodeEnv) => {
      const { code, stderr, stdout } = await runBin([], { NODE_ENV: nodeEnv });
      expect(code).not.toBe(0);
      expect(stderr).toMatch(/pass --authorize .*or --dev/);
      expect(stdout).toBe('');
    },
  );

  it('refuses --dev on a host that is not loopback', async () => {
    const { code, stderr } = await runBin(['--dev', '--host', '0.0.0.0'], {});
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/refusing development mode on --host 0\.0\.0\.0/);
  });

  it('refuses a WEBHOOK_SECRET under 32 characters and says how to make one', async () => {
    const { code, stderr } = await runBin(['--dev'], { WEBHOOK_SECRET: 'change-me' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('openssl rand -hex 32');
    expect(stderr).not.toContain('change-me');
  });

  it('lists --dev and BACKUP_KIT_DEV in --help', async () => {
    const { code, stderr } = await runBin(['--help'], {});
    expect(code).toBe(0);
    expect(stderr).toContain('--dev');
    expect(stderr).toContain('BACKUP_KIT_DEV=1');
  });
});
