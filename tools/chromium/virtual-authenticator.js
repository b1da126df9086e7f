/**
 * Adds a CDP virtual authenticator to the session's target (WebAuthn.enable first): a
 * platform passkey with user verification that answers every prompt at once, as a test needs.
 * `isUserVerified: false` refuses verification (the user says no); `hasUserVerification:
 * false` has no way to verify at all; `hasPrf: true` answers the PRF extension.
 */
export async function addVirtualAuthenticator(
  cdp,
  { hasPrf = false, hasUserVerification = true, isUserVerified = true } = {},
) {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification,
      isUserVerified,
      automaticPresenceSimulation: true,
      hasPrf,
    },
  });
  return authenticatorId;
}
