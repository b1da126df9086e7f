import {
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { HttpProblem } from '../http/problem.js';
import type { AuthenticationResponseBody, RegistrationResponseBody } from '../http/vault-request-schemas.js';
import { describeError } from '../log/describe-error.js';
import type { AuthenticationVerifyResult, CeremonyOptions } from '@backup-kit/core/wire';
import type { Logger } from '../log/logger.js';
import type { VaultCeremonyKind, VaultCeremonyStore } from '../store/vault-ceremony-store.js';
import type { VaultCredentialChange, VaultCredentialStore } from '../store/vault-credential-store.js';
import type { RelyingParties } from './relying-parties.js';

/** The name most authenticators show beside the passkey when the page gives none. */
export const DEFAULT_VAULT_USER_NAME = 'Wallet backup';

const KNOWN_TRANSPORTS = new Set(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

export interface PasskeyVaultDependencies {
  ceremonies: VaultCeremonyStore;
  credentials: VaultCredentialStore;
  relyingParties: RelyingParties;
  challengeTtlMs: number;
  logger: Logger;
}

// The answers' shapes are the client's own types (one wire contract, see wire-contract.ts).
export type { CeremonyOptions } from '@backup-kit/core/wire';
export type AuthenticationVerified = AuthenticationVerifyResult;

/**
 * The key vault's four steps over the ceremony and credential stores. Everything a ceremony
 * needs between its options and its verify is in the database, so the two calls may reach
 * different instances. Failures are HttpProblems whose messages never quote the request.
 */
export function createPasskeyVault(deps: PasskeyVaultDependencies) {
  const { ceremonies, credentials, relyingParties, challengeTtlMs, logger } = deps;

  const requireRelyingParty = (rpId: string) => {
    if (!relyingParties.has(rpId)) {
      throw new HttpProblem(400, 'invalid_request', 'rpId is not a relying party this vault serves', 'rpId');
    }
  };

  const consume = async (ceremonyId: string, kind: VaultCeremonyKind) => {
    const result = await ceremonies.consume(ceremonyId, kind);
    if (result.consumed) return result.ceremony;
    if (result.reason === 'used') {
      throw new HttpProblem(409, 'ceremony_used', 'this ceremony was already used; start a new one', 'ceremonyId');
    }
    throw new HttpProblem(
      400,
      'ceremony_expired',
      `no open ${kind} ceremony has this id (unknown or expired); start a new one`,
      'ceremonyId',
    );
  };

  /** A response that does not verify: 400 with a coarse reason, the details only in the log. */
  const refuse = (stage: VaultCeremonyKind, error?: unknown): never => {
    const detail = error === undefined ? 'signature did not verify' : describeError(error).message;
    const reason = reasonOf(detail);
    logger.info({ stage, reason, detail: detail.slice(0, 300) }, 'passkey response refused');
    throw new HttpProblem(400, 'verification_failed', `the passkey response did not verify (${reason})`, 'response');
  };

  return {
    async registrationOptions(body: {
      rpId: string;
      rpName: string;
      userName?: string | undefined;
    }): Promise<CeremonyOptions<PublicKeyCredentialCreationOptionsJSON>> {
      requireRelyingParty(body.rpId);
      // A random user handle per passkey: the vault knows no users, only passkeys.
      const options = await generateRegistrationOptions({
        rpName: body.rpName,
        rpID: body.rpId,
        userName: body.userName ?? DEFAULT_VAULT_USER_NAME,
        timeout: challengeTtlMs,
        attestationType: 'none',
        authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
      });
      const ceremonyId = await ceremonies.create(
        {
          kind: 'registration',
          rpId: body.rpId,
          challenge: options.challenge,
          userHandle: options.user.id,
          credentialId: null,
        },
        challengeTtlMs,
      );
      return { ceremonyId, options };
    },

    async verifyRegistration(body: {
      ceremonyId: string;
      response: RegistrationResponseBody;
      prf?: boolean | undefined;
    }): Promise<{ credentialId: string }> {
      if (body.prf && body.response.clientExtensionResults.prf?.enabled === false) {
        throw new HttpProblem(
          400,
          'invalid_request',
          'prf is true but the response says the passkey has no PRF',
          'prf',
        );
      }
      const ceremony = await consume(body.ceremonyId, 'registration');
      let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>> | undefined;
      try {
        verification = await verifyRegistrationResponse({
          response: body.response as unknown as RegistrationResponseJSON,
          expectedChallenge: ceremony.challenge,
          expectedOrigin: relyingParties.originsFor(ceremony.rpId),
          expectedRPID: ceremony.rpId,
          requireUserPresence: true,
          requireUserVerification: true,
        });
      } catch (error) {
        refuse('registration', error);
      }
      if (!verification?.verified) return refuse('registration');
      const { credential, userVerified } = verification.registrationInfo;
      if (!userVerified) return refuse('registration', new Error('User verification required'));
      if (!ceremony.userHandle) throw new Error('registration ceremony without a user handle');

      const registered = await credentials.register({
        id: credential.id,
        rpId: ceremony.rpId,
        userHandle: ceremony.userHandle,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: (credential.transports ?? []).filter((transport) => KNOWN_TRANSPORTS.has(transport)),
        mode: body.prf ? 'prf' : 'pending',
      });
      if (!registered) {
        throw new HttpProblem(409, 'credential_exists', 'this passkey is already registered', 'response');
      }
      logger.info({ rpId: ceremony.rpId, mode: body.prf ? 'prf' : 'pending' }, 'passkey registered');
      return { credentialId: credential.id };
    },

    async authenticationOptions(body: {
      rpId: string;
      credentialId?: string | undefined;
    }): Promise<CeremonyOptions<PublicKeyCredentialRequestOptionsJSON>> {
      requireRelyingParty(body.rpId);
      let allowCredentials: { id: string; transports?: string[] }[] = [];
      if (body.credentialId !== undefined) {
        const credential = await credentials.get(body.credentialId);
        if (!credential || credential.rpId !== body.rpId) {
          throw new HttpProblem(404, 'not_found', 'no passkey with this id is registered for rpId', 'credentialId');
        }
        allowCredentials = [
          { id: credential.id, ...(credential.transports.length > 0 && { transports: credential.transports }) },
        ];
      }
      const options = await generateAuthenticationOptions({
        rpID: body.rpId,
        allowCredentials,
        userVerification: 'required',
        timeout: challengeTtlMs,
      });
      const ceremonyId = await ceremonies.create(
        {
          kind: 'authentication',
          rpId: body.rpId,
          challenge: options.challenge,
          userHandle: null,
          credentialId: body.credentialId ?? null,
        },
        challengeTtlMs,
      );
      return { ceremonyId, options };
    },

    async verifyAuthentication(body: {
      ceremonyId: string;
      response: AuthenticationResponseBody;
      write?: { key?: string | undefined; prf?: true | undefined } | undefined;
    }): Promise<AuthenticationVerified> {
      const ceremony = await consume(body.ceremonyId, 'authentication');
      const { response } = body;
      if (ceremony.credentialId !== null && ceremony.credentialId !== response.id) {
        return refuse('authentication', new Error('passkey other than the one this ceremony allows'));
      }
      const credential = await credentials.get(response.id);
      if (!credential || credential.rpId !== ceremony.rpId) {
        throw new HttpProblem(404, 'not_found', 'this passkey is not registered with the vault', 'response.id');
      }
      // The user handle the authenticator returns must be the one the passkey was made for.
      if (response.response.userHandle !== undefined && response.response.userHandle !== credential.userHandle) {
        return refuse('authentication', new Error('user handle does not belong to this passkey'));
      }

      let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>> | undefined;
      try {
        verification = await verifyAuthenticationResponse({
          response: response as unknown as AuthenticationResponseJSON,
          expectedChallenge: ceremony.challenge,
          expectedOrigin: relyingParties.originsFor(ceremony.rpId),
          expectedRPID: ceremony.rpId,
          credential: {
            id: credential.id,
            publicKey: credential.publicKey,
            counter: credential.counter,
            transports: credential.transports,
          },
          requireUserVerification: true,
        });
      } catch (error) {
        refuse('authentication', error);
      }
      if (!verification?.verified) return refuse('authentication');
      if (!verification.authenticationInfo.userVerified) {
        return refuse('authentication', new Error('User verification required'));
      }

      const change: VaultCredentialChange =
        body.write === undefined
          ? { kind: 'read' }
          : body.write.key !== undefined
            ? { kind: 'write-key', key: body.write.key }
            : { kind: 'use-prf' };
      const result = await credentials.use(credential, verification.authenticationInfo.newCounter, change);
      if (result === 'counter-moved') {
        throw new HttpProblem(
          409,
          'credential_busy',
          'another authentication with this passkey finished first; start a new one',
          'response',
        );
      }
      if (change.kind !== 'read') {
        logger.info({ rpId: ceremony.rpId, mode: result.mode }, 'passkey vault written');
      }
      if (result.mode === 'pending') {
        throw new HttpProblem(404, 'not_found', 'no key is stored for this passkey yet', 'response.id');
      }
      if (result.mode === 'prf') return { credentialId: credential.id, mode: 'prf' };
      // A write answers without the key: the page has it already.
      return change.kind === 'read'
        ? { credentialId: credential.id, mode: 'vault', key: result.key }
        : { credentialId: credential.id, mode: 'vault' };
    },
  };
}

export type PasskeyVault = ReturnType<typeof createPasskeyVault>;

function reasonOf(detail: string): string {
  if (/challenge/i.test(detail)) return 'challenge';
  if (/origin/i.test(detail)) return 'origin';
  if (/RP ID/i.test(detail)) return 'rpId';
  if (/user verification/i.test(detail)) return 'user verification';
  if (/user (presence|not present)/i.test(detail)) return 'user presence';
  if (/counter/i.test(detail)) return 'counter';
  if (/signature/i.test(detail)) return 'signature';
  if (/user handle|other than/i.test(detail)) return 'passkey';
  return 'malformed';
}
