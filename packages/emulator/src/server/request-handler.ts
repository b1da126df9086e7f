import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { CONTROL_PREFIX, handleControlRequest } from './control-routes.js';
import { developmentNotice } from './development-notice.js';
import type { EmulatorCore } from './emulator-core.js';
import { isEnclaveApiPath, handleEnclaveApiRequest } from './enclave-api-routes.js';
import { HttpError, sendError } from './http-json.js';
import { API_PREFIX, handleIframeApiRequest } from './iframe-api-routes.js';
import { IFRAME_PAGE_HTML, IFRAME_PAGE_PATH, IFRAME_SCRIPT_PATH } from './iframe-page.js';
import { VAULT_PREFIX, type MountedVault } from './key-vault.js';
import type { EmulatorLogger } from './logger.js';
import { PASSKEY_POPUP_HTML, PASSKEY_POPUP_PATH, PASSKEY_POPUP_SCRIPT_PATH } from './passkey-popup-page.js';

export interface RequestHandlerOptions {
  core: EmulatorCore;
  logger: EmulatorLogger;
  iframeScript: string;
  passkeyPopupScript: string;
  /** Backup Kit's key vault, served under /vault/ when `startEmulator({ vault })` asks for it. */
  vault?: MountedVault | undefined;
}

function sendText(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': `${contentType}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

export function createRequestHandler({
  core,
  logger,
  iframeScript,
  passkeyPopupScript,
  vault,
}: RequestHandlerOptions): RequestListener {
  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith(CONTROL_PREFIX)) return handleControlRequest(core, request, response, path);
    if (path.startsWith(API_PREFIX)) return handleIframeApiRequest(core, logger, request, response, path);
    if (isEnclaveApiPath(path))
      return handleEnclaveApiRequest(core.enclave, core.clients, logger, request, response, path);
    if (path === VAULT_PREFIX || path.startsWith(`${VAULT_PREFIX}/`)) {
      if (vault) return vault.handle(request, response);
      throw new HttpError(
        404,
        "Backup Kit's key vault is not mounted here: start the emulator with { vault } (--vault-rp-id, --vault-origin)",
      );
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
    if (path === IFRAME_PAGE_PATH) return sendText(response, 200, 'text/html', IFRAME_PAGE_HTML);
    if (path === IFRAME_SCRIPT_PATH) return sendText(response, 200, 'text/javascript', iframeScript);
    if (path === PASSKEY_POPUP_PATH) return sendText(response, 200, 'text/html', PASSKEY_POPUP_HTML);
    if (path === PASSKEY_POPUP_SCRIPT_PATH) return sendText(response, 200, 'text/javascript', passkeyPopupScript);
    if (path === '/')
      return sendText(
        response,
        200,
        'text/plain',
        `${developmentNotice(`http://${request.headers.host ?? 'localhost'}`)}\n`,
      );
    if (/^\/[^/]+\/iframe\/index\.html$/.test(path)) {
      throw new HttpError(
        404,
        `The Backup Kit emulator serves only @portal-hq/web 3.4.1's iframe (${IFRAME_PAGE_PATH})`,
      );
    }
    throw new HttpError(404, 'Not found');
  }

  return (request, response) => {
    route(request, response).catch((error: unknown) => {
      const route = `${request.method} ${request.url?.split('?')[0]}`;
      if (error instanceof PortalProtocolError) logger.warn(`${route} answered ${error.code}: ${error.message}`);
      else if (!(error instanceof HttpError))
        logger.error(`${route} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      if (!response.headersSent) sendError(response, error);
      else response.end();
    });
  };
}
