import type { AnnounceMessageRequest, AnnounceMessageResponse } from '../protocol/emulator-api.js';
import type { FaultSpec } from '../protocol/faults.js';
import { describeMessage } from '../protocol/message-details.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import { isSdkRequestType, messageKindOf } from '../protocol/sdk-message-types.js';
import { ClientRegistry } from './client-registry.js';
import type { CustodianBackupShareStore } from './custodian-backup-share-store.js';
import { FaultQueue } from './fault-queue.js';
import { HttpError } from './http-json.js';
import { now } from './ids.js';
import { MessageLog } from './message-log.js';
import { PasskeyCeremonies } from './passkey-ceremonies.js';
import { clientSnapshot, type EmulatorStateSnapshot } from './snapshot.js';
import { WalletService, type WalletServiceOptions } from './wallet-service.js';

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
export class EmulatorCore implements EmulatorControl {
  readonly clients = new ClientRegistry();
  readonly log = new MessageLog();
  readonly faults = new FaultQueue();
  readonly wallets: WalletService;
  readonly passkeys: PasskeyCeremonies;

  constructor(
    readonly custodian: CustodianBackupShareStore,
    options: EmulatorCoreOptions = {},
  ) {
    this.wallets = new WalletService(custodian, options);
    this.passkeys = new PasskeyCeremonies(
      options.passkeyPopupTimeoutMs === undefined
        ? {}
        : { popupTimeoutMs: checkedTimeout(options.passkeyPopupTimeoutMs) },
    );
  }

  /** Every message the iframe receives is logged (allowlisted fields only) and may take a fault. */
  announce(apiKey: string | null, request: AnnounceMessageRequest): AnnounceMessageResponse {
    if (!isSdkRequestType(request?.type)) throw new PortalProtocolError(ErrorCodes.BadRequest, 'Unknown message type');
    const client = apiKey === null ? null : this.clients.getOrCreate(apiKey);
    this.log.append({
      at: now(),
      clientId: client?.id ?? null,
      apiKey,
      type: request.type,
      details: describeMessage(request.type, request.details),
    });
    return { clientId: client?.id ?? null, fault: this.faults.take(messageKindOf(request.type), apiKey) };
  }

  reset(): void {
    this.clients.clear();
    this.log.clear();
    this.faults.clear();
    this.custodian.clear();
    this.passkeys.clear();
  }

  state(): EmulatorStateSnapshot {
    return {
      custodian: this.custodian.location,
      backupWithPortalEnabled: this.wallets.portalManagedBackups,
      clients: this.clients.all().map((client) => clientSnapshot(client, this.passkeys.snapshotOf(client))),
      passkeys: { popupTimeoutMs: this.passkeys.popupTimeoutMs, pendingOperations: this.passkeys.pendingOperations() },
      pendingFaults: this.faults.list(),
      log: this.log.list(),
    };
  }

  injectFault(spec: FaultSpec): { id: string } {
    return { id: this.faults.add(spec).id };
  }

  clearFaults(): void {
    this.faults.clear();
  }

  configurePasskeys(settings: PasskeySettings): void {
    if (typeof settings !== 'object' || settings === null)
      throw new HttpError(400, 'Passkey settings must be an object');
    if (settings.popupTimeoutMs !== undefined) this.passkeys.popupTimeoutMs = checkedTimeout(settings.popupTimeoutMs);
  }
}

function checkedTimeout(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 1 || ms > 3_600_000) {
    throw new HttpError(400, 'popupTimeoutMs must be a whole number of milliseconds between 1 and 3,600,000');
  }
  return ms;
}
