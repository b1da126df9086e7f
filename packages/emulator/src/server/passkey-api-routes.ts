import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApiPaths,
  type PasskeyAuthenticationVerifyRequest,
  type PasskeyCeremonyRequest,
  type PasskeyRegistrationVerifyRequest,
} from '../protocol/emulator-api.js';
import type { EmulatorCore } from './emulator-core.js';
import { readJsonBody, sendJson } from './http-json.js';
import type { EmulatorLogger } from './logger.js';

const CEREMONY_PATHS: ReadonlySet<string> = new Set([
  ApiPaths.passkeyRegistrationOptions,
  ApiPaths.passkeyRegistrationVerify,
  ApiPaths.passkeyAuthenticationOptions,
  ApiPaths.passkeyAuthenticationVerify,
]);

export const isPasskeyCeremonyPath = (path: string): boolean => CEREMONY_PATHS.has(path);

/**
 * The passkey window's four calls (same origin as the window, no CORS). They carry no apiKey:
 * the operation id the iframe handed the window is the only authority, and it is single-use.
 * Logs name the step and the client, never a key or a WebAuthn response.
 */
export async function handlePasskeyCeremonyRequest(
  core: EmulatorCore,
  logger: EmulatorLogger,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const body = (await readJsonBody(request)) as PasskeyCeremonyRequest & Partial<PasskeyAuthenticationVerifyRequest>;
  const passkeys = core.passkeys;
  switch (path) {
    case ApiPaths.passkeyRegistrationOptions:
      return sendJson(response, 200, await passkeys.registrationOptions(body.operationId));
    case ApiPaths.passkeyRegistrationVerify: {
      const verified = await passkeys.verifyRegistration(
        body.operationId,
        (body as PasskeyRegistrationVerifyRequest).response,
      );
      logger.info('passkey registration verified');
      return sendJson(response, 200, verified);
    }
    case ApiPaths.passkeyAuthenticationOptions:
      return sendJson(response, 200, await passkeys.authenticationOptions(body.operationId));
    default: {
      const verified = await passkeys.verifyAuthentication(body.operationId, body.response, body.key);
      logger.info(
        verified.key ? 'passkey authentication verified: key released' : 'passkey authentication verified: key taken',
      );
      return sendJson(response, 200, verified);
    }
  }
}
