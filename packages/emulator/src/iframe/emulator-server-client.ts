import type { ClientResponse } from '../protocol/client-response.js';
import {
  ApiPaths,
  type AddressResponse,
  type AnnounceMessageResponse,
  type ApiErrorResponse,
  type ClientBackupShareStoredReport,
  type CreateBackupRequest,
  type CreateBackupResponse,
  type CreatePasskeyOperationRequest,
  type CreatePasskeyOperationResponse,
  type CreateWalletRequest,
  type DriveBackupKey,
  type EjectRequest,
  type EjectResponse,
  type RecoverWalletRequest,
  type SetBackupStatusRequest,
  type KeptClientBackupShareResponse,
} from '../protocol/emulator-api.js';
import type { MessageDetails } from '../protocol/message-details.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import type { SdkRequestType } from '../protocol/sdk-message-types.js';

/** The iframe's calls to the emulator server it was served from (same origin). */
export type EmulatorServerClient = ReturnType<typeof createEmulatorServerClient>;

export function createEmulatorServerClient(apiKeyOf: () => string | null) {
  async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    const apiKey = apiKeyOf();
    const headers: Record<string, string> = {};
    if (apiKey !== null) headers.authorization = `Bearer ${apiKey}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch {
      throw new PortalProtocolError(
        ErrorCodes.Unknown,
        'Cannot reach the Backup Kit emulator server: is it still running?',
      );
    }
    const payload = (await response.json().catch(() => null)) as (T & Partial<ApiErrorResponse>) | null;
    if (!response.ok || payload === null) {
      const error = payload?.error;
      throw new PortalProtocolError(
        error?.code ?? ErrorCodes.Unknown,
        error?.message ?? `The emulator server answered HTTP ${response.status}`,
      );
    }
    return payload;
  }

  return {
    /** Sent even before configure gave an apiKey, so every message is logged and can take a fault. */
    announce(type: SdkRequestType, details: MessageDetails): Promise<AnnounceMessageResponse> {
      return request('POST', ApiPaths.messages, { type, details });
    },

    getClient(): Promise<ClientResponse> {
      return request('GET', ApiPaths.client);
    },

    createWallet(body: CreateWalletRequest): Promise<AddressResponse> {
      return request('POST', ApiPaths.wallets, body);
    },

    createBackup(body: CreateBackupRequest): Promise<CreateBackupResponse> {
      return request('POST', ApiPaths.backups, body);
    },

    setBackupStatus(body: SetBackupStatusRequest): Promise<unknown> {
      return request('POST', ApiPaths.backupSharePairStatus, body);
    },

    reportClientBackupShareStored(report: ClientBackupShareStoredReport): Promise<unknown> {
      return request('POST', ApiPaths.clientBackupShareStored, report);
    },

    recoverWallet(body: RecoverWalletRequest): Promise<AddressResponse> {
      return request('POST', ApiPaths.recoveries, body);
    },

    eject(body: EjectRequest): Promise<EjectResponse> {
      return request('POST', ApiPaths.ejections, body);
    },

    /** Portal-managed backups: the cipherText Portal keeps for a method. */
    readKeptClientBackupShare(backupMethod: string): Promise<KeptClientBackupShareResponse> {
      return request('GET', `${ApiPaths.keptClientBackupSharePrefix}${encodeURIComponent(backupMethod)}`);
    },

    createPasskeyOperation(body: CreatePasskeyOperationRequest): Promise<CreatePasskeyOperationResponse> {
      return request('POST', ApiPaths.passkeyOperations, body);
    },

    writeDriveBackupKey(keyId: string, key: DriveBackupKey): Promise<unknown> {
      return request('PUT', `${ApiPaths.driveBackupKeyPrefix}${keyId}`, key);
    },

    readDriveBackupKey(keyId: string): Promise<DriveBackupKey> {
      return request('GET', `${ApiPaths.driveBackupKeyPrefix}${encodeURIComponent(keyId)}`);
    },
  };
}
