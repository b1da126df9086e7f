import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { KeyProvider, Logger } from '@backup-kit/server';
import type { EmulatorLogger } from './logger.js';

/** Backup Kit's passkey key vault (@backup-kit/server), served on the emulator's origin under `/vault/`. */
export interface EmulatorVaultOptions {
  /** RP IDs the vault runs ceremonies for; `['localhost']` for local development. */
  relyingParties: string[];
  /** The app origins the WebAuthn ceremonies run on (and may call the vault), e.g. `['http://localhost:5173']`. */
  allowedOrigins: string[];
  /**
   * Keep passkeys and keys across restarts: PGlite in `${dataDir}/pglite` and the vault's
   * key-encryption key in `${dataDir}/vault-keys.json` (mode 0600). Without it, everything is
   * in memory and gone when the emulator stops.
   */
  dataDir?: string;
  /** How long a ceremony stays open (the vault's default: 5 minutes). */
  challengeTtlMs?: number;
}

export const VAULT_PREFIX = '/vault';

export interface MountedVault {
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

/** A key-encryption key that lives in this process's memory only (the in-memory vault's). */
function memoryKeyProvider(): KeyProvider {
  const keyId = 'emulator-memory';
  const key = randomBytes(32);
  return {
    async wrapKey(dataKey) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
      return { keyId, wrappedKey: new Uint8Array(sealed) };
    },
    async unwrapKey({ keyId: id, wrappedKey }) {
      if (id !== keyId) throw new Error(`unknown key-encryption key ${id}`);
      const sealed = Buffer.from(wrappedKey);
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return new Uint8Array(
        Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]),
      );
    },
  };
}

/** The vault's (fields, message) logs as emulator lines; the vault redacts its fields itself. */
function vaultLogger(logger: EmulatorLogger): Logger {
  const line = (message: string, fields: Record<string, unknown>) =>
    `key vault: ${message}${Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ''}`;
  return {
    info: (fields, message) => logger.info(line(message, fields)),
    warn: (fields, message) => logger.warn(line(message, fields)),
    error: (fields, message) => logger.error(line(message, fields)),
  };
}

/**
 * Opens the vault's database (PGlite, migrated) and its router. @backup-kit/server is loaded
 * only here, so an emulator without a vault never loads PGlite. Rate limiting is off: every
 * local caller shares one address.
 */
export async function mountVault(options: EmulatorVaultOptions, logger: EmulatorLogger): Promise<MountedVault> {
  const server = await import('@backup-kit/server');
  const db = await server.openBackupDatabase(options.dataDir ? { dataDir: join(options.dataDir, 'pglite') } : {});
  try {
    const keyProvider = options.dataDir
      ? await server.loadLocalKeyFileProvider(join(options.dataDir, 'vault-keys.json'))
      : memoryKeyProvider();
    const router = server.createVaultRouter({
      db,
      relyingParties: options.relyingParties,
      allowedOrigins: options.allowedOrigins,
      keyProvider,
      rateLimit: false,
      logger: vaultLogger(logger),
      ...(options.challengeTtlMs === undefined ? {} : { challengeTtlMs: options.challengeTtlMs }),
    });
    return { handle: router.requestListener, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}
