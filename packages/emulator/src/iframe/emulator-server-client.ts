import type { ClientResponse } from '../protocol/client-response.js';
import {
  ApiPaths,
  type AddressResponse,
  type AnnounceMessageResponse,
  type ApiErrorResponse,
  type ClientBackupShareStoredRequest,
  type CreateBackupRequest,
  type CreateBackupResponse,
  type CreatePasskeyOperationRequest,
  type CreatePasskeyOperationResponse,
  type CreateWalletRequest,
  type DriveBackupKey,
  type RecoverWalletRequest,
  type SetBackupStatusRequest,
  type StoredClientBackupShareResponse,
} from '../protocol/emulator-api.js';
import type { MessageDetails } from '../protocol/message-details.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import type { SdkRequestType } from '../protocol/sdk-message-types.js';

/** The iframe's calls to the emulator server it was served from (same origin). */
export class EmulatorServerClient {
  constructor(private readonly apiKey: () => string | null) {}

  private async request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    const apiKey = this.apiKey();
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

  /** Sent even before configure gave an apiKey, so every message is logged and can take a fault. */
  announce(type: SdkRequestType, details: MessageDetails): Promise<AnnounceMessageResponse> {
    return this.request('POST', ApiPaths.messages, { type, details });
  }

  getClient(): Promise<ClientResponse> {
    return this.request('GET', ApiPaths.client);
  }

  createWallet(request: CreateWalletRequest): Promise<AddressResponse> {
    return this.request('POST', ApiPaths.wallets, request);
  }

  createBackup(request: CreateBackupRequest): Promise<CreateBackupResponse> {
    return this.request('POST', ApiPaths.backups, request);
  }

  setBackupStatus(request: SetBackupStatusRequest): Promise<unknown> {
    return this.request('POST', ApiPaths.backupSharePairStatus, request);
  }

  clientBackupShareStored(request: ClientBackupShareStoredRequest): Promise<unknown> {
    return this.request('POST', ApiPaths.clientBackupShareStored, request);
  }

  recoverWallet(request: RecoverWalletRequest): Promise<AddressResponse> {
    return this.request('POST', ApiPaths.recoveries, request);
  }

  /** Portal-managed backups: the cipherText Portal keeps for a method. */
  readStoredClientBackupShare(backupMethod: string): Promise<StoredClientBackupShareResponse> {
    return this.request('GET', `${ApiPaths.clientBackupSharePrefix}${encodeURIComponent(backupMethod)}`);
  }

  createPasskeyOperation(request: CreatePasskeyOperationRequest): Promise<CreatePasskeyOperationResponse> {
    return this.request('POST', ApiPaths.passkeyOperations, request);
  }

  writeDriveBackupKey(keyId: string, key: DriveBackupKey): Promise<unknown> {
    return this.request('PUT', `${ApiPaths.driveBackupKeyPrefix}${keyId}`, key);
  }

  readDriveBackupKey(keyId: string): Promise<DriveBackupKey> {
    return this.request('GET', `${ApiPaths.driveBackupKeyPrefix}${encodeURIComponent(keyId)}`);
  }
}
