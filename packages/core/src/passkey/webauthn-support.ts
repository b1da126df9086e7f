/**
 * Whether this browser can run a WebAuthn ceremony. @simplewebauthn/browser is loaded only
 * when a passkey flow asks, so components that never use passkeys never download it.
 */
export async function supportsWebAuthn(): Promise<boolean> {
  if (typeof window === 'undefined') return false;
  const { browserSupportsWebAuthn } = await import('@simplewebauthn/browser');
  return browserSupportsWebAuthn();
}
