import type { AnnounceMessageRequest, AnnounceMessageResponse } from '../protocol/emulatorApi.js';
import type { FaultSpec } from '../protocol/faults.js';
import { describeMessage } from '../protocol/messageDetails.js';
import { PortalProtocolError } from '../protocol/portalError.js';
import { ErrorCodes } from '../protocol/portalErrorCodes.js';
import { isSdkRequestType, messageKindOf } from '../protocol/sdkMessageTypes.js';
import { ClientRegistry } from './clientRegistry.js';
import type { CustodianBackupShareStore } from './custodianBackupShareStore.js';
import { FaultQueue } from './faultQueue.js';
import { now } from './ids.js';
import { MessageLog } from './messageLog.js';
import { clientSnapshot, type EmulatorStateSnapshot } from './snapshot.js';
import { WalletService, type WalletServiceOptions } from './walletService.js';

/** What tests drive the emulator with; the same operations are served under `/_emulator/*`. */
export interface EmulatorControl {
  /** Forgets every client, wallet, share, fault and log entry. */
  reset(): void;
  state(): EmulatorStateSnapshot;
  /** Affects the next matching call(s); see FaultSpec. Throws on an invalid spec. */
  injectFault(spec: FaultSpec): { id: string };
  clearFaults(): void;
}

/** All of the emulator's state, behind the iframe API and the control API. */
export class EmulatorCore implements EmulatorControl {
  readonly clients = new ClientRegistry();
  readonly log = new MessageLog();
  readonly faults = new FaultQueue();
  readonly wallets: WalletService;

  constructor(
    readonly custodian: CustodianBackupShareStore,
    options: WalletServiceOptions = {},
  ) {
    this.wallets = new WalletService(custodian, options);
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
  }

  state(): EmulatorStateSnapshot {
    return {
      custodian: this.custodian.location,
      backupWithPortalEnabled: this.wallets.portalManagedBackups,
      clients: this.clients.all().map(clientSnapshot),
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
}
