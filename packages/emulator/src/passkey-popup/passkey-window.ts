import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { base64, base64urlnopad } from '@scure/base';
import { unwrapKeyWithPrf, wrapKeyWithPrf } from '../crypto/passkey-key-wrap.js';
import {
  ApiPaths,
  type ApiErrorResponse,
  type PasskeyAuthenticationOptionsResponse,
  type PasskeyAuthenticationVerifyRequest,
  type PasskeyAuthenticationVerifyResponse,
  type PasskeyProtectedKey,
} from '../protocol/emulator-api.js';
import { PasskeyErrorCodes } from '../protocol/portal-error-codes.js';
import {
  PasskeyPopupMessages,
  type PasskeyFailureCode,
  type PasskeyPopupMessage,
  type PasskeyPopupOperation,
  type PasskeyPopupResult,
} from '../protocol/passkey-popup-messages.js';

const HELLO_EVERY_MS = 250;
/** The window gives up looking for a waiting operation after this long. */
const LOOK_FOR_MS = 60_000;
const CLOSE_AFTER_MS = 800;
/** How deep below window.opener to look for the emulator's iframe. */
const FRAME_DEPTH = 3;

export interface PasskeyWindowOptions {
  window: Window;
  document: Document;
  origin: string;
}

/** A failure the window reports with its own code (the server refused, or no PRF). */
class CeremonyServerError extends Error {
  constructor(
    message: string,
    readonly code: PasskeyFailureCode = PasskeyErrorCodes.failed,
  ) {
    super(message);
  }
}

async function call<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const payload = (await response.json().catch(() => null)) as (T & Partial<ApiErrorResponse>) | null;
  if (!response.ok || payload === null) {
    throw new CeremonyServerError(payload?.error?.message ?? `The emulator answered HTTP ${response.status}`);
  }
  return payload;
}

/** Every frame below `root`, to `depth` levels: cross-origin frames can be indexed and posted to. */
function framesBelow(root: Window, depth: number): Window[] {
  const found: Window[] = [];
  try {
    for (let index = 0; index < root.frames.length; index += 1) {
      const frame = root.frames[index];
      if (!frame) continue;
      found.push(frame);
      if (depth > 1) found.push(...framesBelow(frame, depth - 1));
    }
  } catch {
    // A frame that went away while we looked.
  }
  return found;
}

/** The PRF output (when the authenticator has PRF), taken out of the response before it is sent anywhere. */
function takePrfOutput(response: { clientExtensionResults: object }): Uint8Array<ArrayBuffer> | null {
  const results = response.clientExtensionResults as {
    prf?: { enabled?: boolean; results?: { first?: BufferSource } };
  };
  const first = results.prf?.results?.first;
  if (results.prf) results.prf = results.prf.enabled === undefined ? {} : { enabled: results.prf.enabled };
  if (!first) return null;
  return Uint8Array.from(
    first instanceof ArrayBuffer
      ? new Uint8Array(first)
      : new Uint8Array(first.buffer, first.byteOffset, first.byteLength),
  );
}

async function authenticate(operationId: string): Promise<{
  response: AuthenticationResponseJSON;
  prfOutput: Uint8Array<ArrayBuffer> | null;
}> {
  const { optionsJSON, prfSalt } = await call<PasskeyAuthenticationOptionsResponse>(
    ApiPaths.passkeyAuthenticationOptions,
    { operationId },
  );
  const options = optionsJSON as PublicKeyCredentialRequestOptionsJSON;
  // JSON cannot carry the salt's bytes; SimpleWebAuthn passes extensions through untouched.
  const withPrf = {
    ...options,
    extensions: { ...options.extensions, prf: { eval: { first: base64urlnopad.decode(prfSalt) } } },
  } as PublicKeyCredentialRequestOptionsJSON;
  const response = await startAuthentication({ optionsJSON: withPrf });
  return { response, prfOutput: takePrfOutput(response) };
}

/** Backup: registration, then authentication; the verified authentication takes the key. */
async function backUp(operation: PasskeyPopupOperation): Promise<PasskeyPopupResult> {
  if (typeof operation.key !== 'string') throw new CeremonyServerError('The iframe sent no key to protect');
  const key = Uint8Array.from(base64.decode(operation.key));
  const creation = await call<PublicKeyCredentialCreationOptionsJSON>(ApiPaths.passkeyRegistrationOptions, {
    operationId: operation.operationId,
  });
  const registration: RegistrationResponseJSON = await startRegistration({
    optionsJSON: { ...creation, extensions: { ...creation.extensions, prf: {} } as typeof creation.extensions },
  });
  takePrfOutput(registration);
  await call(ApiPaths.passkeyRegistrationVerify, { operationId: operation.operationId, response: registration });
  const { response, prfOutput } = await authenticate(operation.operationId);
  const protectedKey: PasskeyProtectedKey = prfOutput
    ? { protection: 'prf', wrappedKey: await wrapKeyWithPrf(prfOutput, key) }
    : { protection: 'enclave', key: operation.key };
  await call(ApiPaths.passkeyAuthenticationVerify, {
    operationId: operation.operationId,
    response,
    key: protectedKey,
  } satisfies PasskeyAuthenticationVerifyRequest);
  return { outcome: 'completed', operationId: operation.operationId };
}

