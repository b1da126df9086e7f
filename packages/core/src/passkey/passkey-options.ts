import type { PasskeyOptions } from '../portal/portal-like.js';

export type PasskeyOptionIssueCode =
  | 'page-origin-insecure'
  | 'custom-domain-invalid'
  | 'custom-domain-insecure'
  | 'custom-domain-has-path'
  | 'relying-party-id-missing'
  | 'relying-party-id-invalid'
  | 'relying-party-id-ip-address'
  | 'relying-party-id-public-suffix'
  | 'relying-party-id-not-suffix-of-page'
  | 'relying-party-id-not-suffix-of-custom-domain'
  | 'relying-party-name-missing';

export interface PasskeyOptionIssue {
  code: PasskeyOptionIssueCode;
  field: 'pageOrigin' | 'customDomain' | 'relyingPartyId' | 'relyingPartyName';
  message: string;
}

export interface PasskeyOptionsCheck {
  valid: boolean;
  issues: PasskeyOptionIssue[];
}

/** The shape @portal-hq/web 3.4.1 takes as `new Portal({ passkey })`. */
export interface PortalPasskeyConfig {
  relyingParty: string;
  relyingPartyOrigins: [string];
  webAuthnHost: string;
}

/**
 * Checks the seed's custom-domain passkey options against the page they run on, before any
 * WebAuthn ceremony, and reports every problem at once. The checks and their messages
 * (passkey-option-checks.ts) and the public-suffix check's copy of the Public Suffix List
 * (tldts) are loaded lazily, so they cost nothing until a passkey flow starts.
 */
export async function validatePasskeyOptions(
  options: Partial<PasskeyOptions>,
  pageOrigin: string,
): Promise<PasskeyOptionsCheck> {
  return (await loadPasskeyOptionChecks()).checkPasskeyOptions(options, pageOrigin);
}

/** The checks' chunk; a passkey flow fetches it as it starts checking support, before any click. */
export const loadPasskeyOptionChecks = () => import('./passkey-option-checks.js');

/**
 * Maps the seed's options onto what @portal-hq/web 3.4.1 forwards to its iframe. The relying
 * party name has no place there; the direct path uses it in its own ceremony.
 */
export function toPortalPasskeyConfig(options: PasskeyOptions, pageOrigin: string): PortalPasskeyConfig {
  return {
    relyingParty: options.relyingPartyId,
    relyingPartyOrigins: [new URL(pageOrigin).origin],
    webAuthnHost: new URL(options.customDomain).host,
  };
}
