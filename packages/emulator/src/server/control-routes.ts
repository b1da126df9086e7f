import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSpec } from '../protocol/faults.js';
import { allowLocalOrigin } from './cors.js';
import type { EmulatorControl, PasskeySettings } from './emulator-core.js';
import { HttpError, readJsonBody, sendJson, sendNoContent } from './http-json.js';

export const CONTROL_PREFIX = '/_emulator/';

/**
 * The control API over HTTP, for tests in another process or a browser:
 *   POST /_emulator/reset · GET /_emulator/state · POST /_emulator/faults (FaultSpec) · DELETE /_emulator/faults
 *   PUT /_emulator/passkeys (PasskeySettings)
 */
export async function handleControlRequest(
  control: EmulatorControl,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  allowLocalOrigin(request, response);
  if (request.method === 'OPTIONS') return sendNoContent(response);
  const route = `${request.method ?? 'GET'} ${path}`;
  switch (route) {
    case 'GET /_emulator/state':
      return sendJson(response, 200, control.state());
    case 'POST /_emulator/reset':
      control.reset();
      return sendNoContent(response);
    case 'POST /_emulator/faults':
      return sendJson(response, 201, control.injectFault((await readJsonBody(request)) as FaultSpec));
    case 'DELETE /_emulator/faults':
      control.clearFaults();
      return sendNoContent(response);
    case 'PUT /_emulator/passkeys':
      control.configurePasskeys((await readJsonBody(request)) as PasskeySettings);
      return sendNoContent(response);
    default:
      throw new HttpError(404, `No control route ${route}`);
  }
}
