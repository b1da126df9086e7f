import type { PasskeyConfig } from '../protocol/emulator-api.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';

/** What `portal:configure` told this iframe, and which client the server knows it as. */
export interface IframeSession {
  /** The app's origin, from the iframe URL. */
  readonly parentOrigin: string;
  apiKey: string | null;
  clientId: string | null;
  gdriveConfigured: boolean;
  /** `new Portal({ passkey })`, forwarded untouched by the SDK; the server checks it. */
  passkey: PasskeyConfig | null;
  configure(data: unknown): void;
  requireClientId(): string;
}

export function createIframeSession(parentOrigin: string): IframeSession {
  const session: IframeSession = {
    parentOrigin,
    apiKey: null,
    clientId: null,
    gdriveConfigured: false,
    passkey: null,
    configure(data) {
      const options = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
      session.apiKey = typeof options.apiKey === 'string' && options.apiKey !== '' ? options.apiKey : null;
      session.gdriveConfigured = typeof options.gdrive === 'object' && options.gdrive !== null;
      session.passkey =
        typeof options.passkey === 'object' && options.passkey !== null ? (options.passkey as PasskeyConfig) : null;
      session.clientId = null;
    },
    requireClientId() {
      if (session.clientId === null) {
        throw new PortalProtocolError(
          ErrorCodes.InvalidApiKey,
          'Portal is not ready: wait for onReady() before calling it',
        );
      }
      return session.clientId;
    },
  };
  return session;
}
