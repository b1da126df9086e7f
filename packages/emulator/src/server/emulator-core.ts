import type { AnnounceMessageRequest, AnnounceMessageResponse } from '../protocol/emulator-api.js';
import type { FaultSpec } from '../protocol/faults.js';
import { describeMessage } from '../protocol/message-details.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import { isSdkRequestType, messageKindOf } from '../protocol/sdk-message-types.js';
import { createClientRegistry, type ClientRegistry } from './client-registry.js';
import { createEnclaveWallets, type EnclaveWallets } from './enclave-wallets.js';
import type { CustodianBackupShareStore } from './custodian-backup-share-store.js';
import { createFaultQueue, type FaultQueue } from './fault-queue.js';
import { HttpError } from './http-json.js';
import { now } from './ids.js';
import { createMessageLog, type MessageLog } from './message-log.js';
import { createPasskeyCeremonies, type PasskeyCeremonies } from './passkey-ceremonies.js';
import { clientSnapshot, type EmulatorStateSnapshot } from './snapshot.js';
import { createWalletService, type WalletService, type WalletServiceOptions } from './wallet-service.js';

/** What tests drive the emulator with; the same operations are served under `/_emulator/*`. */
export interface EmulatorControl {
  /** Forgets every client, wallet, share, fault and log entry. */
  reset(): void;
  state(): EmulatorStateSnapshot;
  /** Affects the next matching call(s); see FaultSpec. Throws on an invalid spec. */
  injectFault(spec: FaultSpec): { id: string };
  clearFaults(): void;
  /** Passkey backups through the SDK: e.g. a short `popupTimeoutMs` for a test of the missing popup. */
  configurePasskeys(settings: PasskeySettings): void;
}

export interface PasskeySettings {
  /** How long the iframe waits for the passkey window to say hello (default 30 s). */
  popupTimeoutMs?: number;
}

export interface EmulatorCoreOptions extends WalletServiceOptions {
  passkeyPopupTimeoutMs?: number;
}

/** All of the emulator's state, behind the iframe API and the control API. */
export interface EmulatorCore extends EmulatorControl {
  readonly custodian: CustodianBackupShareStore;
  readonly clients: ClientRegistry;
  readonly log: MessageLog;
  readonly faults: FaultQueue;
  readonly wallets: WalletService;
  readonly passkeys: PasskeyCeremonies;
  /** Portal's server-side APIs (Enclave MPC and backup share pairs) over the same wallets. */
  readonly enclave: EnclaveWallets;
  /** Every message the iframe receives is logged (allowlisted fields only) and may take a fault. */
  announce(apiKey: string | null, request: AnnounceMessageRequest): AnnounceMessageResponse;
}

export function createEmulatorCore(
  custodian: CustodianBackupShareStore,
  options: EmulatorCoreOptions = {},
): EmulatorCore {
  const clients = createClientRegistry();
  const log = createMessageLog();
  const faults = createFaultQueue();
  const wallets = createWalletService(custodian, options);
  const passkeys = createPasskeyCeremonies(
    options.passkeyPopupTimeoutMs === undefined
      ? {}
      : { popupTimeoutMs: checkedTimeout(options.passkeyPopupTimeoutMs) },
  );

  return {
    custodian,
    clients,
    log,
    faults,
    wallets,
    passkeys,
    enclave: createEnclaveWallets(wallets),
    announce(apiKey, request) {
      if (!isSdkRequestType(request?.type))
        throw new PortalProtocolError(ErrorCodes.BadRequest, 'Unknown message type');
      const client = apiKey === null ? null : clients.getOrCreate(apiKey);
      log.append({
        at: now(),
        clientId: client?.id ?? null,
        apiKey,
        type: request.type,
        details: describeMessage(request.type, request.details),
      });
      return { clientId: client?.id ?? null, fault: faults.take(messageKindOf(request.type), apiKey) };
    },
    reset() {
      clients.clear();
      log.clear();
      faults.clear();
      custodian.clear();
      passkeys.clear();
    },
    state() {
      return {
        custodian: custodian.location,
        backupWithPortalEnabled: wallets.portalManagedBackups,
        clients: clients.all().map((client) => clientSnapshot(client, passkeys.snapshotOf(client))),
        passkeys: { popupTimeoutMs: passkeys.popupTimeoutMs, pendingOperations: passkeys.pendingOperations() },
        pendingFaults: faults.list(),
        log: log.list(),
      };
    },
    injectFault: (spec) => ({ id: faults.add(spec).id }),
    clearFaults: () => faults.clear(),
    configurePasskeys(settings) {
      if (typeof settings !== 'object' || settings === null)
        throw new HttpError(400, 'Passkey settings must be an object');
      if (settings.popupTimeoutMs !== undefined) passkeys.popupTimeoutMs = checkedTimeout(settings.popupTimeoutMs);
    },
  };
}

function checkedTimeout(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 1 || ms > 3_600_000) {
    throw new HttpError(400, 'popupTimeoutMs must be a whole number of milliseconds between 1 and 3,600,000');
  }
  return ms;
}
