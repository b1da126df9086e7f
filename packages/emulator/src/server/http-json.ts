import type { IncomingMessage, ServerResponse } from 'node:http';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import { FaultSpecError } from './fault-queue.js';

const MAX_BODY_BYTES = 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The request body field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'Request body is not JSON');
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

export function sendNoContent(response: ServerResponse): void {
  response.writeHead(204, { 'cache-control': 'no-store' });
  response.end();
}

export function statusOf(error: PortalProtocolError): number {
  if (error.code === ErrorCodes.NotFound) return 404;
  if (error.code === ErrorCodes.CustodianWebhookFailed) return 502;
  return 400;
}

/** Errors as `{ error: { code, message } }`, the shape the iframe turns into an `…Error` reply. */
export function sendError(response: ServerResponse, error: unknown): void {
  if (error instanceof PortalProtocolError) {
    sendJson(response, statusOf(error), { error: error.toPayload() });
  } else if (error instanceof HttpError) {
    sendJson(response, error.status, { error: { code: ErrorCodes.BadRequest, message: error.message } });
  } else if (error instanceof FaultSpecError) {
    sendJson(response, 400, { error: { code: ErrorCodes.BadRequest, message: error.message } });
  } else {
    sendJson(response, 500, {
      error: { code: ErrorCodes.Unknown, message: 'Internal error in the Backup Kit emulator' },
    });
  }
}
