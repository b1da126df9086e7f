import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createSecretMatcher } from '../src/crypto/constant-time.js';
import { openEnvelope, sealEnvelope } from '../src/crypto/envelope.js';
import { lazyKeyProvider } from '../src/crypto/lazy-key-provider.js';
import { loadLocalKeyFileProvider, rotateLocalKeyFile } from '../src/crypto/local-key-file-provider.js';
import { defaultKeyFile, refuseKeyFileInside, refuseLegacyKeyFile } from '../src/crypto/default-key-file.js';
import { tempDir } from './support/test-server.js';

const keyFileIn = async () => join(await tempDir(), 'nested', 'keys.json');

describe('createSecretMatcher', () => {
  const matches = createSecretMatcher('the-right-secret');

  it('accepts only the exact secret', () => {
    expect(matches('the-right-secret')).toBe(true);
    expect(matches('the-right-secreT')).toBe(false);
    expect(matches('the-right-secret ')).toBe(false);
    expect(matches('')).toBe(false);
    expect(matches(undefined)).toBe(false);
    expect(matches(null)).toBe(false);
  });
});

describe('envelope encryption', () => {
  it('opens what it sealed, with the same context', async () => {
    const keys = await loadLocalKeyFileProvider(await keyFileIn());
    const envelope = await sealEnvelope('a custodian share ✓', 'ctx', keys);
    expect(envelope.kekId).toBe(keys.currentKeyId);
    expect(await openEnvelope(envelope, 'ctx', keys)).toBe('a custodian share ✓');
  });

  it('refuses a tampered ciphertext and a different context', async () => {
    const keys = await loadLocalKeyFileProvider(await keyFileIn());
    const envelope = await sealEnvelope('share', 'client-a', keys);
    const tampered = { ...envelope, sealed: Buffer.from(envelope.sealed) };
    tampered.sealed[0] = (tampered.sealed[0] ?? 0) ^ 1;
    await expect(openEnvelope(tampered, 'client-a', keys)).rejects.toThrow();
    await expect(openEnvelope(envelope, 'client-b', keys)).rejects.toThrow();
  });

  it('cannot be opened with another key file', async () => {
    const mine = await loadLocalKeyFileProvider(await keyFileIn());
    const theirs = await loadLocalKeyFileProvider(await keyFileIn());
    const envelope = await sealEnvelope('share', 'ctx', mine);
    await expect(openEnvelope(envelope, 'ctx', theirs)).rejects.toThrow(/has no key/);
  });
});

