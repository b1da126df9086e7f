import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { type FileHandle, link, lstat, mkdir, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { KeyProvider, WrappedKey } from './key-provider.js';

const FORMAT = 'backup-kit-keys/1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const LOCAL_KEY_PREFIX = 'kek-';

interface KeyFile {
  format: typeof FORMAT;
  /** The key that wraps new data keys. */
  currentKeyId: string;
  /** Every key still needed to unwrap older rows, base64. */
  keys: Record<string, string>;
}

export interface LocalKeyFileProvider extends KeyProvider {
  readonly path: string;
  /** The key new data keys are wrapped under (follows a rotation by another process). */
  readonly currentKeyId: string;
}

/**
 * Key-encryption keys kept in a local JSON file, created with mode 0600 (in a 0700 folder) on
 * first use. Every instance sharing a database must read the same file (or use a KMS instead).
 * Refused, as ssh refuses a private key, when the file is a symbolic link, is not owned by the
 * user the server runs as, or others can read it, and when its folder is writable by others
 * (who could swap the file) or owned by anyone but that user or root.
 */
export async function loadLocalKeyFileProvider(path: string): Promise<LocalKeyFileProvider> {
  let loaded = await readOrCreateKeyFile(path);
  const keyOf = (keyId: string) => {
    const encoded = loaded.file.keys[keyId];
    return encoded === undefined ? undefined : Buffer.from(encoded, 'base64');
  };
  if (!keyOf(loaded.file.currentKeyId)) throw new Error(`key file ${path}: currentKeyId has no key`);

  // A rotation by another process (`backup-kit-server keys rotate`) replaces the file: notice
  // it before wrapping, so new rows go under the new key without a restart.
  const current = async () => {
    const info = await stat(path).catch(() => undefined);
    if (info && (info.ino !== loaded.ino || info.mtimeMs !== loaded.mtimeMs)) loaded = await readKeyFile(path);
    const keyId = loaded.file.currentKeyId;
    const kek = keyOf(keyId);
    if (!kek) throw new Error(`key file ${path}: currentKeyId has no key`);
    return { keyId, kek };
  };
  const wrapKey = async (dataKey: Uint8Array): Promise<WrappedKey> => {
    const { keyId, kek } = await current();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    // Bound to the key id only: the row itself is bound by the envelope's own AAD.
    cipher.setAAD(Buffer.from(keyId, 'utf8'));
    return { keyId, wrappedKey: Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]) };
  };
  const unwrapKey = async ({ keyId, wrappedKey }: WrappedKey) => {
    // Another process may have rotated the file since we read it: read it again once.
    if (!keyOf(keyId)) loaded = await readKeyFile(path);
    const kek = keyOf(keyId);
    if (!kek) throw new Error(`key file ${path} has no key "${keyId}"`);
    const bytes = Buffer.from(wrappedKey);
    const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  };

  return {
    path,
    get currentKeyId() {
      return loaded.file.currentKeyId;
    },
    wrapKey,
    unwrapKey,
    async rewrapKey(wrapped) {
      const dataKey = await unwrapKey(wrapped);
      try {
        return await wrapKey(dataKey);
      } finally {
        dataKey.fill(0);
      }
    },
    handles: (keyId) => keyId.startsWith(LOCAL_KEY_PREFIX),
  };
}

/**
 * Adds a new key and makes it current; older keys stay so existing rows still open. Running
 * servers wrap new data keys under it from their next write on; `keys rotate` then re-wraps the
 * stored ones.
 */
export async function rotateLocalKeyFile(path: string): Promise<string> {
  const { file } = await readKeyFile(path);
  const keyId = newKeyId();
  const next: KeyFile = { ...file, currentKeyId: keyId, keys: { ...file.keys, [keyId]: newKey() } };
  const temporary = temporaryPathFor(path);
  await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, path);
  return keyId;
}

interface LoadedKeyFile {
  file: KeyFile;
  ino: number;
  mtimeMs: number;
}

async function readOrCreateKeyFile(path: string): Promise<LoadedKeyFile> {
  try {
    return await readKeyFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // Never write a new key into a folder others could swap it out of.
  await checkFolder(path);
  const keyId = newKeyId();
  const file: KeyFile = { format: FORMAT, currentKeyId: keyId, keys: { [keyId]: newKey() } };
  // Written whole to a private temporary file, then linked into place: link fails if another
  // process created the file first, and nobody ever reads a half-written key file.
  const temporary = temporaryPathFor(path);
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  return readKeyFile(path);
}

const checksOwnership = process.platform !== 'win32';

async function checkFolder(path: string) {
  if (!checksOwnership) return;
  const folder = dirname(resolve(path));
  const info = await stat(folder);
  if ((info.mode & 0o022) !== 0) {
    throw new Error(`key file folder ${folder} is writable by other users; run: chmod go-w ${folder}`);
  }
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid && info.uid !== 0) {
    throw new Error(`key file folder ${folder} belongs to another user (uid ${info.uid}); the server runs as ${uid}`);
  }
}

async function readKeyFile(path: string): Promise<LoadedKeyFile> {
  // lstat first for a clear message; O_NOFOLLOW closes the race where the file is swapped for a
  // link between the check and the open.
  if ((await lstat(path)).isSymbolicLink()) {
    throw new Error(`key file ${path} is a symbolic link; point --key-file at the file itself`);
  }
  await checkFolder(path);
  let handle: FileHandle;
  try {
    handle = await open(path, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new Error(`key file ${path} is a symbolic link; point --key-file at the file itself`);
    }
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`key file ${path} is not a regular file`);
    if (checksOwnership) {
      if ((info.mode & 0o077) !== 0) {
        throw new Error(`key file ${path} is readable by other users; run: chmod 600 ${path}`);
      }
      const uid = process.getuid?.();
      if (uid !== undefined && info.uid !== uid) {
        throw new Error(`key file ${path} belongs to another user (uid ${info.uid}); the server runs as ${uid}`);
      }
    }
    let parsed: Partial<KeyFile>;
    try {
      parsed = JSON.parse(await handle.readFile('utf8')) as Partial<KeyFile>;
    } catch {
      // JSON.parse quotes the text it failed on, which here is key material: say less.
      throw new Error(`key file ${path} is not valid JSON`);
    }
    if (parsed.format !== FORMAT || typeof parsed.currentKeyId !== 'string' || typeof parsed.keys !== 'object') {
      throw new Error(`key file ${path} is not a ${FORMAT} file`);
    }
    return { file: parsed as KeyFile, ino: info.ino, mtimeMs: info.mtimeMs };
  } finally {
    await handle.close();
  }
}

// Unique per call: two loads in one process, in the same millisecond, must not collide.
const temporaryPathFor = (path: string) => `${path}.${randomBytes(6).toString('hex')}.tmp`;
const newKey = () => randomBytes(32).toString('base64');
const newKeyId = () => `${LOCAL_KEY_PREFIX}${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
