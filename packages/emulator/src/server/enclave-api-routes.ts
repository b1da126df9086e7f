import type { IncomingMessage, ServerResponse } from 'node:http';
import { EnclaveApiPaths, type EnclaveApiErrorResponse } from '../protocol/enclave-api.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import type { ClientRegistry, ClientRecord } from './client-registry.js';
import type { EnclaveWallets } from './enclave-wallets.js';
import { HttpError, readJsonBody, sendJson, statusOf } from './http-json.js';
import type { EmulatorLogger } from './logger.js';

const PAIR_PATH = new RegExp(`^${EnclaveApiPaths.backupSharePairs}/([A-Za-z0-9_-]{1,100})$`);

function isKnownPath(path: string): boolean {
  return (Object.values(EnclaveApiPaths) as string[]).includes(path) || PAIR_PATH.test(path);
}

export function isEnclaveApiPath(path: string): boolean {
  return path.startsWith('/v1/') || path === EnclaveApiPaths.backupSharePairs || PAIR_PATH.test(path);
}

function bearerKeyOf(request: IncomingMessage): string {
  const match = /^Bearer ([^\s]{1,512})$/.exec(request.headers.authorization ?? '');
  if (!match?.[1]) throw new HttpError(401, 'Send the client API key as Authorization: Bearer <client API key>');
  return match[1];
}

function sendApiError(response: ServerResponse, error: unknown): void {
  const body = (status: number, message: string, field?: string): EnclaveApiErrorResponse => ({
    error: { status, message, ...(field === undefined ? {} : { field }) },
  });
  if (error instanceof HttpError) {
    if (error.status === 401) response.setHeader('www-authenticate', 'Bearer');
    return sendJson(response, error.status, body(error.status, error.message, error.field));
  }
  if (error instanceof PortalProtocolError) {
    const status = statusOf(error);
    return sendJson(response, status, body(status, error.message));
  }
  sendJson(response, 500, body(500, 'Internal error in the Backup Kit emulator'));
}

/**
 * The Enclave MPC API (`/v1/generate`, `/v1/backup`, `/v1/recover`) and the backup-share-pair
 * API (`/api/v3/clients/me/backup-share-pairs`), called by an app's backend. A client is its
 * API key, as for the SDK: generate makes the client; every other call needs a key the
 * emulator knows (401 otherwise). The logger gets the route and the client id, never a body.
 */
export async function handleEnclaveApiRequest(
  enclave: EnclaveWallets,
  clients: ClientRegistry,
  logger: EmulatorLogger,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  try {
    const method = request.method ?? 'GET';
    const apiKey = bearerKeyOf(request);
    const known = (): ClientRecord => {
      const client = clients.find(apiKey);
      if (!client) throw new HttpError(401, 'Unknown client API key');
      return client;
    };
    const route = `${method} ${PAIR_PATH.test(path) ? `${EnclaveApiPaths.backupSharePairs}/{id}` : path}`;
    const answer = async (): Promise<[number, unknown, ClientRecord]> => {
      switch (route) {
        case `POST ${EnclaveApiPaths.generate}`: {
          const client = clients.getOrCreate(apiKey);
          return [200, enclave.generate(client), client];
        }
        case `POST ${EnclaveApiPaths.backup}`: {
          const client = known();
          return [200, await enclave.backup(client, await readJsonBody(request)), client];
        }
        case `POST ${EnclaveApiPaths.recover}`: {
          const client = known();
          return [200, await enclave.recover(client, await readJsonBody(request)), client];
        }
        case `POST ${EnclaveApiPaths.backupSharePairs}/{id}`: {
          const client = known();
          const pairId = PAIR_PATH.exec(path)?.[1] ?? '';
          return [200, enclave.storeClientCipherText(client, pairId, await readJsonBody(request)), client];
        }
        case `PATCH ${EnclaveApiPaths.backupSharePairs}`: {
          const client = known();
          return [200, enclave.updateBackupSharePairs(client, await readJsonBody(request)), client];
        }
        default:
          throw new HttpError(isKnownPath(path) ? 405 : 404, `No route ${method} ${path}`);
      }
    };
    const [status, body, client] = await answer();
    logger.info(`${route} for ${client.id}`);
    sendJson(response, status, body);
  } catch (error) {
    if (!(error instanceof HttpError) && !(error instanceof PortalProtocolError))
      logger.error(`${request.method} ${path} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    sendApiError(response, error);
  }
}
