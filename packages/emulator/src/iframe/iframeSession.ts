import { PortalProtocolError } from '../protocol/portalError.js';
import { ErrorCodes } from '../protocol/portalErrorCodes.js';

/** What `portal:configure` told this iframe, and which client the server knows it as. */
export class IframeSession {
  apiKey: string | null = null;
  clientId: string | null = null;
  gdriveConfigured = false;

  configure(data: unknown): void {
    const options = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    this.apiKey = typeof options.apiKey === 'string' && options.apiKey !== '' ? options.apiKey : null;
    this.gdriveConfigured = typeof options.gdrive === 'object' && options.gdrive !== null;
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
