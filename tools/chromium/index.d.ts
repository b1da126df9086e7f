export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export interface ChromiumLaunchOptions {
  executablePath: string;
  args: string[];
  headless: true;
  ignoreDefaultArgs?: string[];
}
export declare function chromiumLaunchOptions(options?: { popupBlocker?: boolean }): ChromiumLaunchOptions;

export interface VirtualAuthenticatorOptions {
  /** true: the authenticator answers the PRF extension (hmac-secret). */
  hasPrf?: boolean;
  /** false: an authenticator with no way to verify the user at all. */
  hasUserVerification?: boolean;
  /** false: the authenticator refuses user verification (the user says no). */
  isUserVerified?: boolean;
}
/** Adds a CDP virtual authenticator to the session's target; returns its id. */
export declare function addVirtualAuthenticator(
  cdp: {
    send(
      method: 'WebAuthn.addVirtualAuthenticator',
      params: {
        options: {
          protocol: 'ctap2';
          transport: 'internal';
          hasResidentKey: boolean;
          hasUserVerification: boolean;
          isUserVerified: boolean;
          automaticPresenceSimulation: boolean;
          hasPrf: boolean;
        };
      },
    ): Promise<{ authenticatorId: string }>;
  },
  options?: VirtualAuthenticatorOptions,
): Promise<string>;
