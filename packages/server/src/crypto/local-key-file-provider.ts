import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyProvider, WrappedKey } from './key-provider.js';

const FORMAT = 'backup-kit-keys/1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface KeyFile {
  format: typeof FORMAT;
  /** The key that wraps new data keys. */
  currentKeyId: string;
  /** Every key still needed to unwrap older rows, base64. */
  keys: Record<string, string>;
}

export interface LocalKeyFileProvider extends KeyProvider {
  readonly path: string;
  readonly currentKeyId: string;
}

/**
 * Key-encryption keys kept in a local JSON file, created with mode 0600 on first use. Every
 * instance sharing a database must read the same file (or use a KMS provider instead).
 * A file that others can read is refused, as ssh does with private keys.
 */
export async function loadLocalKeyFileProvider(path: string): Promise<LocalKeyFileProvider> {
  let file = await readOrCreateKeyFile(path);
  const keyOf = (keyId: string) => {
    const encoded = file.keys[keyId];
    return encoded === undefined ? undefined : Buffer.from(encoded, 'base64');
  };
  const current = keyOf(file.currentKeyId);
  if (!current) throw new Error(`key file ${path}: currentKeyId has no key`);
  const currentKeyId = file.currentKeyId;

  return {
    path,
    currentKeyId,
    async wrapKey(dataKey) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(currentKeyId, 'utf8'));
      const wrappedKey = Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
      return { keyId: currentKeyId, wrappedKey };
    },
    async unwrapKey({ keyId, wrappedKey }: WrappedKey) {
      // Another process may have rotated the file since we read it: read it again once.
      if (!keyOf(keyId)) file = await readKeyFile(path);
      const kek = keyOf(keyId);
      if (!kek) throw new Error(`key file ${path} has no key "${keyId}"`);
      const bytes = Buffer.from(wrappedKey);
      const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(keyId, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    },
  };
}

/**
 * Adds a new key and makes it current; older keys stay so existing rows still open. Running
 * servers pick the new key for writing when they restart.
 */
export async function rotateLocalKeyFile(path: string): Promise<string> {
  const file = await readKeyFile(path);
  const keyId = newKeyId();
  const next: KeyFile = { ...file, currentKeyId: keyId, keys: { ...file.keys, [keyId]: newKey() } };
  const temporary = temporaryPathFor(path);
  await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, path);
  return keyId;
}

async function readOrCreateKeyFile(path: string): Promise<KeyFile> {
  try {
    return await readKeyFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const keyId = newKeyId();
  const file: KeyFile = { format: FORMAT, currentKeyId: keyId, keys: { [keyId]: newKey() } };
  // Written whole to a private temporary file, then linked into place: link fails if another
  // process created the file first, and nobody ever reads a half-written key file.
  const temporary = temporaryPathFor(path);
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return file;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(path);
  } finally {
    await unlink(temporary);
  }
}

async function readKeyFile(path: string): Promise<KeyFile> {
  const info = await stat(path);
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new Error(`key file ${path} is readable by other users; run: chmod 600 ${path}`);
  }
  let parsed: Partial<KeyFile>;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<KeyFile>;
  } catch {
    // JSON.parse quotes the text it failed on, which here is key material: say less.
    throw new Error(`key file ${path} is not valid JSON`);
  }
  if (parsed.format !== FORMAT || typeof parsed.currentKeyId !== 'string' || typeof parsed.keys !== 'object') {
    throw new Error(`key file ${path} is not a ${FORMAT} file`);
  }
  return parsed as KeyFile;
}

// Unique per call: two loads in one process, in the same millisecond, must not collide.
const temporaryPathFor = (path: string) => `${path}.${randomBytes(6).toString('hex')}.tmp`;
const newKey = () => randomBytes(32).toString('base64');
const newKeyId = () => `kek-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
