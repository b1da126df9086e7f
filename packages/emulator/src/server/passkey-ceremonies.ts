import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import type {
  CreatePasskeyOperationRequest,
  CreatePasskeyOperationResponse,
  PasskeyAuthenticationOptionsResponse,
  PasskeyAuthenticationVerifyResponse,
  PasskeyConfig,
  PasskeyProtectedKey,
} from '../protocol/emulator-api.js';
import type { PasskeyOperationKind } from '../protocol/passkey-popup-messages.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes, PasskeyErrorCodes } from '../protocol/portal-error-codes.js';
import { passkeyPopupUrl } from '../passkey-popup-url.js';
import type { ClientRecord } from './client-registry.js';
import { now } from './ids.js';

/** How long the iframe waits for a passkey window by default. */
export const DEFAULT_PASSKEY_POPUP_TIMEOUT_MS = 30_000;
/** What each WebAuthn prompt allows the user (SimpleWebAuthn's default). */
const CEREMONY_TIMEOUT_MS = 60_000;
/** A challenge outlives its prompt a little, then it is gone. */
const CHALLENGE_TTL_MS = CEREMONY_TIMEOUT_MS + 30_000;
/** An operation covers the wait for the window and both ceremonies. */
const OPERATION_TTL_MS = 10 * 60_000;
const RP_NAME = 'Backup Kit emulator (development only)';

/**
 * The stand-in for Portal's enclave: the random key that encrypts a client's PASSKEY backup,
 * released only inside a verified passkey authentication. With PRF the server holds the key
 * wrapped under the passkey's PRF output (it cannot read it); without PRF it holds the key
 * sealed with AES-256-GCM under a master key that lives in this process's memory only.
 */
export type SealedPasskeyKey = { protection: 'prf'; wrappedKey: string } | { protection: 'enclave'; sealed: string };

/** A client's passkey and the key it guards; replaced by each PASSKEY backup. */
export interface PasskeyRecord {
  credential: WebAuthnCredential;
  rpId: string;
  /** The keyId in the PASSKEY cipherText this key decrypts. */
  keyId: string;
  key: SealedPasskeyKey;
  prfSalt: string;
  storedAt: string;
}

/** What `state()` shows of a client's passkey: never the key. */
export interface PasskeySnapshot {
  credentialId: string;
  rpId: string;
  keyProtection: 'prf' | 'enclave';
  storedAt: string;
}

interface PendingChallenge {
  ceremony: 'registration' | 'authentication';
  value: string;
  expiresAt: number;
}

interface PasskeyOperation {
  id: string;
  kind: PasskeyOperationKind;
  client: ClientRecord;
  keyId: string;
  rpId: string;
  /** The passkey window's origin: the only origin a response may come from. */
  origin: string;
  prfSalt: string;
  expiresAt: number;
  challenge: PendingChallenge | null;
  /** Backup: the passkey registered in this operation. */
  registered: WebAuthnCredential | null;
  /** Backup: set by the verified authentication; becomes the client's record once the backup is made. */
  authenticated: PasskeyRecord | null;
}

export interface PasskeyCeremoniesOptions {
  popupTimeoutMs?: number;
  /** For tests: the clock, in ms. */
  clock?: () => number;
}

function badRequest(message: string): PortalProtocolError {
  return new PortalProtocolError(ErrorCodes.BadRequest, message);
}

function ceremonyFailed(message: string): PortalProtocolError {
  return new PortalProtocolError(PasskeyErrorCodes.failed, message);
}

const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

function checkedPasskeyConfig(value: unknown): PasskeyConfig {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object')
    throw badRequest('passkey must be an object: { relyingParty, relyingPartyOrigins, webAuthnHost }');
  const { relyingParty, relyingPartyOrigins, webAuthnHost } = value as Record<string, unknown>;
  if (relyingParty !== undefined && typeof relyingParty !== 'string')
    throw badRequest('passkey.relyingParty must be a string');
  if (webAuthnHost !== undefined && typeof webAuthnHost !== 'string')
    throw badRequest('passkey.webAuthnHost must be a string');
  if (
    relyingPartyOrigins !== undefined &&
    !(Array.isArray(relyingPartyOrigins) && relyingPartyOrigins.every((origin) => typeof origin === 'string'))
  ) {
    throw badRequest('passkey.relyingPartyOrigins must be a list of origins');
  }
  return {
    ...(relyingParty === undefined ? {} : { relyingParty }),
    ...(webAuthnHost === undefined ? {} : { webAuthnHost }),
    ...(relyingPartyOrigins === undefined ? {} : { relyingPartyOrigins: relyingPartyOrigins as string[] }),
  };
}

