import { ErrorCodes, type PortalErrorCode } from './portal-error-codes.js';

/** The `{ code, message }` payload of every `…Error` reply (protocol §3, PortalError). */
export interface PortalErrorPayload {
  code: PortalErrorCode;
  message: string;
}

/** An error meant for the SDK: its code and message go into the `…Error` reply as they are. */
export class PortalProtocolError extends Error {
  readonly code: PortalErrorCode;

  constructor(code: PortalErrorCode, message: string) {
    super(message);
    this.name = 'PortalProtocolError';
    this.code = code;
  }

  toPayload(): PortalErrorPayload {
    return { code: this.code, message: this.message };
  }
}

/**
 * Turns anything thrown into a reply payload. Unexpected errors keep only their message,
 * which the emulator's own code never builds from secrets.
 */
export function toPortalErrorPayload(error: unknown): PortalErrorPayload {
  if (error instanceof PortalProtocolError) return error.toPayload();
  const message = error instanceof Error ? error.message : String(error);
  return { code: ErrorCodes.Unknown, message: `Unexpected error in the Backup Kit emulator: ${message}` };
}
