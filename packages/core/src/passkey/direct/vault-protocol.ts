/**
 * The key vault's HTTP protocol, version 1. The vault stands at the passkey options'
 * `customDomain` (an origin) under `/vault`; @backup-kit/server implements it. Every body is
 * JSON. WebAuthn options and responses use SimpleWebAuthn's JSON shapes, which are the
 * standard PublicKeyCredential JSON encodings (base64url for binary fields).
 *
 *   POST /vault/registration/options   RegistrationOptionsRequest   -> CeremonyOptions
 *   POST /vault/registration/verify    RegistrationVerifyRequest    -> { credentialId }
 *   POST /vault/authentication/options AuthenticationOptionsRequest -> CeremonyOptions
 *   POST /vault/authentication/verify  AuthenticationVerifyRequest  -> AuthenticationVerifyResult
 *
 * Challenges are single-use and expire; user verification is required in every ceremony. A
 * key is written or read only inside a verified authentication. In `prf` mode the vault holds
 * no key at all: the key is derived in the browser from the passkey's PRF output, which never
 * leaves the page.
 */

export interface RegistrationOptionsRequest {
  rpId: string;
  rpName: string;
  /** Shown by some authenticators beside the passkey. */
  userName?: string;
}

export interface CeremonyOptions<TOptions = Record<string, unknown>> {
  ceremonyId: string;
  options: TOptions;
}

export interface RegistrationVerifyRequest {
  ceremonyId: string;
  /** A RegistrationResponseJSON with any PRF output removed. */
  response: Record<string, unknown>;
  /** The browser derived the key from PRF during registration: the vault stores no key. */
  prf?: boolean;
}

export interface AuthenticationOptionsRequest {
  rpId: string;
  /** Restricts the ceremony to this credential; absent, any discoverable passkey of the RP. */
  credentialId?: string;
}

export interface AuthenticationVerifyRequest {
  ceremonyId: string;
  /** An AuthenticationResponseJSON with any PRF output removed. */
  response: Record<string, unknown>;
  /** Write a key (vault mode), or record that the key comes from PRF; absent, read. */
  write?: { key: string } | { prf: true };
}

export interface AuthenticationVerifyResult {
  credentialId: string;
  mode: 'prf' | 'vault';
  /** The stored key (base64url), on a read in vault mode. */
  key?: string;
}