/**
 * Passkey backups through @portal-hq/web: operations opened by the iframe, the ceremonies the
 * passkey window runs (verified with @simplewebauthn/server, user verification required,
 * challenges single-use and expiring), and each client's passkey-protected key.
 */
export type PasskeyCeremonies = ReturnType<typeof createPasskeyCeremonies>;

export function createPasskeyCeremonies(options: PasskeyCeremoniesOptions = {}) {
  let popupTimeoutMs = options.popupTimeoutMs ?? DEFAULT_PASSKEY_POPUP_TIMEOUT_MS;
  const operations = new Map<string, PasskeyOperation>();
  const clock = options.clock ?? Date.now;
  const masterKey = randomBytes(32);

  /**
   * The iframe is about to wait for a passkey window. `emulatorHost` is the host the browser
   * reached the emulator at ('localhost:PORT'): the passkey window is served there, so the
   * ceremony's origin is `http://${emulatorHost}` and its relying party must cover that host.
   */
  function createOperation(
    client: ClientRecord,
    request: CreatePasskeyOperationRequest,
    emulatorHost: string,
  ): CreatePasskeyOperationResponse {
    if (request?.kind !== 'backup' && request?.kind !== 'recover') throw badRequest('kind must be backup or recover');
    if (typeof request.keyId !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(request.keyId)) {
      throw badRequest('keyId must be a short id');
    }
    const config = checkedPasskeyConfig(request.passkey);
    const webAuthnHost = config.webAuthnHost ?? emulatorHost;
    if (webAuthnHost !== emulatorHost) {
      throw badRequest(
        `passkey.webAuthnHost '${webAuthnHost}' is not this emulator: its passkey window is served at ${emulatorHost}, so pass webAuthnHost: '${emulatorHost}' (or leave it out)`,
      );
    }
    const hostname = new URL(`http://${emulatorHost}`).hostname;
    const rpId = config.relyingParty ?? hostname;
    if (hostname !== rpId && !hostname.endsWith(`.${rpId}`)) {
      throw badRequest(
        `passkey.relyingParty '${rpId}' cannot be used on http://${emulatorHost}, where the passkey window runs: use relyingParty: '${hostname}'`,
      );
    }
    const origins = config.relyingPartyOrigins;
    if (origins !== undefined && origins.length > 0 && !origins.includes(request.parentOrigin)) {
      throw badRequest(
        `The app's origin ${String(request.parentOrigin)} is not in passkey.relyingPartyOrigins (${origins.join(', ')})`,
      );
    }
    let prfSalt = base64url(randomBytes(32));
    if (request.kind === 'recover') {
      const record = recordFor(client, request.keyId);
      if (record.rpId !== rpId) {
        throw badRequest(
          `This PASSKEY backup's passkey belongs to relying party '${record.rpId}', not '${rpId}': configure Portal with relyingParty: '${record.rpId}'`,
        );
      }
      prfSalt = record.prfSalt;
    }
    dropExpired();
    const operation: PasskeyOperation = {
      id: `pko_${randomBytes(16).toString('hex')}`,
      kind: request.kind,
      client,
      keyId: request.keyId,
      rpId,
      origin: `http://${emulatorHost}`,
      prfSalt,
      expiresAt: clock() + OPERATION_TTL_MS,
      challenge: null,
      registered: null,
      authenticated: null,
    };
    operations.set(operation.id, operation);
    return { operationId: operation.id, popupTimeoutMs: popupTimeoutMs, popupUrl: passkeyPopupUrl(emulatorHost) };
  }

  /** The client's current passkey record for `keyId`; 203 without one, 113 for a replaced key. */
  function recordFor(client: ClientRecord, keyId: string): PasskeyRecord {
    const record = client.passkey;
    if (!record) {
      throw new PortalProtocolError(
        ErrorCodes.NotFound,
        'No PASSKEY backup exists for this client: back the wallet up with PASSKEY first',
      );
    }
    if (record.keyId !== keyId) {
      throw new PortalProtocolError(
        ErrorCodes.ShareMismatch,
        'This PASSKEY cipherText belongs to an older backup that was replaced: its key is no longer kept',
      );
    }
    return record;
  }

  async function registrationOptions(operationId: unknown): Promise<unknown> {
    const operation = operationOf(operationId, 'backup');
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: operation.rpId,
      userName: `Backup Kit emulator wallet ${operation.client.id}`,
      // The client id as the user handle: a new passkey of the same client replaces the old one on the authenticator.
      userID: new TextEncoder().encode(operation.client.id),
      attestationType: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      timeout: CEREMONY_TIMEOUT_MS,
    });
    issueChallenge(operation, 'registration', options.challenge);
    return options;
  }

  async function verifyRegistration(operationId: unknown, response: unknown): Promise<{ verified: true }> {
    const operation = operationOf(operationId, 'backup');
    const challenge = takeChallenge(operation, 'registration');
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response: response as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: operation.origin,
        expectedRPID: operation.rpId,
        requireUserVerification: true,
      });
    } catch (error) {
      throw ceremonyFailed(
        `The passkey registration did not verify: ${error instanceof Error ? error.message : 'invalid response'}`,
      );
    }
    if (!verification.verified) throw ceremonyFailed('The passkey registration did not verify');
    operation.registered = verification.registrationInfo.credential;
    return { verified: true };
  }

  async function authenticationOptions(operationId: unknown): Promise<PasskeyAuthenticationOptionsResponse> {
    const operation = operationOf(operationId);
    const credential = credentialOf(operation);
    const optionsJSON = await generateAuthenticationOptions({
      rpID: operation.rpId,
      allowCredentials: [
        { id: credential.id, ...(credential.transports ? { transports: credential.transports } : {}) },
      ],
      userVerification: 'required',
      timeout: CEREMONY_TIMEOUT_MS,
    });
    issueChallenge(operation, 'authentication', optionsJSON.challenge);
    return { optionsJSON, prfSalt: operation.prfSalt };
  }

  /**
   * A verified authentication takes the key (backup: kept with the operation until the backup
   * is made) or releases it (recovery: the operation is used up).
   */
  async function verifyAuthentication(
    operationId: unknown,
    response: unknown,
    key: unknown,
  ): Promise<PasskeyAuthenticationVerifyResponse> {
    const operation = operationOf(operationId);
    const credential = credentialOf(operation);
    const challenge = takeChallenge(operation, 'authentication');
    if (operation.kind === 'backup' && !isProtectedKey(key)) {
      throw badRequest(
        'A passkey backup needs the key to keep: { protection: "prf", wrappedKey } or { protection: "enclave", key }',
      );
    }
    if ((response as { id?: unknown } | null)?.id !== credential.id) {
      throw ceremonyFailed('The passkey used is not the one this backup belongs to');
    }
    let verification;
    try {
      verification = await verifyAuthenticationResponse({
        response: response as AuthenticationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: operation.origin,
        expectedRPID: operation.rpId,
        credential,
        requireUserVerification: true,
      });
    } catch (error) {
      throw ceremonyFailed(
        `The passkey authentication did not verify: ${error instanceof Error ? error.message : 'invalid response'}`,
      );
    }
    if (!verification.verified) throw ceremonyFailed('The passkey authentication did not verify');
    credential.counter = verification.authenticationInfo.newCounter;

    if (operation.kind === 'backup') {
      operation.authenticated = {
        credential,
        rpId: operation.rpId,
        keyId: operation.keyId,
        key: seal(key as PasskeyProtectedKey),
        prfSalt: operation.prfSalt,
        storedAt: now(),
      };
      return { verified: true };
    }
    operations.delete(operation.id);
    return { verified: true, key: unseal(recordFor(operation.client, operation.keyId).key) };
  }

  /**
   * Called with the PASSKEY backup request: the operation must belong to this client and have
   * a verified authentication. Returns what to commit once the backup itself succeeded.
   */
  function takeAuthenticatedBackup(client: ClientRecord, operationId: unknown): () => void {
    const operation = operationOf(operationId, 'backup');
    const record = operation.authenticated;
    if (operation.client !== client || !record) {
      throw badRequest('A PASSKEY backup needs a passkey operation of this client with a verified authentication');
    }
    operations.delete(operation.id);
    return () => {
      client.passkey = record;
    };
  }

  function snapshotOf(client: ClientRecord): PasskeySnapshot | null {
    const record = client.passkey;
    return record
      ? {
          credentialId: record.credential.id,
          rpId: record.rpId,
          keyProtection: record.key.protection,
          storedAt: record.storedAt,
        }
      : null;
  }

  function pendingOperations(): number {
    dropExpired();
    return operations.size;
  }

  function clear(): void {
    operations.clear();
  }

  function operationOf(operationId: unknown, kind?: PasskeyOperationKind): PasskeyOperation {
    const operation = typeof operationId === 'string' ? operations.get(operationId) : undefined;
    if (!operation || operation.expiresAt <= clock() || (kind !== undefined && operation.kind !== kind)) {
      if (operation && operation.expiresAt <= clock()) operations.delete(operation.id);
      throw new PortalProtocolError(
        ErrorCodes.NotFound,
        'This passkey request is unknown, expired or already used: start the backup or recovery again from the app',
      );
    }
    return operation;
  }

  function credentialOf(operation: PasskeyOperation): WebAuthnCredential {
    if (operation.kind === 'recover') return recordFor(operation.client, operation.keyId).credential;
    if (!operation.registered) throw badRequest('Register the passkey before authenticating with it');
    return operation.registered;
  }

  function issueChallenge(operation: PasskeyOperation, ceremony: PendingChallenge['ceremony'], value: string): void {
    operation.challenge = { ceremony, value, expiresAt: clock() + CHALLENGE_TTL_MS };
  }

  /** Single use: the challenge is gone after this, whether the response verifies or not. */
  function takeChallenge(operation: PasskeyOperation, ceremony: PendingChallenge['ceremony']): string {
    const challenge = operation.challenge;
    operation.challenge = null;
    if (!challenge || challenge.ceremony !== ceremony || challenge.expiresAt <= clock()) {
      throw ceremonyFailed(`No ${ceremony} challenge is waiting (it expired or was used): ask for new options`);
    }
    return challenge.value;
  }

  function seal(key: PasskeyProtectedKey): SealedPasskeyKey {
    if (key.protection === 'prf') return { protection: 'prf', wrappedKey: key.wrappedKey };
    const raw = Buffer.from(key.key, 'base64');
    if (raw.length !== 32) throw badRequest('A passkey backup key must be 32 bytes of base64');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
    const sealed = Buffer.concat([iv, cipher.update(raw), cipher.final(), cipher.getAuthTag()]);
    return { protection: 'enclave', sealed: sealed.toString('base64') };
  }

  function unseal(key: SealedPasskeyKey): PasskeyProtectedKey {
    if (key.protection === 'prf') return { protection: 'prf', wrappedKey: key.wrappedKey };
    const sealed = Buffer.from(key.sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', masterKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const raw = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
    return { protection: 'enclave', key: raw.toString('base64') };
  }

  function dropExpired(): void {
    const time = clock();
    for (const [id, operation] of operations) if (operation.expiresAt <= time) operations.delete(id);
  }

  return {
    get popupTimeoutMs(): number {
      return popupTimeoutMs;
    },
    set popupTimeoutMs(ms: number) {
      popupTimeoutMs = ms;
    },
    createOperation,
    registrationOptions,
    verifyRegistration,
    authenticationOptions,
    verifyAuthentication,
    takeAuthenticatedBackup,
    snapshotOf,
    pendingOperations,
    clear,
  };
}

function isProtectedKey(value: unknown): value is PasskeyProtectedKey {
  const key = value as Record<string, unknown> | null;
  if (typeof key !== 'object' || key === null) return false;
  if (key.protection === 'prf') return typeof key.wrappedKey === 'string' && key.wrappedKey.length < 1024;
  return key.protection === 'enclave' && typeof key.key === 'string';
}
