import type { PasskeyConfig } from '../protocol/emulator-api.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';

/** What `portal:configure` told this iframe, and which client the server knows it as. */
export class IframeSession {
  apiKey: string | null = null;
  clientId: string | null = null;
  gdriveConfigured = false;
  /** `new Portal({ passkey })`, forwarded untouched by the SDK; the server checks it. */
  passkey: PasskeyConfig | null = null;

  constructor(
    /** The app's origin, from the iframe URL. */
    readonly parentOrigin: string,
  ) {}

  configure(data: unknown): void {
    const options = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    this.apiKey = typeof options.apiKey === 'string' && options.apiKey !== '' ? options.apiKey : null;
    this.gdriveConfigured = typeof options.gdrive === 'object' && options.gdrive !== null;
    this.passkey =
      typeof options.passkey === 'object' && options.passkey !== null ? (options.passkey as PasskeyConfig) : null;
    this.clientId = null;
  }

  requireClientId(): string {
    if (this.clientId === null) {
      throw new PortalProtocolError(
        ErrorCodes.InvalidApiKey,
        'Portal is not ready: wait for onReady() before calling it',
      );
    }
    return this.clientId;
  }
}