/** Recovery: authentication; the verified authentication releases the key. */
async function recover(operation: PasskeyPopupOperation): Promise<PasskeyPopupResult> {
  const { response, prfOutput } = await authenticate(operation.operationId);
  const { key } = await call<PasskeyAuthenticationVerifyResponse>(ApiPaths.passkeyAuthenticationVerify, {
    operationId: operation.operationId,
    response,
  });
  if (!key) throw new CeremonyServerError('The emulator released no key');
  if (key.protection === 'enclave') return { outcome: 'completed', operationId: operation.operationId, key: key.key };
  if (!prfOutput)
    throw new CeremonyServerError(
      'This backup needs the passkey PRF extension, which this authenticator did not provide',
      PasskeyErrorCodes.prfUnsupported,
    );
  const unwrapped = await unwrapKeyWithPrf(prfOutput, key.wrappedKey).catch(() => {
    throw new CeremonyServerError('The passkey PRF output does not unwrap this backup key');
  });
  return { outcome: 'completed', operationId: operation.operationId, key: base64.encode(unwrapped) };
}

function outcomeOfError(operationId: string, error: unknown): PasskeyPopupResult {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') {
    return {
      operationId,
      outcome: 'cancelled',
      reason: `the passkey prompt was dismissed, user verification was refused, or it timed out (${name})`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CeremonyServerError)
    return { operationId, outcome: 'failed', code: error.code, reason: message };
  // WebAuthn refuses an RP ID this page may not use (a public suffix, another domain) with SecurityError.
  const code = name === 'SecurityError' ? PasskeyErrorCodes.relyingPartyRefused : PasskeyErrorCodes.failed;
  return { operationId, outcome: 'failed', code, reason: `${name || 'Error'}: ${message}` };
}

const TEXT = {
  backup:
    'Create a passkey to protect your wallet backup. Your device asks you to confirm it is you: once to create the passkey, once to use it.',
  recover: 'Use the passkey of your wallet backup to unlock it.',
  completed: 'Done. This window closes by itself.',
  cancelled: 'Cancelled: nothing was stored. You can close this window and try again from the app.',
} as const;

/**
 * Finds the emulator's iframe among `window.opener`'s frames (a hello to each, with the
 * emulator's origin as targetOrigin, so only the emulator's frames receive it), takes the
 * waiting operation, and runs it on the user's click: the click gives this window the user
 * activation some browsers require for WebAuthn.
 */
export function runPasskeyWindow({ window: popup, document, origin }: PasskeyWindowOptions): void {
  const what = document.getElementById('what') as HTMLParagraphElement;
  const status = document.getElementById('status') as HTMLParagraphElement;
  const button = document.getElementById('continue') as HTMLButtonElement;
  const show = (text: string) => void (status.textContent = text);

  const opener = popup.opener as Window | null;
  if (!opener) {
    show(
      'This window must be opened by the app (window.open inside the click that starts the backup, without noopener).',
    );
    return;
  }

  let operation: PasskeyPopupOperation | null = null;
  let iframe: Window | null = null;
  const startedAt = Date.now();
  const hello = setInterval(() => {
    if (Date.now() - startedAt > LOOK_FOR_MS) {
      clearInterval(hello);
      show('Nothing is waiting for a passkey. Close this window and start again from the app.');
      return;
    }
    for (const frame of framesBelow(opener, FRAME_DEPTH)) {
      frame.postMessage({ type: PasskeyPopupMessages.hello } satisfies PasskeyPopupMessage, origin);
    }
  }, HELLO_EVERY_MS);

  popup.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as Partial<PasskeyPopupMessage> | null;
    if (event.origin !== origin || operation !== null || message?.type !== PasskeyPopupMessages.operation) return;
    if (!message.operation || !event.source) return;
    clearInterval(hello);
    operation = message.operation;
    iframe = event.source as Window;
    what.textContent = TEXT[operation.kind];
    show('');
    button.disabled = false;
    button.focus();
  });

  button.addEventListener('click', () => {
    const current = operation;
    if (!current || !iframe) return;
    button.disabled = true;
    show('Waiting for your passkey…');
    const target = iframe;
    void (current.kind === 'backup' ? backUp(current) : recover(current))
      .catch((error: unknown) => outcomeOfError(current.operationId, error))
      .then((result) => {
        target.postMessage({ type: PasskeyPopupMessages.result, result } satisfies PasskeyPopupMessage, origin);
        if (result.outcome === 'failed') return show(`The passkey could not be used: ${result.reason}`);
        show(result.outcome === 'completed' ? TEXT.completed : TEXT.cancelled);
        setTimeout(() => popup.close(), CLOSE_AFTER_MS);
      });
  });
}
