import { MpcStatuses } from '../protocol/mpc-statuses.js';
import { describeMessage } from '../protocol/message-details.js';
import { toPortalErrorPayload, type PortalErrorPayload } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import {
  errorTypeOf,
  INITIALIZATION_ERROR_TYPE,
  isSdkRequestType,
  progressTypeOf,
  READY_TYPE,
  REQUEST_TYPES_WITHOUT_ERROR_REPLY,
  resultTypeOf,
  type EmulatedRequestType,
  type SdkRequestType,
} from '../protocol/sdk-message-types.js';
import { createEmulatorServerClient } from './emulator-server-client.js';
import { setBackupStatus, storedClientBackupShare } from './handlers/backup-status.js';
import { backupWallet } from './handlers/backup-wallet.js';
import { checkSharesOnDevice, destroyLocalWallet, getAddress, getClient } from './handlers/client-queries.js';
import { ejectPrivateKeys, ejectWallet } from './handlers/eject-wallet.js';
import { generateWallet } from './handlers/generate-wallet.js';
import type { HandlerContext, MessageHandler } from './handlers/handler-context.js';
import { recoverWallet } from './handlers/recover-wallet.js';
import { createIframeSession } from './iframe-session.js';
import { createPasskeyPopupBroker } from './passkey-backups.js';
import { createSigningShareStorage } from './signing-share-storage.js';
import { createWalletLock } from './wallet-lock.js';

/** One handler per emulated request type (configure is the handshake itself); every other type answers its `…Error`. */
const EMULATED_HANDLERS: Record<Exclude<EmulatedRequestType, 'portal:configure'>, MessageHandler> = {
  'portal:address': getAddress,
  'portal:wasm:generate': generateWallet,
  'portal:wasm:backup': backupWallet,
  'portal:api:setBackupStatus': setBackupStatus,
  'portal:storedClientBackupShare': storedClientBackupShare,
  'portal:wasm:recover': recoverWallet,
  'portal:getClient': getClient,
  'portal:checkSharesOnDevice': checkSharesOnDevice,
  'portal:destroy': destroyLocalWallet,
  'portal:wasm:eject': ejectWallet,
  'portal:wasm:ejectPrivateKeys': ejectPrivateKeys,
};
const HANDLERS: Partial<Record<SdkRequestType, MessageHandler>> = EMULATED_HANDLERS;

/** What `portal:address` and `portal:destroy`, which have no error type, answer if they fail. */
const FALLBACK_RESULTS: Partial<Record<SdkRequestType, unknown>> = { 'portal:address': '', 'portal:destroy': false };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function notSupported(type: SdkRequestType): PortalErrorPayload {
  return {
    code: ErrorCodes.NotSupportedByEmulator,
    message: `'${type}' is not supported by the Backup Kit emulator: it emulates wallet creation, backup, recovery and export only`,
  };
}

export interface IframeOptions {
  window: Window;
  parentOrigin: string;
  storage: Storage;
}

/**
 * The iframe side of the protocol: accepts messages from the parent page's origin only,
 * announces each to the server (which logs it and may hand back an injected fault), and
 * answers with `window.parent.postMessage({ type, data }, parentOrigin)`.
 */
export function startIframe({ window: frame, parentOrigin, storage }: IframeOptions): void {
  const session = createIframeSession(parentOrigin);
  const server = createEmulatorServerClient(() => session.apiKey);
  const signingShares = createSigningShareStorage(storage);
  const walletLock = createWalletLock();
  const passkeyPopups = createPasskeyPopupBroker(frame);

  const post = (type: string, data: unknown) => frame.parent.postMessage({ type, data }, parentOrigin);

  function fail(type: SdkRequestType, error: PortalErrorPayload): void {
    if (type === 'portal:configure') return post(INITIALIZATION_ERROR_TYPE, error);
    if (REQUEST_TYPES_WITHOUT_ERROR_REPLY.has(type)) {
      console.error(`Backup Kit emulator: ${type} failed (${error.code}): ${error.message}`);
      return post(resultTypeOf(type), FALLBACK_RESULTS[type]);
    }
    post(errorTypeOf(type), error);
  }

  function answerConfigure(): void {
    if (session.apiKey === null) {
      return fail('portal:configure', {
        code: ErrorCodes.InvalidApiKey,
        message: 'The Backup Kit emulator identifies clients by apiKey: pass apiKey to new Portal()',
      });
    }
    // portal:ready only now, after configure: the SDK starts listening for it when it posts configure.
    post(READY_TYPE, true);
  }

  async function handle(type: SdkRequestType, data: unknown): Promise<void> {
    if (type === 'portal:configure') session.configure(data);
    const announced = await server.announce(type, describeMessage(type, data));
    if (type === 'portal:configure') session.clientId = announced.clientId;
    const fault = announced.fault;
    if (fault) {
      if (fault.latencyMs > 0) await sleep(fault.latencyMs);
      if (fault.effect === 'hang') return;
      if (fault.effect === 'error') return fail(type, { code: fault.code, message: fault.message });
    }
    if (type === 'portal:configure') return answerConfigure();
    const handler = HANDLERS[type];
    if (!handler) return fail(type, notSupported(type));
    const context: HandlerContext = {
      session,
      server,
      signingShares,
      walletLock,
      passkeyPopups,
      progress: (status) => post(progressTypeOf(type), { status, done: status === MpcStatuses.Done }),
    };
    post(resultTypeOf(type), await handler(data, context));
  }

  frame.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== parentOrigin || event.source !== frame.parent) return;
    const type: unknown = (event.data as { type?: unknown } | null)?.type;
    if (!isSdkRequestType(type)) return;
    handle(type, (event.data as { data?: unknown }).data).catch((error: unknown) =>
      fail(type, toPortalErrorPayload(error)),
    );
  });
}
