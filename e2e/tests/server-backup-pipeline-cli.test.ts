import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type RunningEmulator } from '@backup-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/emulator.js';

// The built bin, as an operator runs it: `pnpm -r build` runs before the tests in scripts/test.sh.
const builtBin = fileURLToPath(new URL('../../packages/server/dist/bin.js', import.meta.url));

describe.skipIf(!existsSync(builtBin) && process.env.CI !== 'true')(
  'backup-kit-server pipeline run, built, against the emulator',
  () => {
    let emulator: RunningEmulator;
    let dir: string;

    beforeAll(async () => {
      emulator = await startEmulator({ port: 0, logger: { info: () => {}, warn: () => {}, error: () => {} } });
      dir = await mkdtemp(join(tmpdir(), 'backup-kit-pipeline-cli-'));
    });
    afterAll(async () => {
      await emulator?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    interface Run {
      code: number | null;
      stdout: string;
      stderr: string;
    }

    /** Runs the bin with a clean environment (no inherited DATABASE_URL or keys). */
    function bin(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<Run> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [builtBin, 'pipeline', ...args], {
          env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('error', reject);
        child.once('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(stdin);
      });
    }

    /** One user's run: its own database folder, key file and signing-shares file. */
    function user() {
      const id = `cli-${randomUUID().slice(0, 8)}`;
      const home = join(dir, id);
      return {
        id,
        apiKey: `pipeline-cli-${randomUUID()}`,
        sharesFile: join(home, 'signing-shares.json'),
        args: (urls: { mpc?: string; api?: string } = {}) => [
          'run',
          '--user',
          id,
          '--data-dir',
          join(home, 'db'),
          '--key-file',
          join(home, 'keys.json'),
          '--signing-shares',
          join(home, 'signing-shares.json'),
          '--mpc-url',
          urls.mpc ?? emulator.url,
          '--api-url',
          urls.api ?? emulator.url,
        ],
      };
    }

    const completedPairIds = (apiKey: string) =>
      client(emulator, apiKey)
        .wallets.flatMap((wallet) => wallet.backupSharePairs)
        .filter((pair) => pair.status === 'completed')
        .map((pair) => pair.id)
        .sort();

    it('backs up, verifies and marks a new wallet, keeps its signing shares, and prints no secret', async () => {
      const someone = user();
      const run = await bin(someone.args(), { PORTAL_CLIENT_API_KEY: someone.apiKey });
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(result).toEqual({
        userId: someone.id,
        backupSharePairIds: expect.any(Array),
        resumed: false,
        generated: true,
        status: 'STORED_CLIENT_BACKUP_SHARE',
      });
      expect([...(result.backupSharePairIds as string[])].sort()).toEqual(completedPairIds(someone.apiKey));

      // The new wallet's signing shares, for this user only.
      expect((await stat(someone.sharesFile)).mode & 0o777).toBe(0o600);
      const shares = JSON.parse(await readFile(someone.sharesFile, 'utf8')) as Record<string, { share: string }>;
      const output = run.stdout + run.stderr;
      for (const secret of [someone.apiKey, shares.SECP256K1!.share, shares.ED25519!.share]) {
        expect(output).not.toContain(secret);
      }
      expect(output).not.toContain('v1.');

      // Run again: done already, nothing new.
      const again = await bin(someone.args(), { PORTAL_CLIENT_API_KEY: someone.apiKey });
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ resumed: true, generated: false });
    });

    it('reads the API key from stdin, and backs up a wallet whose signing shares it is given', async () => {
      const first = user();
      expect((await bin(first.args(), { PORTAL_CLIENT_API_KEY: first.apiKey })).code).toBe(0);
      // Another user row, the same wallet (its shares file is read, nothing generated).
      const run = await bin(
        ['run', '--user', `${first.id}-again`, '--data-dir', join(dir, `${first.id}-again`), '--api-key-stdin'].concat([
          '--signing-shares',
          first.sharesFile,
          '--mpc-url',
          emulator.url,
          '--api-url',
          emulator.url,
          '--passkey',
        ]),
        {},
        `${first.apiKey}\n`,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ generated: false, status: 'STORED_CLIENT_BACKUP_SHARE_KEY' });
      expect(run.stdout + run.stderr).not.toContain(first.apiKey);
    });

    it('names the failed step and exits 1, and a second run resumes without a new backup', async () => {
      const someone = user();
      // Nothing listens on port 9 of loopback: marking the pairs fails.
      const failed = await bin(someone.args({ api: 'http://127.0.0.1:9' }), { PORTAL_CLIENT_API_KEY: someone.apiKey });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/failed at mark \(run it again to resume\)/);
      expect(failed.stdout).toBe('');
      expect(completedPairIds(someone.apiKey)).toEqual([]);
      const backups = client(emulator, someone.apiKey).wallets.flatMap((wallet) => wallet.backupSharePairs).length;

      const resumed = await bin(someone.args(), { PORTAL_CLIENT_API_KEY: someone.apiKey });
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(JSON.parse(resumed.stdout)).toMatchObject({ resumed: true });
      expect(client(emulator, someone.apiKey).wallets.flatMap((wallet) => wallet.backupSharePairs)).toHaveLength(
        backups,
      );
      expect(completedPairIds(someone.apiKey)).toHaveLength(2);
    });

    it('exits 3 when Portal refuses the API key, and 2 without a key or with one on the command line', async () => {
      const someone = user();
      // Portal's answer to a malformed key: 401, which running again cannot fix.
      const refusing = await bin(someone.args(), { PORTAL_CLIENT_API_KEY: 'not a key' });
      expect(refusing.code, refusing.stderr).toBe(3);
      expect(refusing.stderr).toMatch(/failed at generate/);

      const none = await bin(someone.args());
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/PORTAL_CLIENT_API_KEY/);
      const flagged = await bin([...someone.args(), '--api-key', someone.apiKey]);
      expect(flagged.code).toBe(2);
    });
  },
);