describe('the local key file', () => {
  it('is created on first use, readable by its owner only', async () => {
    const path = await keyFileIn();
    const keys = await loadLocalKeyFileProvider(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(path, '..'))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(path, 'utf8')).currentKeyId).toBe(keys.currentKeyId);
  });

  it('is created once when several loads race, so every instance holds the same key', async () => {
    const path = await keyFileIn();
    const loaded = await Promise.all(Array.from({ length: 8 }, () => loadLocalKeyFileProvider(path)));
    expect(new Set(loaded.map((keys) => keys.currentKeyId)).size).toBe(1);
    const envelope = await sealEnvelope('share', 'ctx', loaded[0]!);
    expect(await openEnvelope(envelope, 'ctx', loaded[7]!)).toBe('share');
  });

  it('is refused when other users can read it', async () => {
    const path = await keyFileIn();
    await loadLocalKeyFileProvider(path);
    await chmod(path, 0o644);
    await expect(loadLocalKeyFileProvider(path)).rejects.toThrow(/readable by other users.*chmod 600/);
  });

  it('is refused when it is a symbolic link, even to a good key file', async () => {
    const real = await keyFileIn();
    await loadLocalKeyFileProvider(real);
    const linked = join(real, '..', 'linked.json');
    await symlink(real, linked);
    await expect(loadLocalKeyFileProvider(linked)).rejects.toThrow(/is a symbolic link/);
  });

  it('is refused, and none is created, in a folder others can write to', async () => {
    const folder = join(await tempDir(), 'shared');
    await mkdir(folder);
    await chmod(folder, 0o777);
    const path = join(folder, 'keys.json');
    await expect(loadLocalKeyFileProvider(path)).rejects.toThrow(/writable by other users; run: chmod go-w/);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    await chmod(folder, 0o775);
    await expect(loadLocalKeyFileProvider(path)).rejects.toThrow(/writable by other users/);
    await chmod(folder, 0o755);
    await expect(loadLocalKeyFileProvider(path)).resolves.toMatchObject({ path });
  });

  it('is refused once its folder becomes writable by others', async () => {
    const path = await keyFileIn();
    await loadLocalKeyFileProvider(path);
    await chmod(join(path, '..'), 0o770);
    await expect(loadLocalKeyFileProvider(path)).rejects.toThrow(/key file folder .* is writable by other users/);
  });

  it.skipIf(process.getuid?.() !== 0)('is refused when another user owns it or its folder', async () => {
    const { chown } = await import('node:fs/promises');
    const path = await keyFileIn();
    await loadLocalKeyFileProvider(path);
    await chown(path, 1234, 1234);
    await expect(loadLocalKeyFileProvider(path)).rejects.toThrow(/belongs to another user \(uid 1234\)/);
    await chown(path, 0, 0);
    await chown(join(path, '..'), 1234, 1234);
    await expect(loadLocalKeyFileProvider(path)).rejects.toThrow(/folder .* belongs to another user/);
  });

  it('is refused when damaged, without quoting its contents', async () => {
    const path = await keyFileIn();
    await loadLocalKeyFileProvider(path);
    const secretish = randomBytes(16).toString('hex');
    await writeFile(path, `{"keys": "${secretish}`, { mode: 0o600 });
    const error = await loadLocalKeyFileProvider(path).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/not valid JSON/);
    expect((error as Error).message).not.toContain(secretish);
  });

  it('rotates: new data keys are wrapped by the new key, older envelopes still open', async () => {
    const path = await keyFileIn();
    const before = await loadLocalKeyFileProvider(path);
    const old = await sealEnvelope('old share', 'ctx', before);

    const newKeyId = await rotateLocalKeyFile(path);
    const after = await loadLocalKeyFileProvider(path);
    expect(after.currentKeyId).toBe(newKeyId);
    expect(newKeyId).not.toBe(before.currentKeyId);
    const fresh = await sealEnvelope('new share', 'ctx', after);
    expect(fresh.kekId).toBe(newKeyId);
    expect(await openEnvelope(old, 'ctx', after)).toBe('old share');
    // An instance still holding the old file picks the rotated key up when it meets it...
    expect(await openEnvelope(fresh, 'ctx', before)).toBe('new share');
    // ...and wraps new data keys under it from its next write, without a restart.
    expect((await sealEnvelope('later share', 'ctx', before)).kekId).toBe(newKeyId);
    expect(before.currentKeyId).toBe(newKeyId);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

describe('lazyKeyProvider', () => {
  it('loads once for concurrent first uses', async () => {
    const path = await keyFileIn();
    const load = vi.fn(() => loadLocalKeyFileProvider(path));
    const keys = lazyKeyProvider(load);
    const envelopes = await Promise.all([1, 2, 3].map((n) => sealEnvelope(`share ${n}`, 'ctx', keys)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(await openEnvelope(envelopes[2]!, 'ctx', keys)).toBe('share 3');
  });

  it('tries loading again after a failure instead of failing forever', async () => {
    const path = await keyFileIn();
    const load = vi
      .fn<() => ReturnType<typeof loadLocalKeyFileProvider>>()
      .mockRejectedValueOnce(new Error('key file not mounted yet'))
      .mockImplementation(() => loadLocalKeyFileProvider(path));
    const keys = lazyKeyProvider(load);
    await expect(sealEnvelope('share', 'ctx', keys)).rejects.toThrow('not mounted yet');
    await expect(sealEnvelope('share', 'ctx', keys)).resolves.toMatchObject({ kekId: expect.stringMatching(/^kek-/) });
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('where the key file lives by default', () => {
  it('is the configuration folder, outside any data folder', () => {
    expect(defaultKeyFile({ XDG_CONFIG_HOME: '/etc/xdg-home' })).toBe('/etc/xdg-home/backup-kit/keys.json');
    expect(defaultKeyFile({ HOME: '/home/ops' })).toMatch(/\.config\/backup-kit\/keys\.json$/);
  });

  it('refuses to start beside a key left at the old default place, saying how to move it', async () => {
    const cwd = await tempDir();
    refuseLegacyKeyFile('/cfg/backup-kit/keys.json', cwd); // nothing there: fine
    await mkdir(join(cwd, '.data'));
    await writeFile(join(cwd, '.data', 'backup-kit-keys.json'), '{}', { mode: 0o600 });
    expect(() => refuseLegacyKeyFile('/cfg/backup-kit/keys.json', cwd)).toThrow(
      /old default place .*\.data\/backup-kit-keys\.json.*mv ".*\.data\/backup-kit-keys\.json" "\/cfg\/backup-kit\/keys\.json".*--key-file \.data\/backup-kit-keys\.json/,
    );
  });

  it('refuses a key file inside the PGlite data folder', () => {
    expect(() => refuseKeyFileInside('/srv/data/pg/keys.json', '/srv/data/pg')).toThrow(/inside the data folder/);
    expect(() => refuseKeyFileInside('/srv/data/keys.json', '/srv/data/pg')).not.toThrow();
    expect(() => refuseKeyFileInside('/srv/data/pg-keys.json', '/srv/data/pg')).not.toThrow();
    expect(() => refuseKeyFileInside('/srv/keys.json', 'memory://')).not.toThrow();
  });
});
