import { PASSKEY_POPUP_FEATURES, PASSKEY_POPUP_WINDOW_NAME } from '../passkey-popup-url.js';
import {
  PasskeyPopupMessages,
  type PasskeyPopupMessage,
  type PasskeyPopupOperation,
  type PasskeyPopupResult,
} from '../protocol/passkey-popup-messages.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { PasskeyErrorCodes } from '../protocol/portal-error-codes.js';

/**
 * PASSKEY backups and recoveries through @portal-hq/web. This iframe is cross-origin, has no
 * `publickey-credentials-*` permission (the SDK creates it without an `allow` attribute) and
 * never gets a user gesture, so it cannot run WebAuthn or open a window. The app opens the
 * emulator's passkey window inside its own click; that window finds this iframe through
 * `window.opener.frames` and says hello; the iframe answers with the pending operation; the
 * window runs the ceremony against the emulator server and posts the outcome back here.
 */

/** After the window took the operation: the two WebAuthn prompts and the user's reading time. */
const CEREMONY_LIMIT_MS = 5 * 60_000;
/** A closed window may still have a result in flight: wait this long before calling it cancelled. */
const CLOSED_GRACE_MS = 1_000;
const CLOSED_POLL_MS = 250;

const DIRECT_PATH_HINT =
  "Or use Backup Kit's direct passkey path (usePopup: false), which runs the ceremony in the app's page against a key vault.";

export function passkeyPopupNotOpened(operation: 'backup' | 'recover', popupTimeoutMs: number): PortalProtocolError {
  return new PortalProtocolError(
    PasskeyErrorCodes.popupNotOpened,
    `No passkey window opened within ${Math.round(popupTimeoutMs / 100) / 10} s, so the PASSKEY ${operation} did not start. ` +
      "Passkey backups through @portal-hq/web need a popup: Portal's iframe is cross-origin, without WebAuthn permission or a user gesture. " +
      `Open it synchronously inside the user's click, before calling the SDK: window.open(passkeyPopupUrl(host), '${PASSKEY_POPUP_WINDOW_NAME}', '${PASSKEY_POPUP_FEATURES}') ` +
      `(openPasskeyPopup from @backup-kit/emulator/passkey-popup); outside a user gesture the browser blocks it. ${DIRECT_PATH_HINT}`,
  );
}

function passkeyCancelled(operation: 'backup' | 'recover', reason: string): PortalProtocolError {
  return new PortalProtocolError(
    PasskeyErrorCodes.cancelled,
    `The PASSKEY ${operation} was cancelled: ${reason}. Nothing was stored; the user can try again. ${DIRECT_PATH_HINT}`,
  );
}

interface PendingOperation {
  operation: PasskeyPopupOperation;
  popup: Window | null;
  /** Called once a window took the operation. */
  popupTaken?: () => void;
  settle(outcome: { result: PasskeyPopupResult } | { error: PortalProtocolError }): void;
}

export interface PasskeyPopupBroker {
  /** Waits for a passkey window to take `operation`, then for its outcome. */
  run(operation: PasskeyPopupOperation, popupTimeoutMs: number): Promise<PasskeyPopupResult & { outcome: 'completed' }>;
}

/** One passkey operation at a time (the wallet lock already ensures it). */
export function createPasskeyPopupBroker(frame: Window): PasskeyPopupBroker {
  let current: PendingOperation | null = null;

  function run(
    operation: PasskeyPopupOperation,
    popupTimeoutMs: number,
  ): Promise<PasskeyPopupResult & { outcome: 'completed' }> {
    const kind = operation.kind;
    return new Promise((resolve, reject) => {
      const timers: ReturnType<typeof setTimeout>[] = [];
      let closedPoll: ReturnType<typeof setInterval> | undefined;
      const pending: PendingOperation = {
        operation,
        popup: null,
        settle: (outcome) => {
          if (current !== pending) return;
          current = null;
          timers.forEach(clearTimeout);
          clearInterval(closedPoll);
          if ('error' in outcome) return reject(outcome.error);
          const { result } = outcome;
          if (result.outcome === 'completed') return resolve(result);
          if (result.outcome === 'cancelled') return reject(passkeyCancelled(kind, result.reason));
          // The window's code says why (no PRF, a refused RP ID); the SDK passes string codes through.
          reject(
            new PortalProtocolError(
              result.code ?? PasskeyErrorCodes.failed,
              `The PASSKEY ${kind} failed: ${result.reason}`,
            ),
          );
        },
      };
      current = pending;
      timers.push(
        setTimeout(() => pending.settle({ error: passkeyPopupNotOpened(kind, popupTimeoutMs) }), popupTimeoutMs),
      );
      // Once a window took the operation: the window's own outcome, its closing, or the ceremony limit.
      pending.popupTaken = () => {
        timers.forEach(clearTimeout);
        timers.push(
          setTimeout(
            () =>
              pending.settle({
                error: passkeyCancelled(kind, 'the passkey window was left open without using a passkey'),
              }),
            CEREMONY_LIMIT_MS,
          ),
        );
        closedPoll = setInterval(() => {
          if (!pending.popup?.closed) return;
          clearInterval(closedPoll);
          timers.push(
            setTimeout(
              () =>
                pending.settle({
                  error: passkeyCancelled(kind, 'the passkey window was closed before a passkey was used'),
                }),
              CLOSED_GRACE_MS,
            ),
          );
        }, CLOSED_POLL_MS);
      };
    });
  }

  function onMessage(event: MessageEvent): void {
    // Only the emulator's own pages (its passkey window) share this origin.
    if (event.origin !== frame.location.origin) return;
    const message = event.data as Partial<PasskeyPopupMessage> | null;
    const pending = current;
    if (!pending || typeof message !== 'object' || message === null) return;
    const source = event.source as Window | null;
    if (message.type === PasskeyPopupMessages.hello && pending.popup === null && source) {
      pending.popup = source;
      source.postMessage(
        { type: PasskeyPopupMessages.operation, operation: pending.operation } satisfies PasskeyPopupMessage,
        frame.location.origin,
      );
      pending.popupTaken?.();
      return;
    }
    const result = message.result;
    if (
      message.type === PasskeyPopupMessages.result &&
      source !== null &&
      source === pending.popup &&
      result?.operationId === pending.operation.operationId
    ) {
      pending.settle({ result });
    }
  }

  frame.addEventListener('message', onMessage);
  return { run };
}
