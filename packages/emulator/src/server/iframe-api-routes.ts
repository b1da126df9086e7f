import type { IncomingMessage, ServerResponse } from 'node:http';
import { base64 } from '@scure/base';
import { RANDOM_KEY_BYTES } from '../crypto/backup-encryption.js';
import {
  ApiPaths,
  type AnnounceMessageRequest,
  type ClientBackupShareStoredReport,
  type CreateBackupRequest,
  type CreatePasskeyOperationRequest,
  type CreateWalletRequest,
  type DriveBackupKey,
  type EjectRequest,
  type RecoverWalletRequest,
  type SetBackupStatusRequest,
} from '../protocol/emulator-api.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import type { EmulatorCore } from './emulator-core.js';
import { HttpError, readJsonBody, sendJson } from './http-json.js';
import type { EmulatorLogger } from './logger.js';
import { handlePasskeyCeremonyRequest, isPasskeyCeremonyPath } from './passkey-api-routes.js';
import { BackupMethods } from '../protocol/backup-methods.js';

export const API_PREFIX = '/api/v1/';

function apiKeyOf(request: IncomingMessage): string | null {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** The host the browser reached the emulator at, e.g. 'localhost:5190' (the iframe's own host). */
function emulatorHostOf(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  if (!/^(localhost|127\.0\.0\.1|\[::1\]):\d{1,5}$/.test(host)) throw new HttpError(400, 'Unexpected Host header');
  return host;
}

function driveKeyIdOf(path: string): string | null {
  if (!path.startsWith(ApiPaths.driveBackupKeyPrefix)) return null;
  const keyId = path.slice(ApiPaths.driveBackupKeyPrefix.length);
  return /^[A-Za-z0-9_-]{1,100}$/.test(keyId) ? keyId : null;
}

/**
 * The API the emulator's iframe page calls (same origin, no CORS). Each route is one step of
 * a Portal operation; the logger gets the operation and the client id, never a body.
 */
export async function handleIframeApiRequest(
  core: EmulatorCore,
  logger: EmulatorLogger,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const apiKey = apiKeyOf(request);
  const method = request.method ?? 'GET';

  if (method === 'POST' && path === ApiPaths.messages) {
    const body = (await readJsonBody(request)) as AnnounceMessageRequest;
    const announced = core.announce(apiKey, body);
    logger.info(
      `${body.type} from ${announced.clientId ?? 'an unconfigured Portal'}${announced.fault ? ` (fault: ${announced.fault.effect})` : ''}`,
    );
    return sendJson(response, 200, announced);
  }

  if (method === 'POST' && isPasskeyCeremonyPath(path)) {
    return handlePasskeyCeremonyRequest(core, logger, request, response, path);
  }

  if (apiKey === null) {
    const message = 'Missing apiKey: the emulator identifies clients by the apiKey given to new Portal()';
    throw new PortalProtocolError(ErrorCodes.InvalidApiKey, message);
  }
  const client = core.clients.getOrCreate(apiKey);

  if (method === 'GET' && path === ApiPaths.client) return sendJson(response, 200, core.wallets.clientResponse(client));
  if (method === 'POST' && path === ApiPaths.wallets) {
    return sendJson(
      response,
      201,
      core.wallets.createWallet(client, (await readJsonBody(request)) as CreateWalletRequest),
    );
  }
  if (method === 'POST' && path === ApiPaths.backups) {
    const body = (await readJsonBody(request)) as CreateBackupRequest;
    // PASSKEY: only after a verified passkey authentication took the key; the key becomes the
    // client's only once the backup itself is made, so a failed backup keeps the previous one.
    const commitPasskey =
      body?.backupMethod === BackupMethods.passkey
        ? core.passkeys.takeAuthenticatedBackup(client, body.passkeyOperationId)
        : null;
    const created = await core.wallets.createBackup(client, body);
    commitPasskey?.();
    return sendJson(response, 201, created);
  }
  if (method === 'POST' && path === ApiPaths.passkeyOperations) {
    const body = (await readJsonBody(request)) as CreatePasskeyOperationRequest;
    const created = core.passkeys.createOperation(client, body, emulatorHostOf(request));
    logger.info(`passkey ${body.kind} for ${client.id} waits for the passkey window`);
    return sendJson(response, 201, created);
  }
  if (method === 'POST' && path === ApiPaths.backupSharePairStatus) {
    core.wallets.setBackupStatus(client, (await readJsonBody(request)) as SetBackupStatusRequest);
    return sendJson(response, 200, { ok: true });
  }
  if (method === 'POST' && path === ApiPaths.clientBackupShareStored) {
    core.wallets.reportClientBackupShareStored(client, (await readJsonBody(request)) as ClientBackupShareStoredReport);
    return sendJson(response, 200, { ok: true });
  }
  if (method === 'POST' && path === ApiPaths.recoveries) {
    return sendJson(
      response,
      200,
      await core.wallets.recoverWallet(client, (await readJsonBody(request)) as RecoverWalletRequest),
    );
  }

  if (method === 'POST' && path === ApiPaths.ejections) {
    const ejected = await core.wallets.eject(client, (await readJsonBody(request)) as EjectRequest);
    logger.info(`eject for ${client.id}: the wallet's private keys were exported`);
    return sendJson(response, 200, ejected);
  }

  if (method === 'GET' && path.startsWith(ApiPaths.keptClientBackupSharePrefix)) {
    const backupMethod = path.slice(ApiPaths.keptClientBackupSharePrefix.length);
    return sendJson(response, 200, core.wallets.keptClientBackupShare(client, backupMethod));
  }

  const keyId = driveKeyIdOf(path);
  if (keyId !== null && method === 'PUT') {
    const { key } = (await readJsonBody(request)) as Partial<DriveBackupKey>;
    const bytes = typeof key === 'string' ? base64.decode(key) : new Uint8Array();
    if (bytes.length !== RANDOM_KEY_BYTES) throw new HttpError(400, 'A backup key must be 32 bytes of base64');
    client.driveFiles.set(keyId, Uint8Array.from(bytes));
    return sendJson(response, 201, { ok: true });
  }
  if (keyId !== null && method === 'GET') {
    const key = client.driveFiles.get(keyId);
    if (!key) {
      throw new PortalProtocolError(
        ErrorCodes.FailedToDecryptCipher,
        "Failed to decrypt the client backup share: its key is not in this client's Google Drive",
      );
    }
    return sendJson(response, 200, { key: base64.encode(key) } satisfies DriveBackupKey);
  }

  throw new HttpError(404, `No API route ${method} ${path}`);
}
